"""scikit-learn's checks on classification targets, reproduced on Polars columns.

The reference hands submission columns straight to scikit-learn, whose ``type_of_target`` /
``_check_targets`` / ``unique_labels`` decide whether a submission is graded. These functions
raise the same exception types with the same messages in the same cases, so a grader can run
them first and then call a kernel.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.validation.frames import filled, kind
from mlebench_fast.validation.pandas_values import float64_values

_NUMBER_KINDS = {"int", "float", "bool"}


def _assert_finite(series: pl.Series, input_name: str) -> None:
    where = f"{input_name} " if input_name else ""
    if series.is_null().any() or series.is_nan().any():
        msg = f"Input {where}contains NaN."
        raise ValueError(msg)
    if series.is_infinite().any():
        msg = f"Input {where}contains infinity or a value too large for dtype('float64')."
        raise ValueError(msg)


def type_of_target(series: pl.Series, input_name: str = "") -> str:
    """``sklearn.utils.multiclass.type_of_target`` for a 1-D column."""
    if series.len() == 0:
        return "binary"
    column_kind = kind(series)
    if column_kind == "object" or (column_kind == "str" and series[0] is None):
        # An object array whose first element is not a str (True/False/NaN objects, or a
        # leading NaN in a string column).
        return "unknown"
    if column_kind == "float":
        values = float64_values(series)
        with np.errstate(invalid="ignore"):
            # Values beyond int64 overflow numpy's astype(int), so they never equal it.
            not_integral = ~np.isfinite(values) | (values != np.floor(values)) | (np.abs(values) >= 2.0**63)
        if not_integral.any():
            _assert_finite(filled(series, float("nan")), input_name)
            return "continuous"
    if column_kind == "str" and series.null_count():
        msg = "'<' not supported between instances of 'float' and 'str'"
        raise TypeError(msg)
    return "multiclass" if _more_than_two_values(series, column_kind) else "binary"


def _more_than_two_values(series: pl.Series, column_kind: str) -> bool:
    """``np.unique(y).shape[0] > 2`` without hashing every value: a third value is one equal to
    neither the smallest nor the largest (numbers compare as numpy does: -0.0 == 0.0)."""
    if column_kind == "bool":
        return False
    if column_kind in _NUMBER_KINDS and not series.null_count():
        values = series.to_numpy()  # zero-copy: numpy's min/max cost far less than Polars' calls
        low, high = values.min(), values.max()
        return bool(((values != low) & (values != high)).any())
    low, high = series.min(), series.max()
    return bool(((series != low) & (series != high)).any())


def _distinct_numbers(series: pl.Series) -> set[float]:
    """The distinct values of a binary numeric column (its minimum and maximum)."""
    values = series.to_numpy()
    return {float(values.min()), float(values.max())} if len(values) else set()


def _label_family(series: pl.Series) -> str:
    return "str" if kind(series) == "str" else "number"


def check_targets(y_true: pl.Series, y_pred: pl.Series) -> str:
    """``sklearn.metrics._classification._check_targets`` for 1-D columns: the target type.

    Raises ValueError / TypeError exactly where scikit-learn does.
    """
    if y_true.len() != y_pred.len():
        msg = (
            "Found input variables with inconsistent numbers of samples: "
            f"[{y_true.len()}, {y_pred.len()}]"
        )
        raise ValueError(msg)
    type_true = type_of_target(y_true, input_name="y_true")
    type_pred = type_of_target(y_pred, input_name="y_pred")
    types = {type_true, type_pred}
    if types == {"binary", "multiclass"}:
        types = {"multiclass"}
    if len(types) > 1:
        msg = f"Classification metrics can't handle a mix of {type_true} and {type_pred} targets"
        raise ValueError(msg)
    y_type = types.pop()
    if y_type not in ("binary", "multiclass", "multilabel-indicator"):
        msg = f"{y_type} is not supported"
        raise ValueError(msg)
    if y_type == "binary":
        if _label_family(y_true) != _label_family(y_pred):
            msg = (
                "Labels in y_true and y_pred should be of the same type. Make sure that the "
                "predictions provided by the classifier coincides with the true labels."
            )
            raise TypeError(msg)
        # Both columns are binary here: each holds at most two distinct values.
        if _label_family(y_true) == "str":
            union = len(set(y_true.unique().to_list()) | set(y_pred.unique().to_list()))
        else:
            union = len(_distinct_numbers(y_true) | _distinct_numbers(y_pred))
        if union > 2:
            y_type = "multiclass"
    return y_type


def check_unique_labels(y_true: pl.Series, y_pred: pl.Series) -> None:
    """The type check of ``sklearn.utils.multiclass.unique_labels`` for 1-D label columns."""
    if _label_family(y_true) != _label_family(y_pred):
        msg = "Mix of label input types (string and number)"
        raise ValueError(msg)


def labels_equal(y_true: pl.Series, y_pred: pl.Series) -> np.ndarray:
    """``y_true == y_pred`` elementwise (a bool array), as numpy compares the two label arrays."""
    if _label_family(y_true) != _label_family(y_pred):
        return np.zeros(y_true.len(), dtype=bool)
    if _label_family(y_true) == "str":
        return filled(y_true == y_pred, False).to_numpy()
    if y_true.null_count() or y_pred.null_count():
        return (y_true.cast(pl.Float64) == y_pred.cast(pl.Float64)).fill_null(False).to_numpy()
    if y_true.dtype == y_pred.dtype == pl.Int64:
        return y_true.to_numpy() == y_pred.to_numpy()  # exact, as numpy compares two int64 arrays
    return y_true.to_numpy().astype(np.float64) == y_pred.to_numpy().astype(np.float64)
