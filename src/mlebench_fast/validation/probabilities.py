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
