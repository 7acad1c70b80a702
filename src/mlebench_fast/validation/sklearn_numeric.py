"""scikit-learn's ``check_array(dtype="numeric", force_all_finite=True)`` on a Polars column."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.validation.frames import kind


def numeric_array(series: pl.Series, input_name: str = "") -> np.ndarray:
    """The column as a finite float64 array, or scikit-learn's ValueError for it."""
    column_kind = kind(series)
    if column_kind == "str":
        first = series.drop_nulls()
        if first.len():
            msg = f"could not convert string to float: {first[0]!r}"
            raise ValueError(msg)
    values = series.cast(pl.Float64).to_numpy()
    if not np.isfinite(values).all():
        where = f"{input_name} " if input_name else ""
        if np.isnan(values).any():
            msg = f"Input {where}contains NaN."
        else:
            msg = f"Input {where}contains infinity or a value too large for dtype('float64')."
        raise ValueError(msg)
    return values
