"""The probabilistic F-beta score of Kaggle's RSNA metric (``pfbeta``), as its Python loop
computes it.

Each prediction is clipped with Python's ``min(max(p, 0), 1)``: a value below 0 or above 1
becomes the Python int 0 or 1, a value inside stays a numpy scalar, and NaN passes through
(``max(nan, 0)`` is ``nan``). The running sums are accumulated in row order, so the float result is
bit-identical. The Python type of the result follows the loop's arithmetic: see
:func:`probabilistic_fbeta`.
"""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import kernel

__all__ = ["probabilistic_fbeta"]


@kernel
def _sums(is_positive, predictions):
    """(ctp, cfp, positives, any in-range value among positives, ... among negatives)."""
    ctp = 0.0
    cfp = 0.0
    positives = 0
    numpy_tp = False
    numpy_fp = False
    for i in range(is_positive.shape[0]):
        p = predictions[i]
        # max(p, 0) keeps p unless 0 > p; min(., 1) keeps it unless 1 < it (NaN is kept).
        inside = True
        if 0.0 > p:
            p = 0.0
            inside = False
        elif 1.0 < p:
            p = 1.0
            inside = False
        if is_positive[i]:
            positives += 1
            ctp += p
            numpy_tp = numpy_tp or inside
        else:
            cfp += p
            numpy_fp = numpy_fp or inside
    return ctp, cfp, positives, numpy_tp, numpy_fp


def probabilistic_fbeta(
    is_positive: np.ndarray, predictions: np.ndarray, beta: float = 1.0
) -> float | int | np.float64:
    """``pfbeta(labels, predictions, beta)`` over numpy arrays (as ``Series.to_numpy()`` gives).

    ``predictions`` is float, int or bool. Sums of Python ints stay Python ints (an all-clipped
    denominator of 0 raises ZeroDivisionError), sums touched by a numpy scalar are numpy (0 / 0
    gives NaN); a NaN or non-positive precision or recall returns the Python int ``0``.
    """
    labels = np.ascontiguousarray(is_positive, dtype=np.bool_)
    preds = np.ascontiguousarray(predictions, dtype=np.float64)
    ctp, cfp, positives, numpy_tp, numpy_fp = _sums(labels, preds)
    numeric_float = predictions.dtype.kind == "f"
    # Sums start as the Python int 0: only a numpy scalar (an in-range value) makes them numpy.
    tp = (np.float64 if numeric_float else np.int64)(ctp) if numpy_tp else int(ctp)
    fp = (np.float64 if numeric_float else np.int64)(cfp) if numpy_fp else int(cfp)
    with np.errstate(all="ignore"):
        beta_squared = beta * beta
        c_precision = tp / (tp + fp)
        c_recall = tp / positives
        if c_precision > 0 and c_recall > 0:
            return (
                (1 + beta_squared)
                * (c_precision * c_recall)
                / (beta_squared * c_precision + c_recall)
            )
    return 0
