"""read_text_columns: a file's text columns as string views, exactly the cells read_csv's Table
holds, or None whenever read_csv would give anything else (run for every reader by conftest)."""

from __future__ import annotations

import pyarrow as pa
import pytest

from mlebench_fast.io import csv as csv_module
from mlebench_fast.io import read_csv
from mlebench_fast.io.csv import read_text_columns
from mlebench_fast.validation.frames import kind

from .test_csv_parity import CASES

MORE = {
    "plain two columns": "id,PredictionString\nb_image,none 1 0 0 1 1\na_study,x 0.5 1 2 3 4\n",
    "quoted with commas and quotes": 'id,s\n"a,b","say ""hi"""\nc,d\n',
    "duplicate header": "id,id,s\n1a,2b,x\n3c,4d,y\n",
    "NA cell": "id,s\na,NA\nb,x\n",
    "numeric column": "id,s\na,1\nb,2\n",
    "index column": "id,s\na,b,c\nd,e,f\n",
    "BOM and CRLF": "\ufeffid,s\r\na,b\r\nc,d\r\n",
    "blank lines": "id,s\n\na,b\n\nc,d\n",
}


def _strings(views) -> list[str]:
    buffers = [pa.py_buffer(b) for b in views.keepalive]
    array = pa.Array.from_buffers(
        pa.string_view(), views.views.shape[0], [None, pa.py_buffer(views.views), *buffers]
    )
    return array.to_pylist()


@pytest.mark.parametrize("content", [*CASES.values(), *MORE.values()], ids=[*CASES, *MORE])
def test_text_columns_are_the_tables(tmp_path, content):
    path = tmp_path / "sub.csv"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    try:
        table = read_csv(path)
    except Exception:  # noqa: BLE001 - an unreadable file is never read as text columns
        assert read_text_columns(path, ("id",)) is None
        return
    for names in ([*table.columns], table.columns[:1], [*table.columns[::-1], "absent"]):
        if not names:
            continue
        read = read_text_columns(path, tuple(names))
        if read is None:
            continue
        height, columns = read
        assert height == table.height and table.index is None
        for name, views in zip(names, columns):
            column = table.frame[name]
            assert kind(column) == "str" and not column.null_count()
            assert _strings(views) == column.to_list()


def test_plain_files_are_read_as_views(tmp_path, reader):
    path = tmp_path / "sub.csv"
    path.write_text(MORE["plain two columns"])
    read = read_text_columns(path, ("PredictionString", "id"))
    if reader == "polars" or csv_module.READER == "polars":
        assert read is None
        return
    height, (cells, ids) = read
    assert height == 2
    assert _strings(ids) == ["b_image", "a_study"]
    assert _strings(cells) == ["none 1 0 0 1 1", "x 0.5 1 2 3 4"]
    for declined in ("NA cell", "numeric column", "index column"):
        path.write_text(MORE[declined])
        assert read_text_columns(path, ("id", "s")) is None
    assert read_text_columns(tmp_path / "missing.csv", ("id",)) is None
