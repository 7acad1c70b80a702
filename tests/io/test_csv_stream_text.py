"""open_numeric_csv's text columns: the cells' byte spans, put together, are read_csv's strings
(the numeric columns still its numbers), whatever the window size; an NA word, a quote, a CR,
a NUL or a ragged line declines."""

from __future__ import annotations

import random

import numpy as np
import polars as pl
import pytest

from mlebench_fast.io import csv as csv_module
from mlebench_fast.io.csv_stream import StreamDeclined, open_numeric_csv

WINDOWS = [1, 5, 23, 64, 1 << 20]


@pytest.fixture(autouse=True)
def reader():
    """(tests/io's conftest runs each test once per reader; the stream has one)"""


def _streamed(path, window_bytes, text):
    stream = open_numeric_csv(path, window_bytes=window_bytes, text=text)
    if stream is None:
        return None
    parts = []
    try:
        for window in stream.windows():
            columns = []
            for j, column in enumerate(window.columns):
                if j in stream.text:
                    assert column.dtype == np.int64 and column.shape == (window.rows, 2)
                    # the window's bytes are overwritten by the next one: copy the cells now
                    column = [bytes(window.data[a:b]).decode() for a, b in column.tolist()]
                else:
                    column = column.copy()  # and its columns' memory too
                columns.append(column)
            parts.append(columns)
    except StreamDeclined:
        return None
    assert [stream.dtypes[j] for j in stream.text] == [np.dtype(object)] * len(stream.text)
    joined = []
    for j, chunks in enumerate(zip(*parts)):
        joined.append(sum(chunks, []) if j in stream.text else np.concatenate(chunks))
    return stream.names, joined


def _same_as_read_csv(path, window_bytes, text):
    got = _streamed(path, window_bytes, text)
    if got is None:
        return None
    names, columns = got
    table = csv_module.read_csv(path)
    assert table.columns == names
    for name, column in zip(names, columns):
        expected = table.frame[name]
        if name in text:
            assert expected.dtype == pl.String, name
            assert expected.to_list() == column, name
        else:
            assert np.array_equal(expected.to_numpy(), column), name
    return True


@pytest.mark.parametrize("window_bytes", WINDOWS)
@pytest.mark.parametrize(
    "content",
    [
        "id,value\n1_1_1,0.5\n1_10_2,1\n7_2_3,0.25\n",
        "value,id\n0.5,a b\n1,x-y\n",  # the text column second, spaces kept
        "id,value\n1_1_1,0.5\n1_1_2,0.75",  # no final line end
        "\ufeffid,value\nα_1,2\n",  # BOM, non-ASCII text
    ],
)
def test_text_cells_are_read_csvs_strings(tmp_path, content, window_bytes):
    path = tmp_path / "f.csv"
    path.write_text(content, encoding="utf-8")
    assert _same_as_read_csv(path, window_bytes, ("id",)) is True


@pytest.mark.parametrize("window_bytes", WINDOWS)
@pytest.mark.parametrize(
    "content",
    [
        "id,value\n1_1_1,0.5\n,1\n",  # an empty (NA) cell
        "id,value\n1_1_1,0.5\nNA,1\n",
        "id,value\n1_1_1,0.5\nnan,1\n",
        'id,value\n"1_1_1",0.5\n',  # a quote
        "id,value\r\n1_1_1,0.5\r\n",  # CR
        "id,value\n1_1\x001,0.5\n",  # NUL
        "id,value\n1_1_1,0.5,3\n",  # ragged
        "id,value\n1_1_1\n",
        "id,value\n1_1_1,x\n",  # text in the numeric column
    ],
)
def test_other_text_files_are_declined(tmp_path, content, window_bytes):
    path = tmp_path / "f.csv"
    path.write_bytes(content.encode())
    assert _streamed(path, window_bytes, ("id",)) is None


def test_unnamed_text_columns_change_nothing(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("a,b\n1,2.5\n")
    stream = open_numeric_csv(path, text=("zzz",))
    assert stream.text == []
    assert [c.tolist() for c in next(iter(stream.windows())).columns] == [[1], [2.5]]


@pytest.mark.parametrize("seed", range(20))
def test_random_text_files_are_read_csv_or_declined(tmp_path, seed):
    rng = random.Random(seed)
    rows = rng.randint(1, 60)
    lines = ["id,value"]
    for _ in range(rows):
        ident = "_".join(str(rng.randint(1, 999)) for _ in range(3))
        if rng.random() < 0.05:
            ident = rng.choice(["", "NA", '"q"', "a b", "x"])
        lines.append(f"{ident},{rng.uniform(0, 1)!r}")
    path = tmp_path / "f.csv"
    path.write_text("\n".join(lines) + "\n")
    for window_bytes in (1, rng.randint(2, 200), 1 << 20):
        _same_as_read_csv(path, window_bytes, ("id",))  # None (declined) or equal
