"""String kernels over whole columns.

The columns reach the compiled kernels as Arrow large-string buffers (offsets + UTF-8 bytes), so
no Python ``str`` is built per row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Union

import numpy as np
import polars as pl
import pyarrow as pa

from mlebench_fast._native import load
from mlebench_fast.threads import executor, kernel_threads

__all__ = [
    "StringViews",
    "as_arrow_strings",
    "contiguous_strings",
    "keyed_levenshtein_distances",
    "keyed_texts",
    "levenshtein_distances",
    "string_buffers",
    "string_views",
]

StringColumn = Union[pl.Series, pa.Array, pa.ChunkedArray, Sequence[str]]

_EMPTY_DATA = np.zeros(1, dtype=np.uint8)  # kernels take &data[0], even of an all-empty column


def _as_arrow(column: StringColumn) -> pa.Array:
    """The column as one Arrow array of a string type, without copying where possible."""
    if isinstance(column, pl.Series):
        # Polars stores strings as views: exporting them as views is zero-copy.
        arrow = column.to_arrow(compat_level=pl.CompatLevel.newest())
    elif isinstance(column, (pa.Array, pa.ChunkedArray)):
        arrow = column
    else:
        arrow = pa.array(list(column), type=pa.large_string())
    if isinstance(arrow, pa.ChunkedArray):
        arrow = arrow.combine_chunks()
    if arrow.type not in (pa.large_string(), pa.string_view()):
        arrow = arrow.cast(pa.large_string())
    return arrow


def _as_large_string(column: StringColumn) -> pa.LargeStringArray:
    arrow = _as_arrow(column)
    if arrow.type != pa.large_string():
        arrow = arrow.cast(pa.large_string())
    return arrow


def string_buffers(column: StringColumn) -> tuple[np.ndarray, np.ndarray]:
    """``(offsets, data)`` of a string column: int64 offsets (rows + 1, absolute positions in
    ``data``) and the UTF-8 bytes, both zero-copy views where the column is already Arrow.

    Nulls read as empty strings; callers that care replace them first.
    """
    arrow = _as_large_string(column)
    rows = len(arrow)
    _, offsets_buf, data_buf = arrow.buffers()
    if offsets_buf is None:  # a zero-length array may come without buffers
        return np.zeros(1, dtype=np.int64), _EMPTY_DATA
    offsets = np.frombuffer(offsets_buf, dtype=np.int64)[arrow.offset : arrow.offset + rows + 1]
    if data_buf is None or data_buf.size == 0:
        data = _EMPTY_DATA
    else:
        data = np.frombuffer(data_buf, dtype=np.uint8)
    return offsets, data


@dataclass(frozen=True, slots=True)
class StringViews:
    """A string column without nulls as Arrow string views: the (rows, 16) uint8 ``views``, the
    ``addresses`` of the data buffers they point into, and ``keepalive``, which holds those
    buffers (a column read straight from a file, with no Arrow array or Polars Series built)."""

    views: np.ndarray
    addresses: np.ndarray
    keepalive: object


def string_views(arrow: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """``(views, addresses)`` of an Arrow string-view array: its (rows, 16) uint8 views and the
    addresses of its data buffers (valid while ``arrow`` lives)."""
    buffers = arrow.buffers()
    rows = len(arrow)
    if buffers[1] is None or rows == 0:
        views = np.zeros((0, 16), dtype=np.uint8)
    else:
        views = np.frombuffer(buffers[1], dtype=np.uint8).reshape(-1, 16)
        views = views[arrow.offset : arrow.offset + rows]
    addresses = np.array([b.address if b is not None else 0 for b in buffers[2:]], dtype=np.uint64)
    return views, addresses


def as_arrow_strings(column: StringColumn) -> pa.Array:
    """The column as one Arrow array, large_string or string_view (Polars' own: no copy)."""
    return _as_arrow(column)


def contiguous_strings(column: StringColumn) -> pa.LargeStringArray:
    """A large-string copy of the column whose bytes lie in row order.

    A sorted or gathered Polars column keeps pointing into its source's buffers, so walking its
    rows jumps around memory; answers that every submission is compared with are worth one copy.
    """
    arrow = _as_arrow(column)
    if arrow.type == pa.large_string():
        arrow = arrow.cast(pa.string_view())  # a real copy on the way back, not a re-slice
    return arrow.cast(pa.large_string())


def _utf8_column(column: StringColumn):
    native = load("levenshtein")
    arrow = _as_arrow(column)
    if arrow.type == pa.large_string():
        return native.Utf8Column.from_offsets(*string_buffers(arrow))
    return native.Utf8Column.from_views(*string_views(arrow), arrow)


# Rows per task when a kernel's rows are shared among threads: small enough that a thread slowed
# by another process hands its share to the others, large enough that the tasks' Python overhead
# (a few microseconds each) stays out of sight. Fewer rows than two tasks run on the caller's
# thread.
_TASK_ROWS = 8192
_TASKS_PER_THREAD = 8

def _share_rows(task: Callable[[int, int], object], rows: int) -> list[object]:
    """``task(start, stop)`` over consecutive row ranges covering ``rows``, on the available
    cores (the task releases the GIL); the results in range order."""
    threads = kernel_threads()
    if threads < 2 or rows < 2 * _TASK_ROWS:
        return [task(0, rows)]
    size = max(_TASK_ROWS, -(-rows // (_TASKS_PER_THREAD * threads)))
    starts = range(0, rows, size)
    return list(executor().map(lambda start: task(start, min(start + size, rows)), starts))


def levenshtein_distances(
    a: StringColumn, b: StringColumn, b_rows: np.ndarray | None = None
) -> np.ndarray:
    """Levenshtein distance of each row pair, in Unicode code points (int64).

    Equal to ``[Levenshtein.distance(x, y) for x, y in zip(a, b)]`` for str rows. ``a`` and ``b``
    are polars String Series, pyarrow string arrays (any string type) or sequences of str, of
    equal length and without nulls (a null reads as ""). With ``b_rows`` (int64), row ``r`` of
    ``a`` is paired with row ``b_rows[r]`` of ``b`` instead. Large columns are shared among
    threads.
    """
    left, right = _utf8_column(a), _utf8_column(b)
    if b_rows is None and left.rows != right.rows:
        msg = f"Expected two columns of the same length, got {left.rows} and {right.rows} rows."
        raise ValueError(msg)
    if b_rows is not None:
        b_rows = np.ascontiguousarray(b_rows, dtype=np.int64)
    native = load("levenshtein")
    if b_rows is not None and b_rows.shape[0] != left.rows:
        return native.distances(left, right, b_rows)  # raises the kernel's ValueError
    out = np.empty(left.rows, dtype=np.int64)
    _share_rows(lambda start, stop: native.distances(left, right, b_rows, out, start, stop), left.rows)
    return out


def keyed_texts(keys: StringColumn, texts: StringColumn):
    """A look-up of ``texts`` by ``keys`` for :func:`keyed_levenshtein_distances` (compiled
    ``KeyedTexts``; its ``unique`` is False when a key repeats)."""
    return load("levenshtein").KeyedTexts(_utf8_column(keys), _utf8_column(texts))


def keyed_levenshtein_distances(
    keyed, keys: StringColumn, texts: StringColumn
) -> np.ndarray | None:
    """Levenshtein distance between each row's text and the text ``keyed`` holds for the row's
    key, in the rows' order; None unless ``keys`` are a permutation of ``keyed``'s (unique) keys.

    For unique keys this equals ``levenshtein_distances`` of the keyed texts against ``texts``
    sorted into the keyed order, without sorting or gathering anything.
    """
    native = load("levenshtein")
    key_column, text_column = _utf8_column(keys), _utf8_column(texts)
    rows = key_column.rows
    if not keyed.unique or rows != keyed.rows or text_column.rows != rows:
        return None
    found = np.empty(rows, dtype=np.int64)
    distances = np.empty(rows, dtype=np.int64)
    abort = np.zeros(1, dtype=np.uint8)

    def task(start: int, stop: int) -> bool:
        return keyed.distances(key_column, text_column, found, distances, start, stop, abort)

    if not all(_share_rows(task, rows)) or abort[0] or not native.is_permutation(found):
        return None
    return distances
