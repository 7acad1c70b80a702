"""Hausdorff kernels against scipy's directed_hausdorff and a NumPy copy of the uw-madison
grader's ``hausdorff_distance`` on materialised volumes."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.spatial.distance import directed_hausdorff

from mlebench_fast.kernels.hausdorff import points_directed_hausdorff, union_runs, volume_hausdorff


def _scipy_directed(a, b, shape):
    return directed_hausdorff(np.asarray(a) / shape, np.asarray(b) / shape)[0]


def _reference_hausdorff(pred: np.ndarray, true: np.ndarray) -> float:
    """The grader's rules, with scipy, on dense (D, H, W) volumes."""
    if pred.sum() == 0 and true.sum() == 0:
        return np.nan
    if np.array_equal(pred, true):
        return 0
    if (pred.sum() == 0) != (true.sum() == 0):
        return 1
    if pred.sum() > 10 * true.sum():
        return 1
    t = np.argwhere(true) / true.shape
    p = np.argwhere(pred) / true.shape
    return max(directed_hausdorff(t, p)[0], directed_hausdorff(p, t)[0]) / np.sqrt(3)


def _slice_runs(volume: np.ndarray):
    """Column-major runs of each (H, W) slice: offsets, starts, stops, slice indices."""
    offsets, starts, stops = [0], [], []
    for plane in volume:
        flat = plane.T.reshape(-1).astype(np.int8)
        edges = np.diff(np.concatenate(([0], flat, [0])))
        starts += np.flatnonzero(edges == 1).tolist()
        stops += np.flatnonzero(edges == -1).tolist()
        offsets.append(len(starts))
    as_i64 = lambda v: np.asarray(v, dtype=np.int64)  # noqa: E731
    slices = np.arange(volume.shape[0], dtype=np.int64)
    return as_i64(offsets), as_i64(starts), as_i64(stops), slices


def _ours(pred: np.ndarray, true: np.ndarray) -> float:
    p = _slice_runs(pred)
    t = _slice_runs(true)
    return volume_hausdorff(*p, pred.shape[1], pred.shape[2], *t, true.shape[1], true.shape[2])


points = st.lists(
    st.tuples(st.integers(0, 6), st.integers(0, 9), st.integers(0, 9)), min_size=1, max_size=40
)


@settings(max_examples=300, deadline=None)
@given(points, points, st.tuples(st.integers(1, 8), st.integers(1, 12), st.integers(1, 12)))
def test_points_match_scipy_bit_for_bit(a, b, shape):
    expected = _scipy_directed(a, b, shape)
    assert points_directed_hausdorff(np.array(a), np.array(b), shape) == expected



@st.composite
def volume_pairs(draw):
    d, h, w = draw(st.integers(1, 5)), draw(st.integers(1, 7)), draw(st.integers(1, 7))
    seed = draw(st.integers(0, 2**31))
    rng = np.random.default_rng(seed)
    p_rate, t_rate = draw(st.sampled_from([0.0, 0.02, 0.2, 0.6, 1.0])), draw(
        st.sampled_from([0.0, 0.02, 0.2, 0.6, 1.0])
    )
    true = rng.random((d, h, w)) < t_rate
    mode = draw(st.sampled_from(["independent", "equal", "subset", "other_shape"]))
    if mode == "equal":
        pred = true.copy()
    elif mode == "subset":
        pred = true & (rng.random((d, h, w)) < 0.7)
    elif mode == "other_shape":
        pd_, ph, pw = draw(st.integers(1, 5)), draw(st.integers(1, 7)), draw(st.integers(1, 7))
        pred = rng.random((pd_, ph, pw)) < p_rate
    else:
        pred = rng.random((d, h, w)) < p_rate
    return pred, true


@settings(max_examples=400, deadline=None)
@given(volume_pairs())
def test_volumes_match_the_grader_rules(pair):
    pred, true = pair
    expected = _reference_hausdorff(pred, true)
    got = _ours(pred, true)
    if np.isnan(expected):
        assert np.isnan(got)
    else:
        assert got == expected


def test_blobs_far_apart_and_large():
    z, y, x = np.mgrid[:20, :60, :50]
    true = ((z - 8) ** 2 / 30 + (y - 20) ** 2 / 80 + (x - 20) ** 2 / 60) < 1
    pred = ((z - 10) ** 2 / 25 + (y - 26) ** 2 / 90 + (x - 18) ** 2 / 70) < 1
    pred[2, 55, 45] = True  # an outlier far from the truth
    assert _ours(pred, true) == _reference_hausdorff(pred, true)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 5)), max_size=4), min_size=1,
                max_size=4))
def test_union_runs_is_the_or_of_the_rows(rows):
    n = 40
    masks = np.zeros((len(rows), n), dtype=bool)
    offsets, starts, stops = [0], [], []
    for r, runs in enumerate(rows):
        covered = np.zeros(n, dtype=bool)
        for s, length in runs:
            covered[s:s + length] = True
        masks[r] = covered
        edges = np.diff(np.concatenate(([0], covered.astype(np.int8), [0])))
        starts += np.flatnonzero(edges == 1).tolist()
        stops += np.flatnonzero(edges == -1).tolist()
        offsets.append(len(starts))
    off, lo, hi = union_runs(
        np.array([0, len(rows)], dtype=np.int64), np.arange(len(rows), dtype=np.int64),
        np.array(offsets, dtype=np.int64), np.array(starts, dtype=np.int64),
        np.array(stops, dtype=np.int64),
    )
    union = masks.any(axis=0)
    edges = np.diff(np.concatenate(([0], union.astype(np.int8), [0])))
    assert lo.tolist() == np.flatnonzero(edges == 1).tolist()
    assert hi.tolist() == np.flatnonzero(edges == -1).tolist()
