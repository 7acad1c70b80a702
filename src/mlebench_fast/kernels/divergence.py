"""Divergence-type kernels: Kaggle's KL divergence and the weighted multi-label log loss.

| kernel | reference | returns |
|---|---|---|
| ``kl_divergence`` | Kaggle's ``kullback-leibler-divergence`` metric, micro average | ``numpy.float64`` |
| ``weighted_multilabel_log_loss`` | RSNA 2022's ``custom_comp_weighted_loss`` | ``numpy.float64`` |

Both reference formulas end in ``np.average`` / ``np.mean`` over per-row values; the kernels
return those per-row values and leave the mean to numpy, so the final pairwise sum is numpy's own.
Per-row sums run left to right: the reference sums pandas / numpy blocks laid out column-major,
which numpy reduces one column after the other.
"""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import as_native, kernel

__all__ = ["kl_divergence", "kl_divergence_rows", "weighted_multilabel_log_loss"]


@kernel
def _kl_rows(solution, submission, lo, hi):
    n, k = solution.shape
    out = np.empty(n, np.float64)
    for i in range(n):
        total = 0.0
        for j in range(k):
            y = solution[i, j]
            if y != 0:
                p = submission[i, j]
                if p == p:
                    p = min(max(p, lo[j]), hi[j])
                term = y * np.log(y / p)
                # pandas' row sum skips NaN (a NaN prediction or a NaN target row)
                if term == term:
                    total += term
        out[i] = total
    return out


def kl_divergence_rows(
    solution: object,
    submission: object,
    epsilon: float = 1e-15,
    clipped: object | None = None,
) -> np.ndarray:
    """Per-row ``sum_j y * log(y / clip(p, eps, 1 - eps))`` over ``y != 0``, NaN terms skipped.

    ``np.clip`` keeps NaN, so a NaN prediction where ``y != 0`` gives a NaN term, which pandas'
    ``sum(axis=1)`` then skips; where ``y == 0`` the reference writes 0 whatever ``p`` is.
    ``clipped`` (default: all) says which columns are clipped: pandas' ``clip`` of an integer
    column by these float bounds gives the integers back, so a 0 there stays 0.
    """
    y = np.ascontiguousarray(as_native(solution), dtype=np.float64)
    p = np.ascontiguousarray(as_native(submission), dtype=np.float64)
    if y.shape != p.shape or y.ndim != 2:
        msg = f"solution and submission shapes differ: {y.shape} vs {p.shape}"
        raise ValueError(msg)
    k = y.shape[1]
    mask = np.ones(k, bool) if clipped is None else np.asarray(clipped, dtype=bool)
    lo = np.where(mask, np.float64(epsilon), -np.inf)
    hi = np.where(mask, np.float64(1 - epsilon), np.inf)
    return _kl_rows(y, p, lo, hi)


def kl_divergence(
    solution: object,
    submission: object,
    epsilon: float = 1e-15,
    clipped: object | None = None,
) -> np.float64:
    """Kaggle's KL divergence, micro-averaged: the mean over rows of :func:`kl_divergence_rows`.

    An empty input gives NaN, as ``np.average`` of nothing does (with numpy's warning muted).
    """
    rows = kl_divergence_rows(solution, submission, epsilon, clipped)
    if rows.size == 0:
        return np.float64(np.nan)
    return np.mean(rows)


@kernel
def _weighted_rows(t, p, w_neg, w_pos, lo, hi):
    n, k = t.shape
    out = np.empty(n, np.float64)
    for i in range(n):
        total = 0.0
        weight = 0.0
        for j in range(k):
            y = t[i, j]
            q = min(max(p[i, j], lo), hi)
            loss = -(y * np.log(q) + (1.0 - y) * np.log(1.0 - q))
            w = y * w_pos[j] + (1.0 - y) * w_neg[j]
            total += loss * w
            weight += w
        out[i] = total / weight
    return out


def weighted_multilabel_log_loss(
    y_true: object,
    y_pred: object,
    negative_weights: object,
    positive_weights: object,
    epsilon: float = 1e-15,
) -> np.float64:
    """Mean over rows of ``sum_j w_ij * bce_ij / sum_j w_ij`` with ``w_ij = y * w+_j + (1 - y) * w-_j``
    and ``bce_ij`` the binary cross-entropy of ``clip(p, eps, 1 - eps)``.

    NaN predictions propagate (``np.clip`` keeps NaN); no rows gives NaN, as ``np.mean`` does.
    """
    t = np.ascontiguousarray(as_native(y_true), dtype=np.float64)
    p = np.ascontiguousarray(as_native(y_pred), dtype=np.float64)
    if t.shape != p.shape or t.ndim != 2:
        msg = f"y_true and y_pred shapes differ: {t.shape} vs {p.shape}"
        raise ValueError(msg)
    w_neg = np.ascontiguousarray(negative_weights, dtype=np.float64)
    w_pos = np.ascontiguousarray(positive_weights, dtype=np.float64)
    if w_neg.shape != (t.shape[1],) or w_pos.shape != (t.shape[1],):
        msg = f"weights must have one value per column ({t.shape[1]})"
        raise ValueError(msg)
    rows = _weighted_rows(t, p, w_neg, w_pos, np.float64(epsilon), np.float64(1 - epsilon))
    if rows.size == 0:
        return np.float64(np.nan)
    return np.mean(rows)
