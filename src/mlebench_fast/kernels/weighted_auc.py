"""ALASKA2's weighted ROC AUC, as mle-bench computes it (``alaska_weighted_auc``).

The definition: scikit-learn's ``roc_curve(y_true, y_score, pos_label=1)`` (distinct thresholds,
collinear points dropped, ``(0, 0)`` prepended); the TPR thresholds 0, 0.4 and 1 inserted into the
curve where absent, at the first point above them, with linearly interpolated FPR; then for each
band (TPR 0-0.4 weight 2, 0.4-1 weight 1) the points inside it plus ``(1, top)``, shifted down to
the band's bottom, integrated with ``sklearn.metrics.auc``; the weighted sum over ``0.4*2 + 0.6*1``.

The curve is one Numba pass over the sorted scores; the rest is NumPy on the curve's points, in the
reference's arithmetic order (the trapezoids are summed by ``np.add.reduce``, as ``np.trapz``
does), so the result is bit-identical and, like the reference, a ``numpy.float64``.
"""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import as_native, check_finite
from mlebench_fast.kernels.classification import roc_points

__all__ = ["alaska_weighted_auc"]

TPR_THRESHOLDS = (0.0, 0.4, 1.0)
WEIGHTS = (2, 1)
# The reference's normalisation, computed the same way (np.dot of the band widths and weights).
_NORMALIZATION = np.dot(
    np.array(TPR_THRESHOLDS[1:]) - np.array(TPR_THRESHOLDS[:-1]), list(WEIGHTS)
)




def _rates(counts: np.ndarray) -> np.ndarray:
    # roc_curve: a class with no samples gives a curve of NaN (with a warning), not an error.
    if counts[-1] <= 0:
        return np.repeat(np.nan, counts.shape)
    return counts / counts[-1]


def _insert_thresholds(fpr: np.ndarray, tpr: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    for threshold in TPR_THRESHOLDS:
        if (tpr == threshold).any():
            continue
        above = np.flatnonzero(tpr > threshold)
        if above.size == 0:
            continue
        i = int(above[0])
        # Python floats, in the reference's order; i - 1 == -1 wraps as a list index does.
        f0, f1 = float(fpr[i - 1]), float(fpr[i])
        t0, t1 = float(tpr[i - 1]), float(tpr[i])
        new_fpr = f0 + (f1 - f0) * (threshold - t0) / (t1 - t0)
        fpr = np.insert(fpr, i, new_fpr)
        tpr = np.insert(tpr, i, threshold)
    return fpr, tpr


def _auc(x: np.ndarray, y: np.ndarray) -> np.float64:
    """``sklearn.metrics.auc``: trapezoids along x, which must be monotonic."""
    if x.shape[0] < 2:
        msg = (
            "At least 2 points are needed to compute area under curve, but x.shape = "
            f"{x.shape[0]}"
        )
        raise ValueError(msg)
    direction = 1
    dx = np.diff(x)
    if np.any(dx < 0):
        if np.all(dx <= 0):
            direction = -1
        else:
            msg = f"x is neither increasing nor decreasing : {x}."
            raise ValueError(msg)
    return direction * np.add.reduce(dx * (y[1:] + y[:-1]) / 2.0)


def alaska_weighted_auc(y_true: object, y_score: object) -> np.float64:
    """The weighted AUC of 0/1 ``y_true`` (any numeric dtype; 1 is the positive class) and finite
    ``y_score``. Raises ValueError on non-finite scores or different lengths, as roc_curve does."""
    yt = as_native(np.asarray(y_true))
    ys = as_native(np.asarray(y_score, dtype=np.float64))
    if yt.shape[0] != ys.shape[0]:
        msg = (
            "Found input variables with inconsistent numbers of samples: "
            f"[{yt.shape[0]}, {ys.shape[0]}]"
        )
        raise ValueError(msg)
    check_finite(ys)
    is_pos = yt == 1
    fps, tps = roc_points(np.sort(ys[is_pos]), np.sort(ys[~is_pos]))
    fpr, tpr = _insert_thresholds(_rates(fps), _rates(tps))
    metric = 0
    for band, weight in enumerate(WEIGHTS):
        y_min, y_max = TPR_THRESHOLDS[band], TPR_THRESHOLDS[band + 1]
        mask = (y_min <= tpr) & (tpr <= y_max)
        if mask.sum() == 0:
            continue
        xs = np.concatenate([fpr[mask], [1]])
        ys_band = np.concatenate([tpr[mask], [y_max]]) - y_min
        metric += _auc(xs, ys_band) * weight
    return metric / _NORMALIZATION
