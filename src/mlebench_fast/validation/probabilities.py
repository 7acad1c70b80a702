"""The reference's checks on probability columns, with pandas' NaN handling."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import polars as pl

from mlebench_fast.validation.frames import kind


def _as_floats(column: pl.Series) -> np.ndarray:
    if kind(column) == "str":
        # pandas sums an object column of strings by adding str to float: TypeError.
        msg = f"unsupported operand type(s) for +: 'float' and 'str' (column {column.name!r})"
        raise TypeError(msg)
    return column.cast(pl.Float64).to_numpy()


def row_sums(columns: Sequence[pl.Series]) -> np.ndarray:
    """``df[columns].sum(axis=1)`` as float64, with pandas' NaN skipping and summation order.

    pandas skips NaN in the sum (an all-NaN row sums to 0) and reduces a column-major block
    along its rows; the same numpy reduction over the same layout gives the same bits, so a sum
    at a tolerance's edge gets the same verdict.
    """
    matrix = np.empty((len(columns[0]) if columns else 0, len(columns)), order="F")
    for j, column in enumerate(columns):
        values = _as_floats(column)
        matrix[:, j] = np.where(np.isnan(values), 0.0, values)
    return matrix.sum(axis=1)


def row_sums_close_to_one(columns: Sequence[pl.Series], *, atol: float) -> bool:
    """``np.all(np.isclose(df[columns].sum(axis=1), 1, atol=atol))``."""
    return bool(np.all(np.isclose(row_sums(columns), 1, atol=atol)))


def within_unit_interval(columns: Sequence[pl.Series]) -> bool:
    """``((df >= 0) & (df <= 1)).all().all()``: NaN fails both comparisons."""
    for column in columns:
        values = _as_floats(column)
        with np.errstate(invalid="ignore"):
            if not np.all((values >= 0) & (values <= 1)):
                return False
    return True


_TEXT = (pl.String, pl.Categorical, pl.Enum)


def float_matrix(frame: pl.DataFrame, columns: Sequence[str]) -> np.ndarray | None:
    """``frame[columns]`` as one column-major float64 matrix (NaN for missing), in one cast.

    A text column raises the TypeError pandas' row sum raises; a column of mixed Python objects
    gives None (the caller then uses the per-column helpers above).
    """
    schema = frame.schema
    for column in columns:
        dtype = schema[column]
        if dtype in _TEXT:
            msg = f"unsupported operand type(s) for +: 'float' and 'str' (column {column!r})"
            raise TypeError(msg)
        if not (dtype.is_numeric() or dtype in (pl.Boolean, pl.Null)):
            return None
    matrix = np.empty((frame.height, len(columns)), order="F")
    for j, column in enumerate(columns):
        series = frame[column]
        if series.dtype != pl.Float64:
            series = series.cast(pl.Float64)
        matrix[:, j] = series.to_numpy()
    return matrix


def matrix_row_sums(matrix: np.ndarray) -> np.ndarray:
    """:func:`row_sums` of a :func:`float_matrix`: NaN skipped, summed column after column."""
    nan = np.isnan(matrix)
    if nan.any():
        matrix = np.asfortranarray(np.where(nan, 0.0, matrix))
    return matrix.sum(axis=1)


def matrix_within_unit_interval(matrix: np.ndarray) -> bool:
    """:func:`within_unit_interval` of a :func:`float_matrix`."""
    with np.errstate(invalid="ignore"):
        return bool(np.all((matrix >= 0) & (matrix <= 1)))
