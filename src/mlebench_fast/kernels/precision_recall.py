"""scikit-learn 1.5.2's binary ``average_precision_score`` on 0/1 labels, bit-identical.

sklearn sorts the scores (stable mergesort, then reversed), keeps one point per distinct score,
counts true/false positives there with a float64 cumulative sum, and returns
``-np.sum(np.diff(recall) * precision[:-1])`` over the reversed curve with (recall 0, precision 1)
appended. Only the tie *groups* matter for the counts (exact integers), so any order that groups
equal scores gives the same curve; the final sum follows numpy's pairwise order
(:mod:`.summation`).

No positive label: sklearn warns and sets the recall to 1 everywhere; the precision is then 0
everywhere and the value is ``-0.0`` (returned as is; the caller decides about the warning).
"""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import kernel
from mlebench_fast.kernels.summation import np_sum

__all__ = [
    "binary_average_precision",
    "grouped_average_precisions",
    "sorted_average_precision",
    "sorted_group_average_precisions",
]


@kernel
def binary_average_precision(y_true, y_score):
    """AP of ``y_true`` (0/1 ints) against finite float64 ``y_score`` (non-empty)."""
    n = y_score.shape[0]
    # Only the tie groups matter: the positives' and the negatives' scores are sorted apart, and
    # exact zeros (ground-truth fillers in detection metrics) are only counted.
    pos = np.empty(n, dtype=np.float64)
    neg = np.empty(n, dtype=np.float64)
    n_pos = 0
    n_neg = 0
    zero_pos = 0.0
    zero_neg = 0.0
    for i in range(n):
        v = y_score[i]
        if v == 0.0:
            if y_true[i]:
                zero_pos += 1.0
            else:
                zero_neg += 1.0
        elif y_true[i]:
            pos[n_pos] = v
            n_pos += 1
        else:
            neg[n_neg] = v
            n_neg += 1
    return sorted_average_precision(np.sort(pos[:n_pos]), np.sort(neg[:n_neg]), zero_pos, zero_neg)


@kernel
def sorted_average_precision(pos, neg, zero_pos, zero_neg):
    """AP of pairs given as the ascending non-zero scores of the positives (``pos``) and of the
    negatives (``neg``) and the numbers of zero-score positives and negatives (at least one
    pair; finite scores)."""
    n_pos = pos.shape[0]
    n_neg = neg.shape[0]
    size = n_pos + n_neg + 1
    # tps/fps at the end of each group of equal scores, in descending-score order.
    tps = np.empty(size, dtype=np.float64)
    fps = np.empty(size, dtype=np.float64)
    m = 0
    tp = 0.0
    fp = 0.0
    i = n_pos - 1
    j = n_neg - 1
    zeros_left = zero_pos + zero_neg > 0
    while i >= 0 or j >= 0 or zeros_left:
        if i >= 0 and (j < 0 or pos[i] >= neg[j]):
            v = pos[i]
        elif j >= 0:
            v = neg[j]
        else:
            v = 0.0
        if zeros_left and v < 0.0 or (i < 0 and j < 0):
            v = 0.0
        if v == 0.0:
            tp += zero_pos
            fp += zero_neg
            zeros_left = False
        elif v != v:
            # Outside the contract (scores are finite): a NaN is a group of its own.
            if i >= 0 and pos[i] != pos[i]:
                tp += 1.0
                i -= 1
            else:
                fp += 1.0
                j -= 1
        else:
            while i >= 0 and pos[i] == v:
                tp += 1.0
                i -= 1
            while j >= 0 and neg[j] == v:
                fp += 1.0
                j -= 1
        tps[m] = tp
        fps[m] = fp
        m += 1
    total = tps[m - 1]
    terms = np.empty(m, dtype=np.float64)
    # Reversed curve: recall_full = [r[m-1] .. r[0], 0], precision_full = [p[m-1] .. p[0], 1].
    for k in range(m):
        j = m - 1 - k
        ps = tps[j] + fps[j]
        p = tps[j] / ps if ps != 0 else 0.0
        r = tps[j] / total if total != 0 else 1.0
        r_next = 0.0
        if j > 0:
            r_next = tps[j - 1] / total if total != 0 else 1.0
        terms[k] = (r_next - r) * p
    return -np_sum(terms, 0.0)


@kernel
def sorted_group_average_precisions(pos, pos_off, pos_n, neg, neg_off, neg_n, zero_pos, zero_neg):
    """:func:`sorted_average_precision` of each group ``k``: ``pos[pos_off[k]:pos_off[k] +
    pos_n[k]]`` (sorted), the same slice of ``neg``, and ``zero_pos[k]``, ``zero_neg[k]``."""
    k = pos_n.shape[0]
    out = np.empty(k, dtype=np.float64)
    for g in range(k):
        out[g] = sorted_average_precision(
            pos[pos_off[g] : pos_off[g] + pos_n[g]], neg[neg_off[g] : neg_off[g] + neg_n[g]],
            zero_pos[g], zero_neg[g],
        )
    return out


@kernel
def grouped_average_precisions(y_true, y_score, offsets):
    """:func:`binary_average_precision` of each group ``offsets[k]:offsets[k + 1]``, and a status:
    0, or 1 when a group's labels are all positive (checked first), or 2 when its scores hold a
    non-finite value (scikit-learn's finiteness check) — the first failing group decides."""
    k = offsets.shape[0] - 1
    out = np.empty(k, dtype=np.float64)
    for g in range(k):
        lo, hi = offsets[g], offsets[g + 1]
        all_pos = True
        for i in range(lo, hi):
            if y_true[i] != 1:
                all_pos = False
                break
        if all_pos:
            return out, 1
        for i in range(lo, hi):
            v = y_score[i]
            if v != v or v == np.inf or v == -np.inf:
                return out, 2
        out[g] = binary_average_precision(y_true[lo:hi], y_score[lo:hi])
    return out, 0
