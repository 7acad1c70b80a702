"""The reference's read, and a comparable view of a pandas frame and of a Table.

``reference_read`` is what mlebench's ``read_csv`` does: ``pd.read_csv(path,
float_precision="round_trip")``, with pandas' EmptyDataError turned into an empty DataFrame.
``view`` reduces either side to ``[(column name, Table dtype tag, values)]`` where the tag is the
Polars dtype the Table conventions give the pandas column, and values are Python objects with
every missing value as None, so the two can be compared with ``==`` (floats by their bits).
"""

from __future__ import annotations

import math
import struct
import warnings
from typing import Any

import numpy as np
import pandas as pd
import polars as pl

from mlebench_fast.io import Table


def reference_read(path) -> pd.DataFrame | BaseException:
    """The reference's ``read_csv``; an exception pandas raised is returned, not raised."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", pd.errors.DtypeWarning)
            return pd.read_csv(path, float_precision="round_trip")
    except pd.errors.EmptyDataError:
        return pd.DataFrame()
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        return exc


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _cell(value: Any) -> Any:
    """A value comparable with ``==`` that keeps its Python kind (1 != 1.0 != True here)."""
    if _missing(value):
        return None
    if isinstance(value, (bool, np.bool_)):
        return ("bool", bool(value))
    if isinstance(value, (int, np.integer)):
        return ("int", int(value))
    if isinstance(value, (float, np.floating)):
        return ("float", struct.pack("<d", float(value)))
    if isinstance(value, str):
        return ("str", value)
    raise TypeError(f"unexpected cell {value!r} of type {type(value)}")


def _pandas_tag(column: pd.Series) -> str:
    dtype = column.dtype
    if dtype == np.int64:
        return "Int64"
    if dtype == np.uint64:
        return "UInt64"
    if dtype == np.float64:
        return "Float64"
    if dtype == np.bool_:
        return "Boolean"
    assert dtype == object, dtype
    kinds = {type(v) for v in column.tolist() if not _missing(v)}
    if kinds <= {str}:
        return "String"
    if kinds <= {bool}:
        return "Boolean"
    return "Object"


def _pandas_column_view(name: str, column: pd.Series) -> tuple[str, str, list[Any]]:
    return (name, _pandas_tag(column), [_cell(v) for v in column.tolist()])


def pandas_view(frame: pd.DataFrame) -> dict[str, Any]:
    columns = [_pandas_column_view(str(c), frame[c]) for c in frame.columns]
    assert len(set(frame.columns)) == len(frame.columns)
    index = None
    if not isinstance(frame.index, pd.RangeIndex):
        if isinstance(frame.index, pd.MultiIndex):
            levels = [frame.index.get_level_values(i) for i in range(frame.index.nlevels)]
        else:
            levels = [frame.index]
        index = [
            _pandas_column_view("", pd.Series(level.to_numpy(dtype=level.dtype)))[1:]
            for level in levels
        ]
    return {"columns": columns, "index": index, "height": len(frame)}


def _table_tag(series: pl.Series) -> str:
    if series.dtype == pl.Null:
        return "Float64"
    return str(series.dtype)


def _table_column_view(series: pl.Series) -> tuple[str, str, list[Any]]:
    return (series.name, _table_tag(series), [_cell(v) for v in series.to_list()])


def table_view(table: Table) -> dict[str, Any]:
    columns = [_table_column_view(s) for s in table.frame.get_columns()]
    index = None
    if table.index is not None:
        index = [_table_column_view(s)[1:] for s in table.index.get_columns()]
    return {"columns": columns, "index": index, "height": table.height}
