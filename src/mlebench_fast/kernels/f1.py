"""Single-label F1 equal to scikit-learn 1.5.2's ``f1_score(y_true, y_pred, average=...)`` for
``average="macro"`` and ``"micro"``, with its return types and errors.

What scikit-learn computes there:

- the labels are the sorted union of ``y_true`` and ``y_pred`` (``unique_labels``), so a label that
  only occurs in the predictions is a class with F1 0, and so is a true label never predicted;
- per label, ``f = (1 + 1.0) * tp / (1.0 * true + pred)``: exact integers divided once, so any
  correctly rounded ``2 tp / (true + pred)`` has the same bits. A label of the union always has
  ``true + pred > 0``; ``zero_division`` ("warn" -> 0.0) only shows for micro on empty inputs;
- macro is ``np.nanmean(f)``: numpy's pairwise sum of ``f`` *in label order* divided by the label
  count. Zeros of unpredicted or spurious labels sit between the others and move the pairwise
  blocks, so ``f`` is built in the sorted label order and summed by numpy itself;
- micro is ``2 tp / (n + n)`` over all rows;
- return types: ``numpy.float64``; macro over empty inputs is the Python ``float`` NaN
  (``_nanaverage`` of an empty array), micro over empty inputs ``numpy.float64(0.0)``.

:class:`TrueLabels` tallies the answers' integer labels once, so a grader counts each submission's
predictions in one pass over a dense table spanning the answers' label range (herbarium: up to
64,500 classes, 477k rows); predictions outside that range only add F1-0 labels before or after it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mlebench_fast.kernels._jit import kernel
from mlebench_fast.kernels.classification import _check_targets, _encode

__all__ = ["f1_score", "micro_f1_from_counts", "TrueLabels"]

_AVERAGES = ("macro", "micro")


@kernel
def _tally(ct, cp, k):
    """Per label code in [0, k): occurrences in y_true, in y_pred, and agreements."""
    true = np.zeros(k, np.int64)
    pred = np.zeros(k, np.int64)
    tp = np.zeros(k, np.int64)
    for i in range(ct.shape[0]):
        a = ct[i]
        b = cp[i]
        true[a] += 1
        pred[b] += 1
        if a == b:
            tp[a] += 1
    return true, pred, tp


@kernel
def _per_label_f1(true, pred, tp, below, above):
    """F1 of every label with ``true + pred > 0``, in index order, after ``below`` and before
    ``above`` zeros (labels outside the tallied range, which no row of y_true holds)."""
    present = 0
    for j in range(true.shape[0]):
        if true[j] + pred[j] > 0:
            present += 1
    f = np.zeros(below + present + above, np.float64)
    k = below
    for j in range(true.shape[0]):
        d = true[j] + pred[j]
        if d > 0:
            f[k] = (2.0 * np.float64(tp[j])) / np.float64(d)
            k += 1
    return f


def _macro(f: np.ndarray) -> np.float64 | float:
    if f.size == 0:
        return float("nan")
    # np.nanmean: numpy's own pairwise sum over the labels in order, over their count.
    return np.float64(np.sum(f) / np.intp(f.size))


def micro_f1_from_counts(tp: int, n: int) -> np.float64:
    """Micro F1 of ``n`` single-label rows of which ``tp`` agree: each row is one prediction and
    one truth, so ``2 tp / (n + n)``; 0.0 for no rows (``zero_division``)."""
    if n == 0:
        return np.float64(0.0)
    return np.float64((2.0 * np.float64(tp)) / (np.float64(n) + np.float64(n)))


def f1_score(y_true: object, y_pred: object, *, average: str = "macro") -> np.float64 | float:
    """``sklearn.metrics.f1_score(y_true, y_pred, average=average)`` for 1-D label vectors and
    ``average`` "macro" or "micro"; bit-identical, same return type.

    Errors as scikit-learn's: different lengths, NaN / infinity, non-integral floats ("mix of ...
    targets"), strings mixed with numbers ("Mix of label input types (string and number)").
    """
    if average not in _AVERAGES:
        msg = f"average must be one of {_AVERAGES}, got {average!r}"
        raise ValueError(msg)
    kind, yt, yp = _check_targets(y_true, y_pred)
    if kind == "multilabel-indicator":
        msg = "f1.f1_score takes 1-D label vectors; multilabel indicators are not handled here"
        raise ValueError(msg)
    ct, cp, k = _encode(yt, yp)
    true, pred, tp = _tally(np.ascontiguousarray(ct), np.ascontiguousarray(cp), k)
    if average == "micro":
        return micro_f1_from_counts(int(tp.sum()), yt.shape[0])
    return _macro(_per_label_f1(true, pred, tp, 0, 0))


# A dense table over the answers' label range is used while it is at most this many times
# wider than the number of rows (plus a constant for small files).
_DENSE_FACTOR = 4
_DENSE_SLACK = 1 << 16


@kernel
def _tally_predictions(offsets, yp, low, span):
    """Counts and agreements of int64 predictions inside [low, low + span); the values outside."""
    n = yp.shape[0]
    pred = np.zeros(span, np.int64)
    tp = np.zeros(span, np.int64)
    outside = np.empty(n, np.int64)
    n_out = 0
    high = low + (span - 1)
    for i in range(n):
        v = yp[i]
        if v < low or v > high:
            outside[n_out] = v
            n_out += 1
            continue
        j = v - low
        pred[j] += 1
        if j == offsets[i]:
            tp[j] += 1
    return pred, tp, outside[:n_out]


@dataclass(frozen=True, slots=True)
class TrueLabels:
    """The y_true of an F1 over int64 labels, tallied once for many y_pred.

    ``offsets`` are the labels minus ``low`` and ``counts`` their occurrences over
    ``[low, low + counts.size)``; both are None when the labels spread too wide for a dense table
    (then each score takes :func:`f1_score`'s general path).
    """

    values: np.ndarray
    low: int
    offsets: np.ndarray | None
    counts: np.ndarray | None

    @classmethod
    def of(cls, y_true: np.ndarray) -> TrueLabels:
        values = np.ascontiguousarray(y_true, dtype=np.int64)
        if values.size == 0:
            return cls(values, 0, None, None)
        low, high = int(values.min()), int(values.max())
        span = high - low + 1
        if span > _DENSE_FACTOR * values.size + _DENSE_SLACK:
            return cls(values, low, None, None)
        offsets = values - low
        counts = np.bincount(offsets, minlength=span).astype(np.int64, copy=False)
        return cls(values, low, offsets, counts)

    def macro_f1(self, y_pred: np.ndarray) -> np.float64 | float:
        """``f1_score(self.values, y_pred, average="macro")`` for int64 ``y_pred`` of the same
        length (rows paired with ``values``)."""
        yp = np.ascontiguousarray(y_pred, dtype=np.int64)
        if self.offsets is None or self.counts is None:
            return f1_score(self.values, yp, average="macro")
        if yp.shape[0] != self.values.shape[0]:
            msg = (
                "Found input variables with inconsistent numbers of samples: "
                f"[{self.values.shape[0]}, {yp.shape[0]}]"
            )
            raise ValueError(msg)
        pred, tp, outside = _tally_predictions(self.offsets, yp, self.low, self.counts.size)
        below = above = 0
        if outside.size:
            distinct = np.unique(outside)
            below = int(np.searchsorted(distinct, self.low))
            above = distinct.size - below
        return _macro(_per_label_f1(self.counts, pred, tp, below, above))
