"""icecube's angular-distance kernels against the reference's expression verbatim in numpy, and
the exact sums against math.fsum: random and adversarial inputs (identical, opposite, nearly
identical and polar directions, huge angles, tiny values), and the same result whatever the
order of the rows, the thread count or the pieces a file is cut into."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from mlebench_fast.kernels import angular as A
from mlebench_fast.kernels.summation import fixed_limbs, fixed_total


def np_angular(az_true, zen_true, az_pred, zen_pred):
    """icecube's angular_dist_score, verbatim in numpy."""
    sa1, ca1, sz1, cz1 = np.sin(az_true), np.cos(az_true), np.sin(zen_true), np.cos(zen_true)
    sa2, ca2, sz2, cz2 = np.sin(az_pred), np.cos(az_pred), np.sin(zen_pred), np.cos(zen_pred)
    prod = np.clip(sz1 * sz2 * (ca1 * ca2 + sa1 * sa2) + (cz1 * cz2), -1, 1)
    return np.average(np.abs(np.arccos(prod)))


def terms_of(az, zen):
    terms = np.empty((az.shape[0], 3))
    A.direction_terms(az, zen, terms)
    return terms


def mean(az_true, zen_true, az_pred, zen_pred, rows=None, threads=1):
    return A.mean_angular_distance(terms_of(az_true, zen_true), az_pred, zen_pred, rows, threads)


angles = st.floats(-10, 10, allow_nan=False)


@settings(max_examples=80, deadline=None)
@given(data=st.data(), n=st.integers(1, 300))
def test_angular_matches_numpy(data, n):
    arrays = [data.draw(hnp.arrays(np.float64, n, elements=angles)) for _ in range(4)]
    got = mean(*arrays)
    assert type(got) is np.float64
    np.testing.assert_allclose(got, np_angular(*arrays), rtol=1e-10, atol=1e-13)


@pytest.mark.parametrize("angle", [0.0, 1e-9, 1e-6, 1e-3, 0.009, 0.0101, 0.02, 1.0])
def test_nearly_identical_and_nearly_opposite_directions(angle):
    """Where the shortcut gives way to the reference's expression (0.01 rad from 0 or pi), on
    both sides: angles at the limit of arccos's conditioning."""
    rng = np.random.default_rng(7)
    n = 20_000
    az, zen = rng.uniform(0, 2 * np.pi, n), rng.uniform(0.05, np.pi - 0.05, n)
    near = (az, zen + angle)
    opposite = ((az + np.pi) % (2 * np.pi), np.pi - zen + angle)
    for az2, zen2 in (near, opposite):
        np.testing.assert_allclose(mean(az, zen, az2, zen2), np_angular(az, zen, az2, zen2),
                                   rtol=1e-10, atol=1e-15)


def test_identical_opposite_polar_and_huge_angles():
    rng = np.random.default_rng(1)
    n = 50_000
    az, zen = rng.uniform(0, 2 * np.pi, n), rng.uniform(0, np.pi, n)
    # identical directions: the reference's arccos of its rounding noise (~1e-8 a row)
    np.testing.assert_allclose(mean(az, zen, az, zen), np_angular(az, zen, az, zen), rtol=1e-9)
    opp_az, opp_zen = (az + np.pi) % (2 * np.pi), np.pi - zen
    np.testing.assert_allclose(mean(az, zen, opp_az, opp_zen), np_angular(az, zen, opp_az, opp_zen),
                               rtol=1e-12)
    poles = np.zeros(n)
    np.testing.assert_allclose(mean(az, poles, az[::-1].copy(), poles + np.pi), np.pi, rtol=1e-12)
    huge = az + 1e9  # azimuths far past 2 pi: their difference would lose digits
    np.testing.assert_allclose(mean(huge, zen, az, zen), np_angular(huge, zen, az, zen), rtol=1e-10)


@pytest.mark.parametrize("n", [1, 5, 2048, 2049, 40_000])
def test_the_same_result_whatever_the_order_or_the_threads(n):
    rng = np.random.default_rng(n)
    a = rng.uniform(-7, 7, (4, n))
    a[2, : n // 3] = a[0, : n // 3]  # identical directions
    a[3, : n // 3] = a[1, : n // 3]
    base = mean(*a)
    for threads in (1, 2, 3):
        assert mean(*a, threads=threads) == base
    rows = rng.permutation(n).astype(np.int64)
    inverse = np.argsort(rows)
    # answers permuted, predictions read through rows: the same pairs in another order
    assert mean(a[0][inverse], a[1][inverse], a[2], a[3], inverse.astype(np.uint32), threads=2) == base
    np.testing.assert_allclose(base, np_angular(*a), rtol=1e-10)


def test_empty_is_nan():
    empty = np.empty(0)
    assert np.isnan(mean(empty, empty, empty, empty))


def test_direction_terms_are_numpys():
    rng = np.random.default_rng(3)
    az, zen = rng.uniform(-7, 7, 1000), rng.uniform(-7, 7, 1000)
    np.testing.assert_allclose(terms_of(az, zen), np.column_stack([az, np.sin(zen), np.cos(zen)]),
                               rtol=1e-15, atol=1e-16)


# ------------------------------------------------------------------ exact sums


def fixed_sum(values) -> float:
    h = m = low = 0
    for v in values:
        dh, dm, dl = fixed_limbs(float(v))
        h, m, low = h + dh, m + dm, low + dl
    return fixed_total([(h, m, low)])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(2.0**-27, 65535.0), max_size=60))
