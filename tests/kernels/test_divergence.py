"""Divergence kernels against plain NumPy versions of the reference formulas (Kaggle's KL divergence
as the HMS grader runs it; RSNA 2022's ``custom_comp_weighted_loss``)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mlebench_fast.kernels.divergence import (
    kl_divergence,
    kl_divergence_rows,
    weighted_multilabel_log_loss,
)

W_NEG = np.array([7, 1, 1, 1, 1, 1, 1, 1], dtype=np.float32)
W_POS = np.array([14, 2, 2, 2, 2, 2, 2, 2], dtype=np.float32)


def kl_oracle(y: np.ndarray, p: np.ndarray, eps: float = 1e-15) -> np.float64:
    """Kaggle's kl_divergence, column by column as the reference writes it; pandas' row sum
    (NaN skipped) is np.nansum along rows."""
    terms = np.zeros_like(y, dtype=np.float64)
    for j in range(y.shape[1]):
        q = np.clip(p[:, j], eps, 1 - eps)
        nz = y[:, j] != 0
        with np.errstate(divide="ignore", invalid="ignore"):
            terms[nz, j] = y[nz, j] * np.log(y[nz, j] / q[nz])
    return np.average(np.nansum(terms, axis=1))


def weighted_oracle(t: np.ndarray, p: np.ndarray, eps: float = 1e-15) -> np.float64:
    t = np.asfortranarray(t)
    q = np.clip(np.asfortranarray(p), eps, 1 - eps)
    loss = -(t * np.log(q) + (1 - t) * np.log(1 - q))
    weights = t * W_POS + (1 - t) * W_NEG
    return np.mean(np.sum(loss * weights, axis=1) / weights.sum(axis=1))


def _close(a: float, b: float) -> bool:
    if np.isnan(b):
        return bool(np.isnan(a))
    return a == b or abs(a - b) <= 1e-12 * abs(b)


shares = st.integers(1, 40).flatmap(
    lambda n: st.tuples(
        arrays(np.int64, (n, 6), elements=st.integers(0, 5)),
        arrays(np.float64, (n, 6), elements=st.sampled_from([0.0, 1.0, 1e-16, 0.5, 1e-300])
               | st.floats(0, 1)),
    )
)


@settings(max_examples=300, deadline=None)
@given(shares)
def test_kl_matches_reference_formula(data):
    votes, p = data
    votes[votes.sum(axis=1) == 0, 0] = 1
    y = votes / votes.sum(axis=1, keepdims=True)
    ours = kl_divergence(y, p)
    assert type(ours) is np.float64
    assert _close(ours, kl_oracle(y, p))


def test_kl_nan_prediction_term_is_skipped():
    y = np.array([[0.5, 0.5, 0.0], [1.0, 0.0, 0.0]])
    p = np.array([[np.nan, 0.5, 0.5], [0.7, np.nan, 0.3]])
    assert _close(kl_divergence(y, p), kl_oracle(y, p))
    assert np.isfinite(kl_divergence_rows(y, p)).all()


def test_kl_unclipped_integer_columns_give_infinity():
    y = np.array([[1.0, 0.0], [0.0, 1.0]])
    p = np.array([[0.0, 1.0], [0.0, 1.0]])
    assert kl_divergence(y, p, clipped=[False, False]) == np.inf
    assert np.isfinite(kl_divergence(y, p))


def test_kl_edge_inputs():
    assert np.isnan(kl_divergence(np.empty((0, 6)), np.empty((0, 6))))
    ro = np.array([[0.25, 0.75]])
    ro.setflags(write=False)
    big_endian = ro.astype(">f8")
    assert _close(kl_divergence(ro, big_endian), 0.0)
    with pytest.raises(ValueError):
        kl_divergence(np.ones((2, 3)), np.ones((2, 2)))


labels = st.integers(1, 60).flatmap(
    lambda n: st.tuples(
        arrays(np.int64, (n, 8), elements=st.integers(0, 1)),
        arrays(np.float64, (n, 8), elements=st.sampled_from([0.0, 1.0, 1e-16, 1 - 1e-16])
               | st.floats(0, 1)),
    )
)


@settings(max_examples=300, deadline=None)
@given(labels)
def test_weighted_matches_reference_formula(data):
    t, p = data
    ours = weighted_multilabel_log_loss(t, p, W_NEG, W_POS)
    assert type(ours) is np.float64
    assert _close(ours, weighted_oracle(t, p))


def test_weighted_large_and_constant():
    rng = np.random.default_rng(3)
    t = (rng.random((20_000, 8)) < 0.2).astype(np.int64)
    p = rng.random((20_000, 8))
    assert _close(weighted_multilabel_log_loss(t, p, W_NEG, W_POS), weighted_oracle(t, p))
    const = np.full_like(p, 0.5)
    assert _close(weighted_multilabel_log_loss(t, const, W_NEG, W_POS), weighted_oracle(t, const))


def test_weighted_edge_inputs():
    assert np.isnan(weighted_multilabel_log_loss(np.empty((0, 8)), np.empty((0, 8)), W_NEG, W_POS))
    t = np.zeros((1, 8))
    p = np.full((1, 8), np.nan)
    assert np.isnan(weighted_multilabel_log_loss(t, p, W_NEG, W_POS))
    with pytest.raises(ValueError):
        weighted_multilabel_log_loss(np.zeros((2, 8)), np.zeros((2, 7)), W_NEG, W_POS)
    with pytest.raises(ValueError):
        weighted_multilabel_log_loss(np.zeros((2, 8)), np.zeros((2, 8)), W_NEG[:3], W_POS)
