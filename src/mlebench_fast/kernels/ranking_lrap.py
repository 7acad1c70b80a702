"""Label ranking average precision equal to scikit-learn 1.5.2's
``label_ranking_average_precision_score(y_true, y_score, sample_weight=...)``.

Per row, a relevant label's rank is the number of labels scored at least as high as it (the
"max" rank scikit-learn takes of the negated scores), and its precision the number of relevant
labels among those over that rank. A row with no relevant label, or only relevant labels,
scores 1. Rows are accumulated in order (``out += aux * w``) and divided by the weights' sum.
"""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import as_native, check_finite, kernel

__all__ = ["label_ranking_average_precision_score"]


@kernel
def _lrap(relevant, scores, weights, weighted):
    n, k = scores.shape
    out = 0.0
    picked = np.empty(k, np.int64)
    for i in range(n):
        r = 0
        for j in range(k):
            if relevant[i, j]:
                picked[r] = j
                r += 1
        if r == 0 or r == k:
            aux = 1.0
        else:
            acc = 0.0
            for a in range(r):
                s = scores[i, picked[a]]
                rank = 0
                for j in range(k):
                    if scores[i, j] >= s:
                        rank += 1
                above = 0
                for b in range(r):
                    if scores[i, picked[b]] >= s:
                        above += 1
                acc += np.float64(above) / np.float64(rank)
            aux = acc / r
        if weighted:
            aux = aux * weights[i]
        out += aux
    return out


def label_ranking_average_precision_score(
    y_true: object, y_score: object, sample_weight: object = None
) -> np.float64 | float:
    """``sklearn.metrics.label_ranking_average_precision_score`` for dense 2-D inputs.

    ``y_true`` is a 0/1 (or bool) indicator matrix; ``y_score`` numeric. Errors (scikit-learn's
    words): different numbers of rows, NaN / infinity in the scores, different shapes, a
    ``y_true`` that is not a multilabel indicator. Returns ``numpy.float64`` (a Python ``float``
    when no row uses a weight, as scikit-learn's accumulator stays one).
    """
    yt = as_native(y_true)
    ys = as_native(y_score)
    lengths = [yt.shape[0], ys.shape[0]]
    if sample_weight is not None:
        sw = as_native(sample_weight)
        lengths.append(sw.shape[0])
    if len(set(lengths)) > 1:
        msg = f"Found input variables with inconsistent numbers of samples: {lengths}"
        raise ValueError(msg)
    if ys.dtype.kind not in "f":
        ys = ys.astype(np.float64)
    check_finite(ys)
    if yt.shape != ys.shape:
        msg = "y_true and y_score have different shape"
        raise ValueError(msg)
    if yt.ndim != 2 or yt.shape[1] < 2 or not np.isin(yt, (0, 1)).all():
        msg = "y_true format is not supported"
        raise ValueError(msg)
    relevant = np.ascontiguousarray(yt != 0)
    scores = np.ascontiguousarray(ys)
    if sample_weight is None:
        out = _lrap(relevant, scores, np.empty(0), False)
        return np.float64(out / yt.shape[0]) if yt.shape[0] else np.float64(np.nan)
    weights = np.ascontiguousarray(sw, dtype=np.float64)
    out = np.float64(_lrap(relevant, scores, weights, True))
    return out / np.sum(sw)
