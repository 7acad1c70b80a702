"""Column operations with pandas' and numpy's semantics, on Polars columns.

The reference's checks are pandas and numpy expressions (``df.sort_values(col)``,
``(a.values != b.values).any()``, ``set(a) == set(b)``); what they accept or reject depends on
dtypes in ways these helpers reproduce. Columns follow the dtype conventions of
:class:`mlebench_fast.io.Table`.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.io.table import Table
from mlebench_fast.kernels.introsort import object_argsort

_NUMERIC_KINDS = {"int", "float", "bool"}


def kind(series: pl.Series) -> str:
    """The kind of Python object pandas holds in the column: int, float, bool, str or object.

    ``object`` is a Boolean column with nulls (pandas: True/False/NaN), whose elements are not
    numbers to numpy comparisons in the same way.
    """
    dtype = series.dtype
    found = _KIND_OF_DTYPE.get(type(dtype))
    if found is None:
        return "object"
    if found == "bool" and series.null_count():
        return "object"
    return found


# Dtype classes to kinds (a dict look-up: this runs several times per submission).
_KIND_OF_DTYPE = {
    **dict.fromkeys((pl.Int8, pl.Int16, pl.Int32, pl.Int64, pl.UInt8, pl.UInt16, pl.UInt32,
                     pl.UInt64), "int"),
    pl.Float32: "float",
    pl.Float64: "float",
    pl.Null: "float",  # an all-empty column: pandas reads float64 NaN
    pl.Boolean: "bool",
    pl.String: "str",
    pl.Categorical: "str",
    pl.Enum: "str",
}


def filled(series: pl.Series, value: object) -> pl.Series:
    """``series.fill_null(value)``, skipped when there is no null: the fill is a Polars query
    (tens of microseconds), a cost that adds up when grading small files."""
    return series.fill_null(value) if series.null_count() else series


def is_numeric_dtype(series: pl.Series) -> bool:
    """pandas' ``is_numeric_dtype``: int, uint, float or bool columns."""
    return kind(series) in _NUMERIC_KINDS


def pandas_sort_indices(series: pl.Series) -> np.ndarray:
    """The row order ``DataFrame.sort_values(column)`` gives (its default unstable quicksort).

    With unique values any correct sort gives that order, and Polars' sort is used; with
    duplicates the order of equal rows depends on numpy's quicksort, so numpy sorts the same
    values in the same input order. Missing values go last, in their input order, as pandas'
    ``nargsort`` puts them.
    """
    if series.dtype == pl.String and not series.null_count():
        ranks = series.rank("dense").to_numpy().astype(np.int64)
        if ranks.size and ranks.max() == ranks.size:  # unique: the one sorted order
            order = np.empty(ranks.size, dtype=np.int64)
            order[ranks - 1] = np.arange(ranks.size)
            return order
        return object_argsort(ranks)
    nulls = series.is_null()
    if series.dtype.is_float():
        nulls = nulls | series.is_nan().fill_null(False)
    if not nulls.any() and series.n_unique() == series.len():
        return series.arg_sort().to_numpy()
    positions = np.arange(series.len())
    present = ~nulls.to_numpy()
    values = series.filter(~nulls)
    column_kind = kind(series)
    if column_kind == "str":
        # numpy's object quicksort on codes that order as the strings do: no Python compares.
        rows = object_argsort(values.rank("dense").to_numpy())
    elif column_kind == "object":
        rows = np.argsort(np.asarray(values.to_list(), dtype=object), kind="quicksort")
    else:
        rows = np.argsort(values.to_numpy(), kind="quicksort")
    order = positions[present][rows]
    return np.concatenate([order, positions[~present]])


def sort_table(table: Table, column: str) -> pl.DataFrame:
    """``table.frame.sort_values(column)`` with pandas' row order."""
    return table.frame[pandas_sort_indices(table.frame[column])]


