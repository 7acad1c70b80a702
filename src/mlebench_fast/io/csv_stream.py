"""``open_numeric_csv``: a big CSV of plain numbers read window by window, as pandas reads it.

:func:`mlebench_fast.io.csv.read_csv` holds a whole file's columns (and, while it parses, the
file's bytes); a 600 MB file of three numeric columns then needs more than a gigabyte. A caller
that only folds the rows into a result (a metric, or its own compact arrays) can instead read
the file here, a window of whole lines at a time, in the same column dtypes and values
``read_csv`` gives, holding one window's bytes and columns at a time.

Only the simplest files are taken, where pandas' result does not depend on how the file is
cut: a plain header (no quote, CR or NUL; not blank), then lines of exactly as many fields,
every column all int64 words or all float words (:func:`csv_reader.parse_numeric` says which
cells count). Whether a file is one shows only as it is read, so the caller must be ready to
drop what it has folded and read the file whole: :class:`StreamDeclined` is raised by the
window that breaks a rule (a text cell, an NA cell, a float in a column that was int64 so far,
a quoted field, a blank line, a line with another field count, a CR, no data rows ...).

A caller may name columns to be given as text (``text=``): their cells are not parsed but
handed over as byte spans of the window (any bytes but a quote, comma, CR, LF or NUL; never an
NA word), for the caller to parse its own way, e.g. ids it can check are text to pandas too.

Why windows may be cut anywhere: pandas types each of its low-memory chunks of a column on its
own and then concatenates them. With the rules above every chunk of an int64 column is int64,
and every chunk of a float column is float64 or all integers (int64, which the concatenation
turns into the same float64 values: correctly rounded integers; a negative zero, which that
would turn positive, declines), so the column's dtype and values are the same however the rows
are grouped.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG

import numpy as np

from mlebench_fast._native import load
from mlebench_fast.io.csv import _BOM, header_names
from mlebench_fast.threads import executor, kernel_threads

__all__ = ["NumericCsvStream", "NumericWindow", "StreamDeclined", "open_numeric_csv"]

_native = load("csv_reader")
_DTYPES = {
    _native.INT64: np.dtype(np.int64),
    _native.FLOAT: np.dtype(np.float64),
    _native.TEXT: np.dtype(object),
}

#: Bytes of the file read (and parsed) at a time.
WINDOW_BYTES = 8 << 20
#: Below this many bytes a window is parsed on the calling thread alone.
PARALLEL_MIN_BYTES = 1 << 20
#: Parts of a window per thread: with more than one, a thread that finishes a part early
#: takes another instead of waiting for the slowest at the window's end.
PARTS_PER_THREAD = 2


#: ``each_part(columns, lo, hi)`` of :meth:`NumericCsvStream.windows`.
PartTask = Callable[[list[np.ndarray], int, int], object]


class StreamDeclined(Exception):  # noqa: N818 - a signal to read the file whole, not an error
    """The file is not one this reader reproduces exactly: read it with ``read_csv``."""


@dataclass(frozen=True, slots=True)
class NumericWindow:
    """Rows ``first_row ...`` of the file: one numpy array per column (int64 or float64), read
    from ``nbytes`` bytes of it. A text column's array is (rows, 2) int64: each cell's
    [start, end) in ``data``, the window's bytes. The next window overwrites both the bytes and
    the columns' memory (no fresh pages to fault in every window): copy what you keep."""

    first_row: int
    columns: list[np.ndarray]
    nbytes: int
    data: np.ndarray
    parts: list = ()  # what ``each_part`` gave for the window's parts, in order

    @property
    def rows(self) -> int:
        return self.columns[0].shape[0] if self.columns else 0


