"""scikit-learn 1.5.2's binary ``average_precision_score`` on 0/1 labels, bit-identical.

sklearn sorts the scores (stable mergesort, then reversed), keeps one point per distinct score,
counts true/false positives there with a float64 cumulative sum, and returns
``-np.sum(np.diff(recall) * precision[:-1])`` over the reversed curve with (recall 0, precision 1)
appended. Only the tie *groups* matter for the counts, so any sort that groups equal scores gives
the same curve; the final sum follows numpy's pairwise order (:mod:`.summation`).

No positive label: sklearn warns and sets the recall to 1 everywhere; the precision is then 0
everywhere and the value is ``-0.0`` (returned as is; the caller decides about the warning).
"""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import kernel
from mlebench_fast.kernels.summation import np_sum

__all__ = ["binary_average_precision"]


@kernel
def binary_average_precision(y_true, y_score):
    """AP of ``y_true`` (0/1 ints) against finite float64 ``y_score`` (non-empty)."""
    n = y_score.shape[0]
    order = np.argsort(-y_score, kind="mergesort")
    # tps/fps at the last index of each group of equal scores, in descending-score order.
    tps = np.empty(n, dtype=np.float64)
    fps = np.empty(n, dtype=np.float64)
    m = 0
    tp = 0.0
    for k in range(n):
        i = order[k]
        tp += y_true[i]
        if k == n - 1 or y_score[order[k + 1]] != y_score[i]:
            tps[m] = tp
            fps[m] = 1.0 + k - tp
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