def any_differ(left: pl.Series, right: pl.Series) -> bool:
    """``(left.values != right.values).any()`` with numpy's semantics.

    Numbers (and bools) compare by value across int/float/bool; a string never equals a number;
    NaN differs from everything, itself included. Lengths must match, except that a length-1
    side broadcasts; other lengths raise numpy's ValueError.
    """
    if left.len() != right.len():
        if left.len() == 1 or right.len() == 1:
            short, long = (left, right) if left.len() == 1 else (right, left)
            short = pl.Series(short.name, [short[0]] * long.len(), dtype=short.dtype)
            return any_differ(short, long) if left.len() == 1 else any_differ(long, short)
        msg = (
            f"operands could not be broadcast together with shapes ({left.len()},) "
            f"({right.len()},) "
        )
        raise ValueError(msg)
    if left.len() == 0:
        return False
    left_kind, right_kind = kind(left), kind(right)
    if left_kind == "str" and right_kind == "str":
        equal = left == right
    elif left_kind in _NUMERIC_KINDS and right_kind in _NUMERIC_KINDS:
        equal = left.cast(pl.Float64) == right.cast(pl.Float64)
    elif "object" in (left_kind, right_kind) and {left_kind, right_kind} <= {"object", "bool", "int", "float"}:
        # True/False/NaN objects: the booleans compare as the numbers 1 and 0.
        equal = left.cast(pl.Float64) == right.cast(pl.Float64)
    else:
        return True
    # A null (NaN) compares unequal, so it makes the columns differ.
    return not bool(filled(equal, False).all())


def same_set(left: pl.Series, right: pl.Series) -> bool:
    """``set(left) == set(right)`` with Python's semantics (1 == 1.0 == True; "1" != 1)."""
    left_kind, right_kind = kind(left), kind(right)
    numeric = _NUMERIC_KINDS | {"object"}
    if left_kind == "str" and right_kind == "str":
        a, b = left, right
    elif left_kind in numeric and right_kind in numeric:
        a, b = left.cast(pl.Float64), right.cast(pl.Float64)
    else:
        # Distinct kinds can only be equal as sets when both are empty.
        return left.len() == 0 and right.len() == 0
    if a.null_count() or b.null_count() or (a.dtype == pl.Float64 and (a.is_nan().any() or b.is_nan().any())):
        # Each NaN pandas yields is a distinct float object, so a set holding one never equals
        # another set holding one.
        return False
    ua, ub = a.unique(), b.unique()
    return ua.len() == ub.len() and ua.is_in(ub).all()


def astype_str(series: pl.Series) -> pl.Series:
    """``Series.astype(str)``: NaN becomes ``"nan"``, numbers their Python ``str``, bools
    ``"True"`` / ``"False"``."""
    column_kind = kind(series)
    if column_kind == "str":
        return filled(series, "nan")
    if column_kind == "int":
        return series.cast(pl.String)
    if column_kind in ("bool", "object"):
        return series.replace_strict(
            {True: "True", False: "False"}, default="nan", return_dtype=pl.String
        )
    # Python's float repr differs from Polars' formatting (1e-05 vs 0.00001), so go through it.
    return pl.Series(series.name, [str(float(v)) if v is not None else "nan"
                                   for v in series.to_list()], dtype=pl.String)


def fillna_empty_is_all_str(series: pl.Series) -> bool:
    """Whether every cell is a ``str`` after ``fillna("")``: a string column, or a column of
    nothing but NaN."""
    column_kind = kind(series)
    if column_kind == "str":
        return True
    if column_kind == "float":
        return series.len() == series.null_count() + int(series.is_nan().sum())
    return series.len() == series.null_count()


def fillna_empty(series: pl.Series) -> pl.Series:
    """``Series.fillna("")`` for a column that :func:`fillna_empty_is_all_str` accepted."""
    if kind(series) == "str":
        return filled(series, "")
    return pl.Series(series.name, [""] * series.len(), dtype=pl.String)
