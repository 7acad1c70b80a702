"""Regression kernels equal to scikit-learn 1.5.2's (``sklearn/metrics/_regression.py``).

scikit-learn reshapes 1-D targets to ``(n, 1)`` and reduces with ``np.average(..., axis=0)``, i.e.
``np.add.reduce`` then a division by ``n``. numpy's float add-reduce is a pairwise summation
(8 accumulators, blocks of 128) applied to successive chunks of 8,192 elements (its iterator's
buffer size), each chunk's sum added to an accumulator that starts at 0. The kernels reproduce that
order exactly, so results are bit-identical to scikit-learn on the same machine, while never
allocating the ``(y_true - y_pred) ** 2`` temporary.

Return types (scikit-learn 1.5.2 with numpy 1.26.4): every function returns a numpy scalar of the
computation dtype: ``numpy.float64`` for float64 / integer inputs, ``numpy.float32`` when both inputs
are float32 (sklearn keeps float32 through ``check_array(dtype="numeric")``). Python's ``round`` on a
``numpy.float64`` uses numpy's algorithm, so the type is part of parity.

Validation reproduced (scikit-learn's messages): NaN / infinity ("Input contains NaN.", checked on
``y_true`` first), empty input ("Found array with 0 sample(s) ..."), length mismatch ("Found input
variables with inconsistent numbers of samples: [a, b]"), different numbers of outputs, boolean
inputs (numpy's ``TypeError`` for ``bool - bool``), negative targets for the log error.
"""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import as_native, check_finite, kernel
from mlebench_fast.kernels.summation import CHUNK, pairwise_sum

__all__ = [
    "mean_squared_error",
    "root_mean_squared_error",
    "mean_absolute_error",
    "root_mean_squared_log_error",
]

@kernel
def _mean_of_terms(y_true, y_pred, buf, zero, mode):
    """Mean of per-row terms, summed in numpy's order; ``buf``'s dtype is the accumulator's.

    mode 0: (y_true - y_pred) ** 2; mode 1: |y_pred - y_true|; mode 2: y_true (terms precomputed).
    """
    n = y_true.shape[0]
    total = zero
    start = 0
    while start < n:
        m = min(CHUNK, n - start)
        if mode == 0:
            for i in range(m):
                d = y_true[start + i] - y_pred[start + i]
                buf[i] = d * d
        elif mode == 1:
            for i in range(m):
                buf[i] = abs(y_pred[start + i] - y_true[start + i])
        else:
            for i in range(m):
                buf[i] = y_true[start + i]
        total += pairwise_sum(buf, 0, m, zero)
        start += m
    return total / n


def _check_reg_targets(y_true: object, y_pred: object) -> tuple[np.ndarray, np.ndarray]:
    """``sklearn.metrics._regression._check_reg_targets`` for 1-D / single-column targets."""
    yt = as_native(y_true)
    yp = as_native(y_pred)
    if yt.ndim == 2 and yt.shape[1] == 1:
        yt = yt[:, 0]
    if yp.ndim == 2 and yp.shape[1] == 1:
        yp = yp[:, 0]
    if yt.ndim != 1 or yp.ndim != 1:
        msg = "kernels take 1-D targets (a single output); got shapes %s and %s" % (
            yt.shape,
            yp.shape,
        )
        raise ValueError(msg)
    if yt.shape[0] != yp.shape[0]:
        msg = (
            "Found input variables with inconsistent numbers of samples: "
            f"[{yt.shape[0]}, {yp.shape[0]}]"
        )
        raise ValueError(msg)
    # check_array(dtype="numeric") converts object arrays to float64
    if yt.dtype.kind == "O":
        yt = yt.astype(np.float64)
    if yp.dtype.kind == "O":
        yp = yp.astype(np.float64)
    check_finite(yt)
    if yt.shape[0] == 0:
        msg = f"Found array with 0 sample(s) (shape={yt.shape}) while a minimum of 1 is required."
        raise ValueError(msg)
    check_finite(yp)
    return yt, yp


def _mean(y_true: np.ndarray, y_pred: np.ndarray, mode: int) -> np.floating:
    dtype = np.result_type(y_true, y_pred)
    if dtype.kind == "b":
        msg = (
            "numpy boolean subtract, the `-` operator, is not supported, "
            "use the bitwise_xor, the `^` operator, or the logical_xor function instead."
        )
        raise TypeError(msg)
    if dtype == np.float64 or dtype == np.float32:
        acc = dtype
        yt = y_true.astype(dtype, copy=False)
        yp = y_pred.astype(dtype, copy=False)
    else:
        # Narrow ints wrap, uint64 - int64 is float64, ...: let numpy compute the terms with its own
        # promotion rules; np.mean then sums them as float64.
        terms = (y_true - y_pred) ** 2 if mode == 0 else np.abs(y_pred - y_true)
        acc = np.dtype(np.float64) if terms.dtype.kind in "iu" else terms.dtype
        if acc != np.float64 and acc != np.float32:
            return np.mean(terms)
        yt = terms if terms.dtype.kind == "f" else terms.astype(np.int64)
        yp = yt
        mode = 2
    buf = np.empty(min(CHUNK, yt.shape[0]), dtype=acc)
    return acc.type(_mean_of_terms(yt, yp, buf, acc.type(0), mode))


def mean_squared_error(y_true: object, y_pred: object) -> np.floating:
    """``sklearn.metrics.mean_squared_error(y_true, y_pred)``; returns ``numpy.float64``
    (``numpy.float32`` for float32 inputs), bit-identical."""
    yt, yp = _check_reg_targets(y_true, y_pred)
    return _mean(yt, yp, 0)


def root_mean_squared_error(y_true: object, y_pred: object) -> np.floating:
    """``sklearn.metrics.root_mean_squared_error(y_true, y_pred)``; returns ``numpy.float64``
    (``numpy.float32`` for float32 inputs), bit-identical (sqrt is correctly rounded)."""
    yt, yp = _check_reg_targets(y_true, y_pred)
    with np.errstate(invalid="ignore"):  # wrapped integer squares can be negative: nan, silently
        return np.sqrt(_mean(yt, yp, 0))


def mean_absolute_error(y_true: object, y_pred: object) -> np.floating:
    """``sklearn.metrics.mean_absolute_error(y_true, y_pred)``; returns ``numpy.float64``
    (``numpy.float32`` for float32 inputs), bit-identical."""
    yt, yp = _check_reg_targets(y_true, y_pred)
    return _mean(yt, yp, 1)


def root_mean_squared_log_error(y_true: object, y_pred: object) -> np.floating:
    """``sklearn.metrics.root_mean_squared_log_error(y_true, y_pred)``; ``numpy.float64``
    (``numpy.float32`` for float32 inputs).

    ``log1p`` is numpy's (it may be a SIMD implementation that differs from libm by an ulp), so
    the result is bit-identical to scikit-learn run with the same numpy on the same CPU.
    """
    yt, yp = _check_reg_targets(y_true, y_pred)
    if (yt < 0).any() or (yp < 0).any():
        msg = (
            "Root Mean Squared Logarithmic Error cannot be used when "
            "targets contain negative values."
        )
        raise ValueError(msg)
    return np.sqrt(_mean(np.log1p(yt), np.log1p(yp), 0))
