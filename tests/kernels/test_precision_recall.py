"""binary_average_precision against scikit-learn's average_precision_score, bit for bit."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast.kernels.precision_recall import binary_average_precision

sklearn_metrics = pytest.importorskip("sklearn.metrics")

# Few distinct scores make ties (and -0.0 next to 0.0) common.
score = st.one_of(st.sampled_from([0.0, -0.0, 0.5, 1.0, 0.25]), st.floats(-1e6, 1e6))
pairs = st.lists(st.tuples(st.integers(0, 1), score), min_size=1, max_size=60)


def reference(y_true, y_score):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sklearn_metrics.average_precision_score(y_true, y_score)


@settings(max_examples=400, deadline=None)
@given(pairs)
def test_matches_sklearn(data):
    y_true = np.array([t for t, _ in data], dtype=np.int64)
    y_score = np.array([s for _, s in data], dtype=np.float64)
    expected = reference(y_true, y_score)
    got = binary_average_precision(y_true, y_score)
    assert np.float64(got).tobytes() == np.float64(expected).tobytes()


def test_large_and_constant():
    rng = np.random.default_rng(0)
    y_true = rng.integers(0, 2, 100_000)
    for y_score in (rng.random(100_000), np.round(rng.random(100_000), 2), np.zeros(100_000)):
        assert binary_average_precision(y_true, y_score) == reference(y_true, y_score)


def test_no_positive_is_negative_zero():
    y_true = np.zeros(5, dtype=np.int64)
    y_score = np.arange(5.0)
    got = binary_average_precision(y_true, y_score)
    assert np.float64(got).tobytes() == np.float64(reference(y_true, y_score)).tobytes()


@settings(max_examples=200, deadline=None)
@given(st.lists(pairs, min_size=1, max_size=5))
def test_grouped_matches_per_group(groups):
    from mlebench_fast.kernels.precision_recall import grouped_average_precisions

    y_true = np.array([t for g in groups for t, _ in g], dtype=np.int64)
    y_score = np.array([s for g in groups for _, s in g], dtype=np.float64)
    offsets = np.cumsum([0] + [len(g) for g in groups]).astype(np.int64)
    aps, status = grouped_average_precisions(y_true, y_score, offsets)
    for k, g in enumerate(groups):
        t = y_true[offsets[k] : offsets[k + 1]]
        if t.all():
            assert status == 1
            return
        want = reference(t, y_score[offsets[k] : offsets[k + 1]])
        assert np.float64(aps[k]).tobytes() == np.float64(want).tobytes()
    assert status == 0


@settings(max_examples=200, deadline=None)
@given(st.lists(pairs, min_size=1, max_size=5))
def test_sorted_groups_match_sklearn(groups):
    from mlebench_fast.kernels.precision_recall import sorted_group_average_precisions

    pos, neg, pos_n, neg_n, zero_pos, zero_neg = [], [], [], [], [], []
    for g in groups:
        p = sorted(s for t, s in g if t == 1 and s != 0)
        q = sorted(s for t, s in g if t == 0 and s != 0)
        pos += p
        neg += q
        pos_n.append(len(p))
        neg_n.append(len(q))
        zero_pos.append(float(sum(1 for t, s in g if t == 1 and s == 0)))
        zero_neg.append(float(sum(1 for t, s in g if t == 0 and s == 0)))
    pos_off = np.cumsum([0] + pos_n[:-1]).astype(np.int64)
    neg_off = np.cumsum([0] + neg_n[:-1]).astype(np.int64)
    aps = sorted_group_average_precisions(
        np.array(pos, dtype=np.float64), pos_off, np.array(pos_n, dtype=np.int64),
        np.array(neg, dtype=np.float64), neg_off, np.array(neg_n, dtype=np.int64),
        np.array(zero_pos), np.array(zero_neg),
    )
    for k, g in enumerate(groups):
        want = reference([t for t, _ in g], [s for _, s in g])
        assert np.float64(aps[k]).tobytes() == np.float64(want).tobytes()