def test_fixed_sums_are_exact(values):
    assert fixed_sum(values) == math.fsum(values)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(0.0, 2.0**-27), max_size=60))
def test_values_below_the_grid_lose_at_most_one_grid_step(values):
    assert abs(fixed_sum(values) - math.fsum(values)) <= len(values) * 2.0**-80


def test_fixed_sums_of_many_values_in_any_order():
    rng = np.random.default_rng(5)
    values = np.concatenate([rng.uniform(0, np.pi, 5000), [0.0, np.pi, 1.4901161193847656e-08]])
    assert fixed_sum(values) == math.fsum(values) == fixed_sum(values[::-1])


# ------------------------------------------------------------------ rows paired by id


def by_id(pred_ids, az, zen, ids, terms, pieces=1):
    """add_distances_by_id over a submission cut into ``pieces``: (code, mean, seen)."""
    base = int(ids[0])
    offsets = (ids - base).astype(np.uint32)
    table, shift, ranks = A.id_lookup(offsets)
    assert (ranks.shape[0] > 0) == (int(offsets[-1]) < A.RANK_SPREAD * offsets.shape[0])
    assert (table.shape[0] > 0) != (ranks.shape[0] > 0)
    seen = np.zeros(ids.shape[0], dtype=np.uint8)
    totals = []
    bounds = np.linspace(0, pred_ids.shape[0], pieces + 1).astype(int)
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        acc = np.zeros(3, dtype=np.int64)
        code = A.add_distances_by_id(pred_ids, az, zen, lo, hi, offsets, base, table, shift,
                                     ranks, terms, seen, acc)
        if code:
            return code, None, seen
        totals.append(acc)
    return 0, A.mean_of_limbs(totals, ids.shape[0]), seen


@pytest.mark.parametrize("spread", [1, 10, 40])  # rank bitmap, rank bitmap, bucket table
@pytest.mark.parametrize("pieces", [1, 3, 7])
def test_rows_paired_by_id_equal_the_placed_mean(pieces, spread):
    rng = np.random.default_rng(pieces)
    n = 30_000
    ids = np.sort(rng.choice(spread * n, n, replace=False)).astype(np.int64) + 1000
    az, zen = rng.uniform(0, 6, n), rng.uniform(0, 3, n)
    terms = terms_of(az, zen)
    order = rng.permutation(n)
    paz, pzen = rng.uniform(0, 6, n), rng.uniform(0, 3, n)
    code, got, seen = by_id(ids[order], paz, pzen, ids, terms, pieces)
    assert code == 0 and seen.all()
    assert got == A.mean_angular_distance(terms, paz[np.argsort(order)], pzen[np.argsort(order)])
    np.testing.assert_allclose(got, np_angular(az[order], zen[order], paz, pzen), rtol=1e-10)


@pytest.mark.parametrize("step", [3, 64])  # rank bitmap, bucket table
def test_unknown_ids_and_bad_predictions_are_refused(step):
    rng = np.random.default_rng(9)
    n = 5000
    ids = np.arange(0, step * n, step, dtype=np.int64) + 7
    terms = terms_of(rng.uniform(0, 6, n), rng.uniform(0, 3, n))
    az, zen = rng.uniform(0, 6, n), rng.uniform(0, 3, n)
    for bad_id in (8, 6, ids[-1] + 1, ids[-1] + 64, -(2**62)):  # between, below, above, far
        pred = ids.copy()
        pred[1234] = bad_id
        assert by_id(pred, az, zen, ids, terms)[0] == 1
    for bad in (np.nan, np.inf):
        with_bad = az.copy()
        with_bad[17] = bad
        assert by_id(ids, with_bad, zen, ids, terms)[0] == 2
    repeated = ids.copy()
    repeated[10] = repeated[11]
    code, _, seen = by_id(repeated, az, zen, ids, terms)
    assert code == 0 and not seen.all()  # the caller's check: an id left unseen


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 200), st.integers(1, 4), st.integers(0, 2**32 - 1))
def test_permute_rows_equals_fancy_indexing(n, width, seed):
    rng = np.random.default_rng(seed)
    array = rng.normal(size=(n, width))
    order = rng.permutation(n).astype(np.int64)
    want = array[order]
    A.permute_rows(array, order)
    assert np.array_equal(array, want)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 5000), min_size=1, max_size=300, unique=True))
def test_rank_bitmap_positions(values):
    """Every id's position (its rank) and every other value's absence, against searchsorted."""
    ids = np.array(sorted(values), dtype=np.int64)
    offsets = (ids - ids[0]).astype(np.uint32)
    words = A._rank_words(offsets)
    present_values = set(offsets.tolist())
    for v in range(int(offsets[-1]) + 64):
        bits = int(words[v >> 6, 0]) if v >> 6 < words.shape[0] else 0
        present = bool(bits >> (v & 63) & 1)
        assert present == (v in present_values)
        if present:
            rank = int(words[v >> 6, 1]) + bin(bits & ((1 << (v & 63)) - 1)).count("1")
            assert rank == int(np.searchsorted(offsets, v))


@pytest.mark.parametrize("values", [[0], [0, 63, 64, 65, 70], list(range(0, 1000, 7))])
def test_ids_of_ranks_decode_the_bitmap(values):
    offsets = np.array(values, dtype=np.uint32)
    _, _, ranks = A.id_lookup(offsets)
    assert ranks.shape[0] and np.array_equal(A.ids_of_ranks(ranks), offsets)
