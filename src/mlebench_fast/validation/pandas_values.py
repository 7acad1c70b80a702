"""``Series.values`` / ``Series.to_numpy()``: a Table column as the numpy array pandas hands to
numpy, scipy and scikit-learn (int64, float64 with NaN, bool, or object holding ``str`` /
``True`` / ``False`` with NaN for missing cells)."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.validation.frames import kind


def pandas_values(series: pl.Series) -> np.ndarray:
    column_kind = kind(series)
    if column_kind in ("int", "bool"):
        return series.to_numpy()
    if column_kind == "float":
        return float64_values(series)
    values = np.empty(series.len(), dtype=object)
    values[:] = series.to_list()
    missing = series.is_null().to_numpy()
    if missing.any():
        values[missing] = float("nan")
    return values


def as_float_array(series: pl.Series) -> np.ndarray:
    """``np.asarray(series, dtype=float64)``, as scikit-learn's ``check_array`` converts an
    object column: every ``str`` goes through ``float()`` (ValueError for a non-number)."""
    if kind(series) in ("int", "bool", "float"):
        return float64_values(series)
    return pandas_values(series).astype(np.float64)


def float64_values(series: pl.Series) -> np.ndarray:
    """``series.cast(pl.Float64).fill_null(nan).to_numpy()``, straight from numpy where Polars'
    expression round trip (cast, fill_null: ~100 us a call) is not needed."""
    if series.dtype == pl.Float64:
        return series.to_numpy()  # nulls come back as NaN
    if series.dtype in (pl.Int64, pl.UInt64, pl.Boolean) and series.null_count() == 0:
        return series.to_numpy().astype(np.float64)
    return series.cast(pl.Float64).fill_null(float("nan")).to_numpy()
