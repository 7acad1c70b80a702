"""Weighted LRAP against scikit-learn 1.5.2's label_ranking_average_precision_score."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import label_ranking_average_precision_score as sk_lrap

from mlebench_fast.kernels.ranking_lrap import label_ranking_average_precision_score as lrap


def outcome(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return ("ok", fn(*args, **kwargs))
        except Exception as exc:  # noqa: BLE001
            return ("raise", type(exc))


@st.composite
def problems(draw):
    n = draw(st.integers(1, 12))
    k = draw(st.integers(2, 9))
    truth = np.array(draw(st.lists(st.integers(0, 1), min_size=n * k, max_size=n * k))).reshape(n, k)
    level = st.one_of(st.sampled_from([0.0, 0.5, 1.0]), st.floats(-10, 10, allow_nan=False))
    scores = np.array(draw(st.lists(level, min_size=n * k, max_size=n * k))).reshape(n, k)
    return truth, scores


@settings(max_examples=300, deadline=None)
@given(problems(), st.booleans())
def test_matches_sklearn(problem, weighted):
    truth, scores = problem
    weights = truth.sum(axis=1) if weighted else None
    if weighted and weights.sum() == 0:
        weights = np.ones(truth.shape[0], dtype=np.int64)
    got = outcome(lrap, truth, scores, weights)
    want = outcome(sk_lrap, truth, scores, sample_weight=weights)
    assert got[0] == want[0]
    if got[0] == "ok":
        assert type(got[1]) is type(want[1]) or not weighted
        assert abs(got[1] - want[1]) <= 1e-12 * abs(want[1]), (got, want)


@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_non_finite_scores_raise(bad):
    truth = np.array([[1, 0, 0], [0, 1, 1]])
    scores = np.array([[0.1, bad, 0.3], [0.5, 0.2, 0.1]])
    w = truth.sum(axis=1)
    assert outcome(lrap, truth, scores, w) == outcome(sk_lrap, truth, scores, sample_weight=w)


def test_large_weighted():
    rng = np.random.default_rng(0)
    truth = (rng.random((3000, 80)) < 0.02).astype(np.int64)
    truth[np.arange(3000), rng.integers(0, 80, 3000)] = 1
    scores = np.round(rng.random((3000, 80)), 2)
    w = truth.sum(axis=1)
    got, want = lrap(truth, scores, w), sk_lrap(truth > 0, scores, sample_weight=w)
    assert type(got) is type(want) and abs(got - want) <= 1e-12 * want