class NumericCsvStream:
    """A CSV file whose header is plain, read by :meth:`windows`.

    ``names`` are pandas' column names (de-duplicated, ``Unnamed: i`` for empty ones).
    ``dtypes`` (numpy int64 / float64 per column, object for a text column) are known once
    the first window is read, and are the dtypes ``read_csv`` gives the whole file if the
    stream ends without :class:`StreamDeclined` (a text column's: if the caller finds text
    there that pandas would not read as a number).
    """

    def __init__(
        self, path: Path, header: list[str], data_start: int, window_bytes: int,
        text: tuple[str, ...] = (),
    ) -> None:
        self.path = path
        self.header = header
        self.names = header_names(header)
        self.text = [j for j, name in enumerate(self.names) if name in text]
        self.dtypes: list[np.dtype] | None = None
        self._data_start = data_start
        self._window_bytes = max(int(window_bytes), 1)

    def windows(self, each_part: PartTask | None = None) -> Iterator[NumericWindow]:
        """The file's rows in order, a window at a time; raises :class:`StreamDeclined`.

        ``each_part(columns, lo, hi)``, if given, is called for rows [lo, hi) of each window's
        columns on the thread that parsed them, right after, while they are still in its cache
        (for the first window: once, for all its rows, after the column types are settled); the
        window's ``parts`` are its results. A window that declines may have had some of its
        parts handed over already.
        """
        width = len(self.header)
        kinds: np.ndarray | None = None
        row = 0
        # The next window's bytes are read on a thread of their own while this one is parsed.
        with open(self.path, "rb", buffering=0) as handle, ThreadPoolExecutor(
            1, thread_name_prefix="mlebench-read"
        ) as reader:
            handle.seek(self._data_start)
            buf = np.empty(self._window_bytes, dtype=np.uint8)
            spare = np.empty_like(buf)
            pool: list[np.ndarray | None] = [None] * width
            filled, eof = _fill(handle, buf, 0)
            while filled:
                cut = filled if eof else _after_last_line_end(buf, filled)
                if cut == 0:  # a line longer than the buffer
                    buf = np.concatenate([buf, np.empty(buf.shape[0], dtype=np.uint8)])
                    spare = np.empty_like(buf)
                    filled, eof = _fill(handle, buf, filled)
                    continue
                ahead = None
                if not eof:
                    rest = filled - cut
                    spare[:rest] = buf[cut:filled]
                    ahead = reader.submit(_fill, handle, spare, rest)
                if kinds is None:
                    kinds = np.full(width, _native.INT64, dtype=np.int32)
                    kinds[self.text] = _native.TEXT
                    columns = _first_window(buf, cut, kinds, pool)
                    self.dtypes = [_DTYPES[k] for k in kinds.tolist()]
                    parts = [] if each_part is None else [each_part(columns, 0, columns[0].shape[0])]
                else:
                    parsed = _parse_window(buf, cut, kinds, pool, each_part)
                    if isinstance(parsed, int):
                        raise StreamDeclined
                    columns, parts = parsed
                window = NumericWindow(row, columns, cut, buf[:cut], parts)
                row += window.rows
                yield window
                del window, columns, parts  # before the next window's columns are made
                if ahead is None:
                    break
                filled, eof = ahead.result()
                buf, spare = spare, buf
        if row == 0:
            raise StreamDeclined  # header only: pandas' columns are object


def open_numeric_csv(
    path: str | os.PathLike[str],
    *,
    window_bytes: int | None = None,
    text: tuple[str, ...] = (),
) -> NumericCsvStream | None:
    """The stream of a regular file with a plain header line and a data line after it, or None
    (then read the file with ``read_csv``); windows of ``window_bytes`` (default
    :data:`WINDOW_BYTES`); the columns named in ``text`` come as cell spans."""
    path = Path(path)
    try:
        info = path.stat()
    except OSError:
        return None
    if not S_ISREG(info.st_mode) or info.st_size == 0:
        return None
    with open(path, "rb") as handle:
        line = handle.readline(1 << 20)
        data_start = handle.tell()
    start = len(_BOM) if line.startswith(_BOM) else 0
    if not line.endswith(b"\n") or data_start >= info.st_size:
        return None
    first = line[start:-1]
    if any(c in first for c in (b'"', b"\r", b"\x00")) or not first.strip(b" \t"):
        return None
    try:
        header = first.decode("utf-8").split(",")
    except UnicodeDecodeError:
        return None
    return NumericCsvStream(path, header, data_start, window_bytes or WINDOW_BYTES, tuple(text))


