"""The native fast path of :func:`mlebench_fast.io.csv.read_csv` (``csrc/csv_reader.pyx``).

It takes the files it can read exactly as pandas does and returns None for the rest (a NUL
byte, invalid UTF-8, a bare CR, stray or unterminated quotes, a row longer than the table, no
data rows, chunks of a big file typed differently): the general path reads those. The columns
come back as Polars Series built from numpy arrays and Arrow string views into the file's own
bytes, with no Python object per cell.

Files of at least :data:`PARALLEL_MIN_BYTES` are read, checked, tokenized and typed on
:data:`THREADS` threads (the native tasks release the GIL); smaller ones on the calling thread,
where a thread hand-off would cost more than it saves.
"""

from __future__ import annotations

import itertools
import os

import numpy as np
import polars as pl
import pyarrow as pa

from mlebench_fast._native import load
from mlebench_fast.threads import executor, kernel_threads

_native = load("csv_reader")
TEXT = _native.TEXT
_BOM = b"\xef\xbb\xbf"
_STRING_VIEW = pa.string_view()


#: At most this many threads parse one file (the budget is :func:`mlebench_fast.threads.kernel_threads`).
THREADS = 8
#: Below this size a file is parsed on the calling thread alone.
PARALLEL_MIN_BYTES = 1 << 20


def _threads() -> int:
    return max(1, min(kernel_threads(), THREADS))


def threads() -> int:
    """How many threads parse a big file (the routing in io.csv weighs them)."""
    return _threads()


def _run_threads(task, count: int) -> None:
    """``task(i)`` for i in range(count), on THREADS threads (the caller's among them)."""
    workers = min(_threads(), count)
    if workers <= 1:
        for i in range(count):
            task(i)
        return
    pool = executor()
    order = itertools.count()  # next() is atomic under the GIL

    def work() -> None:
        for i in order:
            if i >= count:
                return
            task(i)

    futures = [pool.submit(work) for _ in range(workers - 1)]
    try:
        work()
    finally:
        for future in futures:
            if not future.cancel():  # a helper that never started has nothing left to do
                future.result()


def _threads_for(size: int) -> int:
    return _threads() if size >= PARALLEL_MIN_BYTES else 1


def plain_ascii(data) -> bool:
    """Whether the bytes-like ``data`` is ASCII without NUL, CR or double quote."""
    return _native.plain_ascii(data)


#: Files up to this size are read into a buffer from Arrow's memory pool, which keeps freed
#: pages for the next file. From malloc, the buffer of a file graded again and again came as
#: fresh pages each time, and once it was freed glibc trimmed the heap under the grading's other
#: arrays too: ~280 page faults a call grading hotel-id's 0.5 MB submission (0.4-0.6 ms of ~2),
#: ~3200 for herbarium-2020's 2.6 MB (23-27 -> 15-21 ms). Bigger files keep malloc: the pool
#: held on to their buffers (peak memory +10-17 MiB with 8 MB files; +3-7 MiB at 2.6 MB).
POOLED_MAX_BYTES = 4 << 20


def read_file(path) -> np.ndarray:
    """The file's bytes in a numpy array.

    One thread: threads filling fresh pages of one buffer contend in the kernel (two took
    longer than one on a 250 MB file).
    """
    with open(path, "rb", buffering=0) as handle:
        size = os.fstat(handle.fileno()).st_size
        if 0 < size <= POOLED_MAX_BYTES:
            data = np.frombuffer(pa.allocate_buffer(size), dtype=np.uint8)
        else:
            data = np.empty(size, dtype=np.uint8)
        view = memoryview(data)
        got = 0
        while got < size:
            n = handle.readinto(view[got:])
            if not n:
                break
            got += n
        if got != size or handle.read(1):
            # the file changed size while being read: read it again as one stream
            handle.seek(0)
            return np.frombuffer(handle.read(), dtype=np.uint8)
        return data


def read_raw(data) -> tuple[list[str], list[tuple[int, np.ndarray, np.ndarray | None]], list] | None:
    """The native reader's own output for a bytes-like ``data`` (see ``csv_reader.read``): the
    header's fields, ``(kind, values, valid)`` per column and the buffers its text views point
    into; or None: not handled here."""
    size = len(data)
    threads = _threads_for(size)
    start = 3 if bytes(data[:3]) == _BOM else 0
    return _native.read(data, start, _run_threads if threads > 1 else None, threads)


def read_columns(data) -> tuple[list[str], list[pl.Series]] | None:
    """The header's fields and the table's columns (unnamed) of a bytes-like ``data``, or None:
    not handled here."""
    result = read_raw(data)
    if result is None:
        return None
    header, columns, buffers = result
    arrow_buffers = [pa.py_buffer(b) for b in buffers]
    return header, [_series(kind, values, valid, arrow_buffers) for kind, values, valid in columns]


def buffer_addresses(buffers: list) -> np.ndarray:
    """The addresses of :func:`read_raw`'s buffers, as its TEXT columns' views index them."""
    return np.array(
        [np.frombuffer(b, dtype=np.uint8).ctypes.data for b in buffers], dtype=np.uint64
    )


def _series(kind: int, values: np.ndarray, valid: np.ndarray | None, buffers) -> pl.Series:
    if kind == _native.TEXT:
        validity = None if valid is None else pa.py_buffer(np.packbits(valid, bitorder="little"))
        array = pa.Array.from_buffers(
            _STRING_VIEW, len(values) // 4, [validity, pa.py_buffer(values), *buffers]
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
