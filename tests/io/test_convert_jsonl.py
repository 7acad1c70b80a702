"""as_table on every accepted input, and read_jsonl."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

from mlebench_fast.exceptions import InvalidSubmissionError, UnreadableFileError
from mlebench_fast.io import Table, as_table, read_csv, read_jsonl

from .pandas_oracle import pandas_view, reference_read, table_view


def test_path_and_table(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("id,p\n1,0.5\n")
    table = as_table(path)
    assert table.frame.rows() == [(1, 0.5)]
    assert as_table(str(path)).frame.equals(table.frame)
    assert as_table(table) is table


def test_pandas_frame_read_by_pandas_matches_read_csv(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("id,label,flag,maybe,score\nx,1,True,True,0.5\ny,,False,,1e3\n")
    frame = reference_read(path)
    assert table_view(as_table(frame)) == pandas_view(frame) == table_view(read_csv(path))


def test_pandas_dtypes():
    frame = pd.DataFrame(
        {
            "i32": np.array([1, 2], dtype=np.int32),
            "u64": np.array([2**63, 1], dtype=np.uint64),
            "f32": np.array([0.5, 1.5], dtype=np.float32),
            "nullable": pd.array([1, None], dtype="Int64"),
            "nullable_full": pd.array([1, 2], dtype="Int64"),
            "string": pd.array(["a", None], dtype="string"),
            "cat": pd.Categorical(["a", "b"]),
            "all_nan_object": pd.Series([np.nan, None], dtype=object),
            "mixed": pd.Series([1, "a"], dtype=object),
            "boolean": pd.array([True, None], dtype="boolean"),
        }
    )
    table = as_table(frame)
    assert dict(table.frame.schema) == {
        "i32": pl.Int64,
        "u64": pl.UInt64,
        "f32": pl.Float64,
        "nullable": pl.Float64,
        "nullable_full": pl.Int64,
        "string": pl.String,
        "cat": pl.String,
        "all_nan_object": pl.String,
        "mixed": pl.Object,
        "boolean": pl.Boolean,
    }
    assert table.frame["mixed"].to_list() == [1, "a"]
    assert table.index is None


def test_pandas_index_kept():
    frame = pd.DataFrame({"a": [1, 2]}, index=pd.Index(["x", "y"], name="id"))
    table = as_table(frame)
    assert table.index is not None and table.index["id"].to_list() == ["x", "y"]


def test_pandas_duplicate_columns_rejected():
    frame = pd.DataFrame([[1, 2]], columns=["a", "a"])
    with pytest.raises(InvalidSubmissionError, match="duplicated column names"):
        as_table(frame)


def test_polars_and_arrow():
    frame = pl.DataFrame(
        {"a": pl.Series([1, 2], dtype=pl.Int16), "b": pl.Series(["x", "y"], dtype=pl.Categorical),
         "c": [None, None]}
    )
    table = as_table(frame)
    assert dict(table.frame.schema) == {"a": pl.Int64, "b": pl.String, "c": pl.Float64}
    arrow = as_table(pa.table({"a": pa.array([1.5, None], type=pa.float32())}))
    assert arrow.frame.schema["a"] == pl.Float64 and math.isclose(arrow.frame["a"][0], 1.5)
    clean = pl.DataFrame({"x": [1]})
    assert as_table(clean).frame is clean


def test_unsupported_type():
    with pytest.raises(TypeError, match="Pass a path to a CSV file"):
        as_table([1, 2, 3])


def test_read_jsonl(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"a": 1}\n{"b": "x\u2028y"}\n')
    assert read_jsonl(path) == [{"a": 1}, {"b": "x\u2028y"}]


def test_read_jsonl_errors(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"a": 1}\n\n')
    with pytest.raises(UnreadableFileError, match="line 2 is not a JSON document"):
        read_jsonl(path)
    with pytest.raises(FileNotFoundError, match="No such JSONL file"):
        read_jsonl(tmp_path / "missing.jsonl")


def test_table_is_exported():
    assert Table is as_table(pl.DataFrame({"a": [1]})).__class__
