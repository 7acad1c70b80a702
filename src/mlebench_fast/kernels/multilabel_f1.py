"""Micro F1 of multi-label sets, equal to scikit-learn 1.5.2's
``f1_score(mlb.fit_transform(truth), mlb.transform(predicted), average="micro")`` where
``mlb = MultiLabelBinarizer(classes=..., sparse_output=True)``.

What that pipeline computes, on label sets coded as class indices (``-1``: not a class):

- ``MultiLabelBinarizer.transform`` keeps each row's labels as a *set* of class columns: a label
  repeated in a row counts once, a label outside ``classes`` is dropped (with a warning);
- ``multilabel_confusion_matrix`` then counts, summed over the classes, ``tp`` (labels in both
  sets of a row), ``true_sum`` and ``pred_sum`` (set sizes);
- micro F1 is ``(1 + 1.0) * tp / (1.0 * true_sum + pred_sum)``, one division of exact integers,
  and ``0.0`` when both sums are 0 (``zero_division="warn"``); the return type is
  ``numpy.float64``;
- with one class the indicator matrix has one column, which ``type_of_target`` does not take for
  a multilabel indicator, and its dense-only checks raise ``TypeError`` ("Sparse data was passed
  for y, but dense data is required ..."); with no class at all the target type is "unknown"
  (``ValueError``). :func:`micro_f1_score` raises the same.
"""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import kernel

__all__ = ["micro_f1_score", "micro_f1_counts", "SPARSE_Y_MESSAGE"]

SPARSE_Y_MESSAGE = (
    "Sparse data was passed for y, but dense data is required. Use '.toarray()' to convert to a "
    "dense numpy array."
)


@kernel
def micro_f1_counts(true_codes, true_offsets, pred_codes, pred_offsets, n_classes):
    """(tp, true_sum, pred_sum) over rows ``r`` of the sets ``codes[offsets[r]:offsets[r + 1]]``,
    codes outside ``[0, n_classes)`` ignored, repeats within a row counted once."""
    rows = true_offsets.shape[0] - 1
    # Row stamps instead of per-row clearing: a class is in row r's set when its stamp is r.
    in_true = np.full(n_classes, -1, np.int64)
    in_pred = np.full(n_classes, -1, np.int64)
    tp = 0
    true_sum = 0
    pred_sum = 0
    for r in range(rows):
        for j in range(true_offsets[r], true_offsets[r + 1]):
            c = true_codes[j]
            if 0 <= c < n_classes and in_true[c] != r:
                in_true[c] = r
                true_sum += 1
        for j in range(pred_offsets[r], pred_offsets[r + 1]):
            c = pred_codes[j]
            if 0 <= c < n_classes and in_pred[c] != r:
                in_pred[c] = r
                pred_sum += 1
                if in_true[c] == r:
                    tp += 1
    return tp, true_sum, pred_sum


def micro_f1_from_set_counts(tp: int, true_sum: int, pred_sum: int) -> np.float64:
    denominator = np.float64(true_sum) + np.float64(pred_sum)
    if denominator == 0:
        return np.float64(0.0)
    return np.float64((2.0 * np.float64(tp)) / denominator)


def micro_f1_score(
    true_codes: np.ndarray,
    true_offsets: np.ndarray,
    pred_codes: np.ndarray,
    pred_offsets: np.ndarray,
    n_classes: int,
) -> np.float64:
    """Micro F1 of the coded label sets (see the module docstring); both sides must have the
    same number of rows (``offsets`` of the same length)."""
    if true_offsets.shape[0] != pred_offsets.shape[0]:
        msg = (
            "Found input variables with inconsistent numbers of samples: "
            f"[{true_offsets.shape[0] - 1}, {pred_offsets.shape[0] - 1}]"
        )
        raise ValueError(msg)
    if n_classes == 0:
        msg = "unknown is not supported"
        raise ValueError(msg)
    if n_classes == 1:
        raise TypeError(SPARSE_Y_MESSAGE)
    tp, true_sum, pred_sum = micro_f1_counts(
        np.ascontiguousarray(true_codes, dtype=np.int64),
        np.ascontiguousarray(true_offsets, dtype=np.int64),
        np.ascontiguousarray(pred_codes, dtype=np.int64),
        np.ascontiguousarray(pred_offsets, dtype=np.int64),
        n_classes,
    )
    return micro_f1_from_set_counts(int(tp), int(true_sum), int(pred_sum))
