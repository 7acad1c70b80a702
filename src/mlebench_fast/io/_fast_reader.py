"""The native fast path of :func:`mlebench_fast.io.csv.read_csv` (``csrc/csv_reader.pyx``).

It takes the files it can read exactly as pandas does and returns None for the rest (a NUL
byte, invalid UTF-8, a bare CR, stray or unterminated quotes, a row longer than the table, no
data rows, chunks of a big file typed differently): the general path reads those. The columns
come back as Polars Series built from numpy arrays and Arrow string views into the file's own
bytes, with no Python object per cell.
"""

from __future__ import annotations

import numpy as np
import polars as pl
import pyarrow as pa

from mlebench_fast._native import load

_native = load("csv_reader")
_BOM = b"\xef\xbb\xbf"
_STRING_VIEW = pa.string_view()


def plain_ascii(data) -> bool:
    """Whether the bytes-like ``data`` is ASCII without NUL, CR or double quote."""
    return _native.plain_ascii(data)


def read_columns(data: bytes) -> tuple[list[str], list[pl.Series]] | None:
    """The header's fields and the table's columns (unnamed), or None: not handled here."""
    if not _native.valid_bytes(data):
        return None
    result = _native.read(data, 3 if data.startswith(_BOM) else 0)
    if result is None:
        return None
    header, columns, buffer = result
    return header, [_series(kind, values, valid, buffer) for kind, values, valid in columns]


def _series(kind: int, values: np.ndarray, valid: np.ndarray | None, buffer) -> pl.Series:
    if kind == _native.TEXT:
        validity = None if valid is None else pa.py_buffer(np.packbits(valid, bitorder="little"))
        array = pa.Array.from_buffers(
            _STRING_VIEW, len(values) // 4, [validity, pa.py_buffer(values), pa.py_buffer(buffer)]
        )
        return pl.Series(array)
    if valid is None:
        return pl.Series(values)
    if kind == _native.FLOAT:
        return pl.Series(values, nan_to_null=True)  # NaN only where a cell is NA
    # BOOL with NA cells
    array = pa.Array.from_buffers(
        pa.bool_(),
        len(values),
        [pa.py_buffer(np.packbits(valid, bitorder="little")),
         pa.py_buffer(np.packbits(values, bitorder="little"))],
    )
    return pl.Series(array)
