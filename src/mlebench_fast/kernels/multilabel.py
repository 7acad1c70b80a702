"""Column-wise ROC AUC: ``sklearn.metrics.roc_auc_score(y_true, y_score, average="macro")`` for a
multilabel-indicator ``y_true`` (scikit-learn 1.5.2's ``_average_binary_score``).

Each column's AUC is :func:`mlebench_fast.kernels.classification.roc_auc_score` (sklearn scores a
column with ``_binary_roc_auc_score``, the very function its binary path ends in); the average is
``np.average`` of the per-column scores, a ``numpy.float64``.
"""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import as_native, check_finite
from mlebench_fast.kernels.classification import (
    _consistent_length,
    _min_samples,
    _numeric,
    _type_of_target,
    binary_auc,
    roc_auc_score,
)
from mlebench_fast.threads import executor, kernel_threads

__all__ = ["macro_roc_auc_score", "columnwise_roc_auc_score"]

# ``_check_pos_label_consistency``: without a pos_label, a column's classes must be one of these.
_IMPLICIT_POS_LABEL = ([0, 1], [-1, 1], [0], [-1], [1])


def _check_pos_label(column: np.ndarray) -> None:
    classes = np.unique(column)
    if not any(np.array_equal(classes, allowed) for allowed in _IMPLICIT_POS_LABEL):
        shown = str(classes.tolist())
        msg = f"y_true takes value in {{{shown[1:-1]}}} and pos_label is not specified: either make y_true take value in {{0, 1}} or {{-1, 1}} or pass pos_label explicitly."
        raise ValueError(msg)


def macro_roc_auc_score(y_true: object, y_score: object) -> np.float64:
    """``roc_auc_score(y_true, y_score, average="macro")`` with a 2-D 0/1 ``y_true``.

    Errors as sklearn's: a ``y_true`` that is not a label indicator matrix ("... format is not
    supported"), non-numeric or non-finite scores, different row counts, a column with one class
    ("Only one class present ..."), and an ``IndexError`` where ``y_score`` has more columns than
    ``y_true`` (sklearn takes column ``c`` of ``y_true`` for each score column). Fewer score
    columns average over those columns only, as sklearn does.
    """
    raw_true = np.asarray(y_true)
    yt = as_native(raw_true)
    ys = _numeric(as_native(np.asarray(y_score)))
    y_type = _type_of_target(yt, "y_true")
    if y_type == "multilabel-indicator" and yt.dtype.kind in "iu" and not raw_true.dtype.isnative:
        # sklearn's is_multilabel does not recognise a byte-swapped integer matrix.
        msg = "multiclass-multioutput format is not supported"
        raise ValueError(msg)
    _min_samples(yt)
    if ys.dtype.kind in "USV":
        msg = "dtype='numeric' is not compatible with arrays of bytes/strings.Convert your data to numeric values explicitly instead."
        raise ValueError(msg)
    _min_samples(ys)
    check_finite(ys)
    if y_type != "multilabel-indicator":
        # The binary and multiclass paths of roc_auc_score are the 1-D kernel's.
        return roc_auc_score(yt, ys)
    _consistent_length(yt, ys)
    if ys.ndim == 1:
        ys = ys.reshape((-1, 1))
    true_columns = [yt[:, c] for c in range(yt.shape[1])]
    return columnwise_roc_auc_score(true_columns, [ys[:, c] for c in range(ys.shape[1])])


def _check_column_classes(column: np.ndarray) -> None:
    if column.dtype.kind in "iu" and column.shape[0] and column.min() == 0 and column.max() == 1:
        return  # integers between 0 and 1: exactly the classes {0, 1}
    if len(np.unique(column)) != 2:
        msg = "Only one class present in y_true. ROC AUC score is not defined in that case."
        raise ValueError(msg)
    _check_pos_label(column)


def columnwise_roc_auc_score(
    y_true_columns: list[np.ndarray], y_score_columns: list[np.ndarray]
) -> np.float64:
    """The per-column loop of :func:`macro_roc_auc_score`, for callers that validated the
    indicator matrix once (its columns) and the scores (finite numbers, same row count): one AUC
    per score column, averaged. A score column beyond the labels is sklearn's IndexError."""
    scores = np.zeros((len(y_score_columns),))
    deferred = []  # (c, positives, scores) of the plain columns, scored on threads below
    for c, score_column in enumerate(y_score_columns):
        if c >= len(y_true_columns):
            msg = f"index {c} is out of bounds for axis 1 with size {len(y_true_columns)}"
            raise IndexError(msg)
        column = np.ascontiguousarray(y_true_columns[c])
        _check_column_classes(column)
        ys = np.ascontiguousarray(score_column)
        if _plain_binary(column, ys):
            # every check roc_auc_score would repeat has passed but this one: then only the
            # AUC itself is left
            check_finite(ys)
            deferred.append((c, column == 1, ys))
        else:
            scores[c] = roc_auc_score(column, ys)
    if deferred:
        parallel = kernel_threads() > 1 and deferred[0][2].shape[0] >= _PARALLEL_MIN_ROWS
        aucs = (executor().map if parallel else map)(lambda job: binary_auc(*job[1:]), deferred)
        for (c, _, _), auc in zip(deferred, aucs, strict=True):
            scores[c] = auc
    return np.average(scores)


# Below this many rows a column's AUC takes less than handing it to a thread.
_PARALLEL_MIN_ROWS = 16384


def _plain_binary(column: np.ndarray, ys: np.ndarray) -> bool:
    """Whether ``column`` holds exactly the integers 0 and 1 and ``ys`` is a 1-D float64 or
    int64 score column of its length: the case where roc_auc_score's checks all pass."""
    return (
        column.dtype.kind in "iu"
        and column.ndim == 1
        and ys.ndim == 1
        and ys.dtype in (np.float64, np.int64)
        and ys.shape[0] == column.shape[0] > 0
        and column.min() == 0
        and column.max() == 1
    )