def _fill(handle, buf: np.ndarray, filled: int) -> tuple[int, bool]:
    """``buf`` read full from ``handle`` after its first ``filled`` bytes: (bytes, end of file)."""
    view = memoryview(buf)
    while filled < buf.shape[0]:
        got = handle.readinto(view[filled:])
        if not got:
            return filled, True
        filled += got
    return filled, False


def _after_last_line_end(buf: np.ndarray, filled: int) -> int:
    """One past the last LF in ``buf[:filled]`` (0: none)."""
    step = 1 << 16
    end = filled
    while end > 0:
        begin = max(0, end - step)
        hits = np.flatnonzero(buf[begin:end] == 10)
        if hits.shape[0]:
            return begin + int(hits[-1]) + 1
        end = begin
    return 0


def _first_window(
    buf: np.ndarray, cut: int, kinds: np.ndarray, pool: list[np.ndarray | None]
) -> list[np.ndarray]:
    """The first window's columns, its int64 columns turned float64 where a float cell says so
    (``kinds`` updated)."""
    while True:
        parsed = _parse_window(buf, cut, kinds, pool)
        if not isinstance(parsed, int):
            return parsed[0]
        if parsed > _native.NUMERIC_DEMOTE:
            raise StreamDeclined
        kinds[_native.NUMERIC_DEMOTE - parsed] = _native.FLOAT


def _parse_window(
    buf: np.ndarray,
    cut: int,
    kinds: np.ndarray,
    pool: list[np.ndarray | None],
    each_part: PartTask | None = None,
) -> tuple[list[np.ndarray], list] | int:
    """The columns of the whole lines ``buf[:cut]`` (in ``pool``'s arrays, see
    :func:`_pooled_columns`) and ``each_part``'s results for them (the lines are parsed in
    parts, two per thread), or parse_numeric's failure code."""
    threads = kernel_threads()
    per_thread = PARTS_PER_THREAD if threads > 1 else 1
    parts = max(1, min(per_thread * threads, cut // PARALLEL_MIN_BYTES))
    bounds = [0]
    for k in range(1, parts):
        raw = max(cut * k // parts, bounds[-1])
        bounds.append(min(cut, _next_line_start(buf, raw, cut)))
    bounds.append(cut)

    def count(k: int) -> int:
        return _native.count_lines(buf, bounds[k], bounds[k + 1])

    counts = [count(0)] if parts == 1 else list(executor().map(count, range(parts)))
    offsets = np.concatenate([[0], np.cumsum(counts)]).tolist()
    columns = _pooled_columns(pool, kinds, offsets[-1])

    def part(k: int) -> tuple[int, object]:
        got = _native.parse_numeric(buf, bounds[k], bounds[k + 1], kinds, columns, offsets[k])
        if got < 0:
            return got, None
        if got != counts[k]:
            return _native.NUMERIC_DECLINE, None
        return 0, None if each_part is None else each_part(columns, offsets[k], offsets[k + 1])

    results = [part(0)] if parts == 1 else list(executor().map(part, range(parts)))
    failures = [code for code, _ in results if code < 0]
    if failures:
        # a decline anywhere wins over a demotion (the window is not taken either way)
        return max(failures)
    return columns, [result for _, result in results]


def _pooled_columns(pool: list[np.ndarray | None], kinds: np.ndarray, rows: int) -> list[np.ndarray]:
    """Arrays for ``rows`` rows of each column, the first rows of the arrays kept in ``pool``
    (one slot per column) from earlier windows, grown (with a quarter to spare) when short."""
    columns = []
    for j, k in enumerate(kinds.tolist()):
        dtype, tail = (np.dtype(np.int64), (2,)) if k == _native.TEXT else (_DTYPES[k], ())
        held = pool[j]
        if held is None or held.dtype != dtype or held.shape[1:] != tail or held.shape[0] < rows:
            held = pool[j] = np.empty((rows + rows // 4 + 16, *tail), dtype=dtype)
        columns.append(held[:rows])
    return columns


def _next_line_start(buf: np.ndarray, pos: int, end: int) -> int:
    step = 1 << 12
    while pos < end:
        hits = np.flatnonzero(buf[pos : min(end, pos + step)] == 10)
        if hits.shape[0]:
            return pos + int(hits[0]) + 1
        pos += step
    return end
