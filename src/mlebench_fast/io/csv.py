"""``read_csv``: a CSV file as ``pandas.read_csv(path, float_precision="round_trip")`` reads it.

The reference reads every submission and answers file with pandas 2.2.3's C parser and default
arguments (``low_memory=True``); what pandas makes of a file can change a score or a verdict, so
every behaviour below is reproduced on purpose and tested against pandas itself
(``tests/io``). Three readers share these rules:

- the native fast path (``csrc/csv_reader.pyx``, via :mod:`._fast_reader`): one pass over the
  bytes that tokenizes as pandas' C tokenizer and types every column with pandas' rules straight
  into numpy arrays and Arrow string views. It declines what it does not reproduce exactly (a
  NUL byte, invalid UTF-8, a bare CR, a stray or unterminated quote, a row longer than the
  table, no data rows, chunks of a big file typed differently); the next path reads those;
- Polars' multi-threaded CSV reader, every column as text, followed by pandas' type inference as
  vectorised Polars expressions;
- a slower exact tokenizer for the files Polars would tokenize differently from pandas
  (detected up front).

:data:`READER` picks the path (tests run every file through each of them).

Behaviours reproduced
---------------------

===============================  ==============================================================
What is in the file              What pandas (and so this reader) makes of it
===============================  ==============================================================
a column of integers             ``int64``; ``"00012"`` is 12, ``"+5"`` is 5, ``" 12 "`` is 12
                                 (ASCII whitespace around numbers is ignored)
integers with an NA cell         ``float64`` (``12`` becomes ``12.0``)
integers beyond int64            ``uint64`` if all are non-negative and there is no NA cell;
                                 otherwise pandas' overflow rules: ``object`` of strings (with or
                                 without NA filtering, as pandas does), or ``float64`` when a
                                 float cell ends the integer attempt first
any float cell                   ``float64``, correctly rounded (``round_trip``); ``1.``, ``.5``,
                                 ``1E5``, ``1e-400`` (0.0) are numbers
``inf`` / ``Infinity``           +/-infinity, case-insensitive, with an optional sign, only as
                                 the whole cell (``" inf"`` is text)
``1e400`` (overflow to +inf)     not a number: the column becomes ``object`` (a pandas quirk);
                                 ``-1e400`` is ``-inf``
``NAN``, ``+nan``, ``Nan``       text (only the NA strings below are missing values)
NA strings                       ``""``, ``#N/A``, ``#N/A N/A``, ``#NA``, ``-1.#IND``,
                                 ``-1.#QNAN``, ``-NaN``, ``-nan``, ``1.#IND``, ``1.#QNAN``,
                                 ``<NA>``, ``N/A``, ``NA``, ``NULL``, ``NaN``, ``None``, ``n/a``,
                                 ``nan``, ``null`` are NaN, quoted or not, matched exactly
                                 (``" NA"`` is text)
an all-NA column                 ``float64`` of NaN
``True``/``false``/``TRUE``...   ``bool`` when every cell is true/false (ASCII
                                 case-insensitive, no whitespace); with an NA cell ``object`` of
                                 True/False/NaN (Polars ``Boolean`` with nulls)
anything else                    ``object`` of ``str`` (Polars ``String``; NA cells null)
quoted cells                     the quotes are removed before inference: ``"12"`` is 12
UTF-8 BOM, CRLF, bare CR         accepted; a bare CR ends a line as pandas' tokenizer does
blank / whitespace-only lines    skipped (also before the header)
a NUL byte                       ends its cell's text (pandas' C strings): ``a<NUL>b`` is ``a``
duplicated header names          ``a``, ``a.1``, ``a.2``; a name that already exists is skipped
                                 (``a,a,a.1`` gives ``a, a.2, a.1``), named columns first
empty header cell                ``Unnamed: {i}``
first data row longer than       the extra leading fields become the row index (pandas'
the header                       implicit index): :attr:`Table.index`, named ``index`` or
                                 ``level_{i}``
a row shorter than expected      padded with NaN
a row longer than expected       pandas raises ``Error tokenizing data`` → UnreadableFileError
unterminated quote               pandas raises ``EOF inside string`` → UnreadableFileError
invalid UTF-8                    pandas raises UnicodeDecodeError → UnreadableFileError
empty or whitespace-only file    pandas raises EmptyDataError, which the reference's
                                 ``read_csv`` turns into an empty DataFrame: an empty Table
header only                      0 rows, every column ``object`` (``String``)
more rows than pandas' chunk     see "Chunked inference" below
===============================  ==============================================================

Chunked inference
-----------------

With ``low_memory=True`` pandas infers types per chunk of ``2**k`` data rows, the largest power
of two with ``2 * 2**k < 2**20 // width`` (width = number of fields, index included: 524,288
rows for 1 column, 262,144 for 2-3, 131,072 for 4-7 ...; blank lines do not count), and
concatenates the chunks: int and float chunks give ``float64``, int64 and uint64 chunks
``float64``, and a text or bool chunk with a numeric one gives an ``object`` column mixing
Python ``int``/``float``/``bool``/``str`` (pandas' DtypeWarning). This reader infers per chunk
the same way. A mixed column whose values are all text (or all bool) apart from NaN keeps the
usual ``String`` (``Boolean``) form; a truly mixed column is a Polars ``Object`` column holding
the very Python values pandas holds (NaN as ``float("nan")``).

Intentional differences
-----------------------

- Where pandas raises while tokenizing or decoding (the reference then crashes outside the
  grader's error handling), this reader raises :class:`UnreadableFileError` saying what is
  wrong, on which line, and how to fix it.
- Error messages are ours, not pandas' (they name the physical line, pandas its own count).
- A file with bare-CR line ends where a line starts with a space or tab: pandas' tokenizer
  backtracks over the CR there (it looks for LF only) and misreads the line; not reproduced.
"""

from __future__ import annotations

import csv as _pycsv
import io as _io
import itertools
import math
import mmap
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG
from typing import Any

import numpy as np
import polars as pl

from mlebench_fast.exceptions import UnreadableFileError
from mlebench_fast.io import _fast_reader
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.strings import StringViews

__all__ = ["NA_VALUES", "READER", "read_csv", "chunk_rows"]

#: Which reader runs: ``"auto"`` (the native fast path where it is faster, see
#: :func:`_fast_path_pays`), ``"fast"`` (the native path for every file it accepts) or
#: ``"polars"`` (never the native path). The tests switch it.
READER = "auto"
# Measured on 2 cores (benchmarks/test_read_csv.py files and real-size submissions and answers,
# the native path and the Polars path timed in alternation): the native path wins on every file
# up to 1 MB (Polars' fixed ~0.3 ms per call and its per-column expressions) and on text-heavy
# files of any size (16+ bytes per field: the Polars path spends its time in string
# expressions, ~3x at 32 MB). On numeric files, with two threads it wins up to ~10 MB (0.45-0.9x
# the Polars path, jigsaw-toxic 8.5 MB 0.8x), not reliably beyond (ventilator 15 MB 0.93-1.26x,
# 20 MB answers 1.0-1.2x); on one thread (bulk workers) Polars' parser wins past 1 MB (1.2x on
# jigsaw-toxic) unless the file is small and its rows wide (stanford-covid, 6 fields, 2 MB:
# 0.5-0.65x; tabular-may-2022's submission, 2 fields, 1.3 MB: 1.2x).
FAST_PATH_MAX_BYTES = 1 << 20
FAST_PATH_MIN_BYTES_PER_FIELD = 16
FAST_PATH_THREADED_MAX_BYTES = 10 << 20
FAST_PATH_WIDE_MAX_BYTES = 4 << 20
FAST_PATH_WIDE_MIN_FIELDS = 4


def _native_reads(data) -> bool:
    """Whether the native fast path gets the first try at ``data`` (it may still decline)."""
    return READER == "fast" or (READER == "auto" and _fast_path_pays(data))


def _fast_path_pays(data: bytes) -> bool:
    size = len(data)
    if size <= FAST_PATH_MAX_BYTES:
        return True
    sample = bytes(data[:65536])
    lines = sample.count(b"\n") + 1
    fields = sample.count(b",") + lines
    if len(sample) >= FAST_PATH_MIN_BYTES_PER_FIELD * fields:
        return True
    if size <= FAST_PATH_THREADED_MAX_BYTES and _fast_reader.threads() > 1:
        return True
    return size <= FAST_PATH_WIDE_MAX_BYTES and fields >= FAST_PATH_WIDE_MIN_FIELDS * lines

# pandas._libs.parsers.STR_NA_VALUES (pandas 2.2.3)
NA_VALUES: frozenset[str] = frozenset(
    {
        "-1.#IND",
        "1.#QNAN",
        "1.#IND",
        "-1.#QNAN",
        "#N/A N/A",
        "#N/A",
        "N/A",
        "n/a",
        "NA",
        "<NA>",
        "#NA",
        "NULL",
        "null",
        "NaN",
        "-NaN",
        "nan",
        "-nan",
        "",
        "None",
    }
)
_NA_LIST = sorted(NA_VALUES)
# pandas' isspace_ascii: what its number parsers skip around a number
_WS = " \t\n\v\f\r"
_INF_WORDS = frozenset({"inf", "+inf", "infinity", "+infinity"})
_NEG_INF_WORDS = frozenset({"-inf", "-infinity"})
_INT64_MIN, _INT64_MAX, _UINT64_MAX = -(2**63), 2**63 - 1, 2**64 - 1
_BOM = b"\xef\xbb\xbf"
# The part of a cell pandas' round_trip parser hands to PyOS_string_to_double.
_FLOAT_PREFIX = re.compile(r"[ \t\n\v\f\r]*([+-]?[0-9]*(?:\.[0-9]*)?(?:[eE][+-]?[0-9]*)?)")
_INT_PREFIX = re.compile(r"[ \t\n\v\f\r]*([+-]?)([0-9]*)")

_FIX_HINT = (
    "Write the file as UTF-8 CSV with one header line and the same number of comma-separated "
    "fields on every line (e.g. pandas' DataFrame.to_csv(path, index=False))."
)


def chunk_rows(width: int) -> int:
    """Rows per chunk of pandas' low-memory reader for a table ``width`` fields wide."""
    heuristic = 2**20 // max(width, 1)
    rows = 1
    while rows * 2 < heuristic:
        rows *= 2
    return rows


def read_csv(path: str | os.PathLike[str]) -> Table:
    """Reads ``path`` as ``pandas.read_csv(path, float_precision="round_trip")`` would.

    Column dtypes follow :class:`Table`'s conventions. An empty file gives an empty Table (the
    reference's ``read_csv`` turns pandas' EmptyDataError into an empty DataFrame).

    Raises:
        FileNotFoundError: nothing at ``path``.
        UnreadableFileError: pandas could not read the file (bad UTF-8, a line with too many
            fields, an unterminated quote); the message says where and how to fix it.
    """
    path = Path(path)
    mapped = _read_mapped(path)
    if mapped is not None:
        return mapped
    try:
        data = path.read_bytes() if READER == "polars" else _fast_reader.read_file(path)
    except FileNotFoundError:
        msg = f"No such CSV file: {str(path)!r}. Check the path (relative to {os.getcwd()!r})."
        raise FileNotFoundError(msg) from None
    except IsADirectoryError:
        msg = f"{str(path)!r} is a directory, not a CSV file. Pass the path of the CSV file."
        raise UnreadableFileError(msg) from None
    return _read_bytes(data, str(path), str(path))


# Above this size a plain file (ASCII, no NUL, CR or quote) is checked through a memory map and
# read by Polars from its path: no copy of the file in memory (a 600 MB file of numbers spent
# ~0.7 s reading, copying and scanning its bytes, and held them through the parse).
MAPPED_MIN_BYTES = 16 << 20


def _read_mapped(path: Path) -> Table | None:
    """The Table of a big plain file read from its path, or None: the general path decides."""
    if READER == "fast":
        return None
    try:
        stat = path.stat()
    except OSError:
        return None
    # (an empty file cannot be mapped; the general path explains a directory)
    if not S_ISREG(stat.st_mode) or stat.st_size < max(MAPPED_MIN_BYTES, 1):
        return None
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as view:
        if READER == "auto" and _fast_path_pays(view):
            return None
        head = view[: view.rfind(b"\n", 0, 1 << 20) + 1]  # whole lines only
        if not head or _LEADING_BLANK.match(head) or not _fast_reader.plain_ascii(view):
            return None
    header, first, sample = _probe(head)
    if first is None:
        return None
    width = max(len(header), len(first) if first is not None else 0)
    columns = _read_polars(str(path), width, sample)
    if columns is None or _may_hold_blank_lines(columns):
        return None
    return _build(header, columns, width, str(path))


def read_text_columns(
    path: str | os.PathLike[str], names: tuple[str, ...]
) -> tuple[int, list[StringViews]] | None:
    """The row count and the columns ``names`` of the file at ``path`` as string views, when
    :func:`read_csv` would read it on the native fast path and give each of them as text
    without NA cells (the very cells its Table would hold, with no Polars frame built: that
    costs more than the rest of a small grade). None otherwise, also for a missing file or
    column: the caller reads the Table, whose errors say what is wrong."""
    try:
        if os.stat(path).st_size >= MAPPED_MIN_BYTES and READER != "fast":
            return None  # _read_mapped's, which may go to Polars
        data = _fast_reader.read_file(path)
    except OSError:
        return None
    raw = _fast_reader.read_raw(data) if _native_reads(data) else None
    if raw is None:
        return None
    header, columns, buffers = raw
    if len(columns) != len(header) or not columns:  # leading index columns, or no data rows
        return None
    at = {name: i for i, name in enumerate(header_names(header))}  # names pandas gives them
    views = []
    addresses = _fast_reader.buffer_addresses(buffers)
    for name in names:
        if name not in at:
            return None
        kind, values, valid = columns[at[name]]
        if kind != _fast_reader.TEXT or valid is not None:
            return None
        views.append(StringViews(values.view(np.uint8).reshape(-1, 16), addresses, buffers))
    kind, values, _ = columns[0]
    return values.shape[0] // 4 if kind == _fast_reader.TEXT else values.shape[0], views


def read_csv_bytes(data: bytes, name: str = "<bytes>") -> Table:
    """:func:`read_csv` on the contents of a file already in memory."""
    return _read_bytes(bytes(data), name)


# ---------------------------------------------------------------------------------------------
# Tokenizing


def _read_bytes(data: bytes, name: str, source: str | None = None) -> Table:
    """``source``: the file's path, which Polars reads faster than the same bytes."""
    if _native_reads(data):
        fast = _fast_reader.read_columns(data)
        if fast is not None:
            header, columns = fast
            return _assemble(header, columns, len(columns))
    if not isinstance(data, bytes):
        data = bytes(data)
    if not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            msg = (
                f"{name} is not valid UTF-8: byte {data[exc.start]:#04x} at offset {exc.start} "
                f"(line {line}) cannot be decoded ({exc.reason}); pandas raises "
                "UnicodeDecodeError on it. Re-save the file with UTF-8 encoding."
            )
            raise UnreadableFileError(msg) from None
    if data.startswith(_BOM):
        data, source = data[len(_BOM) :], None
    arr = np.frombuffer(data, dtype=np.uint8)
    quotes = _tokenizable(data, arr)
    if quotes is False:
        return _read_exact(data.decode("utf-8"), name)
    lead = _LEADING_BLANK.match(data)
    if lead:
        data, source = data[lead.end() :], None
        if quotes is not None:
            quotes = quotes - lead.end()
    if _ONLY_WHITESPACE.match(data):  # (a regex: bytes.strip would copy the whole file)
        return Table(pl.DataFrame())
    header, first, sample = _probe(data)
    width = max(len(header), len(first) if first is not None else 0)
    columns = _read_polars(source or data, width, sample)
    if columns is None:
        return _read_exact(data.decode("utf-8"), name)
    if _may_hold_blank_lines(columns):
        cleaned = _drop_blank_lines(data, quotes)
        if cleaned is not data:
            columns = _read_polars(cleaned, width, [])
            if columns is None:
                return _read_exact(data.decode("utf-8"), name)
    return _build(header, columns, width, name)


def _tokenizable(data: bytes, arr: np.ndarray) -> np.ndarray | None | bool:
    """Whether Polars tokenizes ``data`` as pandas does: False if not, else the quotes' offsets.

    Polars differs on a NUL byte, a bare CR line end and a quote that does not open or close a
    field; the exact path reads those files.
    """
    if b"\x00" in data:
        return False
    if b"\r" in data:
        cr = np.flatnonzero(arr == 13)
        if cr[-1] == len(arr) - 1 or not (arr[cr + 1] == 10).all():
            return False
    if b'"' not in data:
        return None
    quotes = _quote_positions(arr)
    return False if quotes is None else quotes


def _quote_positions(arr: np.ndarray) -> np.ndarray | None:
    """Positions of the quotes if every quoted field is well formed (RFC 4180), else None.

    Then reading quotes as toggles (what Polars does) and pandas' state machine agree: an
    opening quote starts a field (or follows a closing one: an escaped ``""``), a closing quote
    ends one (or precedes an opening one).
    """
    q = np.flatnonzero(arr == 34)
    if len(q) % 2:
        return None
    opens, closes = q[0::2], q[1::2]
    before = arr[np.maximum(opens - 1, 0)]
    escaped = np.zeros(len(opens), dtype=bool)
    escaped[1:] = opens[1:] - 1 == closes[:-1]
    ok_open = (opens == 0) | (before == 44) | (before == 10) | escaped
    after_pos = closes + 1
    after = arr[np.minimum(after_pos, len(arr) - 1)]
    ok_close = (after_pos == len(arr)) | (after == 44) | (after == 10) | (after == 13)
    ok_close[:-1] |= opens[1:] == after_pos[:-1]
    if not (ok_open.all() and ok_close.all()):
        return None
    return q


_BLANK_LINE = re.compile(rb"\n[ \t]*\r?(?=\n|\Z)")
_LEADING_BLANK = re.compile(rb"(?:[ \t]*\r?\n)+")
_ONLY_WHITESPACE = re.compile(rb"[ \t\r\n]*\Z")


def _may_hold_blank_lines(columns: list[pl.Series]) -> bool:
    """Whether some row could be a blank or whitespace-only line (Polars keeps those as rows).

    Such a line leaves every field after the first null, and the first null or blank; a file
    without such a row has none, and the costly byte scan is skipped.
    """
    rest = columns[1:]
    if any(c.null_count() == 0 for c in rest):
        return False
    first = columns[0]
    if first.dtype != pl.String:
        candidates = first.is_null()
    else:
        candidates = first.is_null() | (first.str.strip_chars(" \t") == "")
    for column in rest:
        candidates &= column.is_null()
    return bool(candidates.any())


def _drop_blank_lines(data: bytes, quotes: np.ndarray | None) -> bytes:
    """``data`` without its blank and whitespace-only lines outside quoted fields.

    pandas skips those lines; ``data`` itself is returned when there are none.
    """
    spans = [m.span() for m in _BLANK_LINE.finditer(data)]
    if quotes is not None and len(quotes) and spans:
        starts = np.fromiter((s for s, _ in spans), dtype=np.int64, count=len(spans))
        inside = np.searchsorted(quotes, starts) % 2 == 1
        spans = [span for span, keep in zip(spans, inside) if not keep]
    if data.endswith(b"\n") and spans and spans[-1][1] == len(data) and spans[-1][0] == len(data) - 1:
        spans.pop()  # the final line end itself, not a blank line
    if not spans:
        return data
    parts = []
    pos = 0
    for start, end in spans:
        parts.append(data[pos:start])
        pos = end
    parts.append(data[pos:])
    return b"".join(parts)


_PLAIN_INT = re.compile(r"[+-]?[0-9]{1,18}")
_PLAIN_FLOAT = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?")
_LONG_INT = re.compile(r"[+-]?[0-9]{19}")
_SAMPLE_ROWS = 64


def _guess_dtype(values: list[str]) -> pl.DataType:
    """The dtype Polars can parse a column as, guessed from its first cells (String if unsure).

    Only plain numbers are guessed: whatever Polars' typed parser then accepts is a number to
    pandas too, and a cell it rejects sends the file to the all-text read.
    """
    present = [v for v in values if v != ""]
    if not present:
        return pl.String
    if all(_PLAIN_INT.fullmatch(v) for v in present):
        return pl.Int64
    if all(_PLAIN_FLOAT.fullmatch(v) for v in present) and not any(
        _LONG_INT.match(v) for v in present
    ):
        # a long integer first could overflow pandas' int64 attempt before a float ends it
        return pl.Float64
    return pl.String


def _read_polars(source: str | bytes, width: int, sample: list[list[str]]) -> list[pl.Series] | None:
    """The data rows' fields, typed where the sample allows (None: Polars could not read it)."""
    guesses = [
        _guess_dtype([row[j] if j < len(row) else "" for row in sample]) for j in range(width)
    ]
    attempts = [guesses] if any(g != pl.String for g in guesses) else []
    attempts.append([pl.String] * width)
    for dtypes in attempts:
        try:
            frame = pl.read_csv(
                source,
                has_header=False,
                skip_rows=1,
                schema={f"c{j}": dtype for j, dtype in enumerate(dtypes)},
                missing_columns="insert",
                truncate_ragged_lines=False,
                quote_char='"',
            )
        except pl.exceptions.PolarsError:
            # a cell the guessed dtype cannot hold, or a line with too many fields (the exact
            # path finds it and says where)
            continue
        columns = frame.get_columns()
        if all(c.dtype == pl.String or _plain_numbers(c) for c in columns):
            return columns
    return None


def _plain_numbers(column: pl.Series) -> bool:
    """Whether a column Polars parsed as numbers holds what pandas reads from the same cells.

    Not when it holds a null (Polars also reads a whitespace-only cell as null, pandas as text)
    or a nan/inf (pandas reads some spellings as text): then the words themselves are needed.
    """
    if column.null_count():
        return False
    # (numpy on the column's own buffer: two Polars expressions cost ~10x more)
    return column.dtype != pl.Float64 or bool(np.isfinite(column.to_numpy()).all())


def _probe(data: bytes) -> tuple[list[str], list[str] | None, list[list[str]]]:
    """The header's fields, the first data row's (None without data rows) and a few data rows.

    pandas sizes the table from the first two: a first row longer than the header makes its
    leading fields the index.
    """
    size = 8192
    while True:
        if size >= len(data):
            chunk, complete = data, True
        else:
            cut = data.rfind(b"\n", 0, size)
            chunk, complete = (data[: cut + 1], False) if cut >= 0 else (b"", False)
        rows = []
        for row, _ in _records(chunk.decode("utf-8")):
            rows.append(row)
            if len(rows) > _SAMPLE_ROWS + 1:
                break
        if complete or len(rows) >= 3:
            if not complete and len(rows) <= _SAMPLE_ROWS + 1:
                rows.pop()  # may be cut short by the end of the chunk
            header = rows[0] if rows else []
            return header, rows[1] if len(rows) > 1 else None, rows[1:]
        size *= 4


def _records(text: str):
    """``(fields, line number)`` of every record pandas' tokenizer makes of ``text``.

    The csv module tokenizes as pandas does on these files (quotes inside or after a field
    are kept as text, CR, LF and CRLF end lines); the line-level rules are pandas' own: blank
    and whitespace-only lines are skipped, and a blank line ended by a bare CR swallows a
    delimiter that follows (pandas' EAT_CRNL_NOP state: "\\r\\r,1,2" reads as "1,2").
    An unterminated quote swallows the rest of the text into its field.
    """
    consumed: list[str] = []

    def lines():
        for line in _io.StringIO(text, newline=""):
            consumed.append(line)
            yield line

    after_cr_blank = False
    seen = 0
    for row in _pycsv.reader(lines()):
        first_line, start, seen = consumed[seen], seen + 1, len(consumed)
        body = first_line
        if after_cr_blank and first_line.startswith(","):
            row, body = row[1:], first_line[1:]
        if seen == start and not body.strip(" \t\r\n"):
            after_cr_blank = first_line.endswith("\r")
            continue
        after_cr_blank = False
        yield row, start


@dataclass
class _Record:
    fields: list[str]
    line: int  # physical line the record starts on (1-based)


def _exact_records(text: str, name: str) -> Iterator[_Record]:
    """pandas' tokenizer on files the fast path cannot take (bare CR, stray quotes, NUL, rows
    longer than the table), record by record: a caller that stops at a bad row has not paid
    for the rest of the file, and pandas too stops at the first bad row."""
    if _pycsv.field_size_limit() < sys.maxsize // 2:
        # Cells of any length are legal for pandas; the csv module caps them at 128 KiB.
        _pycsv.field_size_limit(2**31 - 1)
    sentinel = "\x00\x01mlebench-fast-end-of-file\x01\x00"
    last: _Record | None = None
    for row, line in _records(text + "\n" + sentinel):
        if last is not None:
            if any("\x00" in f for f in last.fields):
                last.fields = [f.split("\x00", 1)[0] for f in last.fields]
            yield last
        last = _Record(row, line)
    if last is None or last.fields != [sentinel]:
        start = last.line if last is not None else 1
        msg = (
            f"{name} ends inside a quoted field that starts on line {start}: a '\"' opens a "
            f"field that is never closed (pandas: 'EOF inside string'). Close the quote or "
            f'escape quotes inside fields by doubling them (""). {_FIX_HINT}'
        )
        raise UnreadableFileError(msg)


def _read_exact(text: str, name: str) -> Table:
    records = _exact_records(text, name)
    head = next(records, None)
    if head is None:
        return Table(pl.DataFrame())
    header = head.fields
    second = next(records, None)
    first = second.fields if second is not None else None
    width = max(len(header), len(first) if first is not None else 0)
    rows = []
    for record in itertools.chain([second] if second is not None else [], records):
        fields = record.fields
        if len(fields) > width:
            msg = (
                f"{name} line {record.line} has {len(fields)} fields but the table has "
                f"{width} (set by the header and the first data row); pandas raises "
                f"'Error tokenizing data. C error: Expected {width} fields ... saw "
                f"{len(fields)}'. Quote fields that contain commas. {_FIX_HINT}"
            )
            raise UnreadableFileError(msg)
        if len(fields) < width:
            fields = fields + [""] * (width - len(fields))
        rows.append(fields)
    if rows:
        columns = [pl.Series(f"c{i}", col, dtype=pl.String) for i, col in enumerate(zip(*rows))]
    else:
        columns = [pl.Series(f"c{i}", [], dtype=pl.String) for i in range(width)]
    return _build(header, columns, width, name)


# ---------------------------------------------------------------------------------------------
# Header


def header_names(fields: list[str]) -> list[str]:
    """pandas' column names for a header row: ``Unnamed: {i}`` and de-duplication.

    Mirrors ``TextReader._get_header``: named columns are de-duplicated first, in order, then
    the unnamed ones; ``name.{n}`` skips any name the header already holds.
    """
    names = list(fields)
    unnamed = []
    for i, name in enumerate(names):
        if name == "":
            names[i] = f"Unnamed: {i}"
            unnamed.append(i)
    unnamed_set = set(unnamed)
    order = [i for i in range(len(names)) if i not in unnamed_set] + unnamed
    counts: dict[str, int] = {}
    for i in order:
        col = old = names[i]
        cur = counts.get(col, 0)
        while cur > 0:
            counts[old] = cur + 1
            col = f"{old}.{cur}"
            cur = cur + 1 if col in names else counts.get(col, 0)
        names[i] = col
        counts[col] = cur + 1
    return names


def _build(header: list[str], columns: list[pl.Series], width: int, name: str) -> Table:
    per_chunk = chunk_rows(width)
    return _assemble(header, [_infer_column(c, per_chunk) for c in columns], width)


def _assemble(header: list[str], typed: list[pl.Series], width: int) -> Table:
    """The Table of typed columns: named from the header, leading extra columns as the index."""
    leading = width - len(header)
    names = header_names(header)
    height = typed[0].len() if typed else 0
    frame = pl.DataFrame([s.alias(n) for s, n in zip(typed[leading:], names)])
    if height == 0:
        frame = pl.DataFrame({n: pl.Series([], dtype=pl.String) for n in names})
    index = None
    if leading:
        index_names = ["index"] if leading == 1 else [f"level_{i}" for i in range(leading)]
        index = pl.DataFrame([s.alias(n) for s, n in zip(typed[:leading], index_names)])
    return Table(frame, index)


# ---------------------------------------------------------------------------------------------
# Type inference


@dataclass
class _Typed:
    """One column (or chunk) as pandas typed it: its numpy dtype and the Polars form."""

    dtype: str  # int64 | uint64 | float64 | bool | object
    series: pl.Series


def _infer_column(raw: pl.Series, per_chunk: int) -> pl.Series:
    # Polars parsed these as numbers, which only plain numbers are; chunks cannot disagree
    # then (an int chunk beside a float or all-NaN one is float64, as is the whole column).
    if raw.dtype == pl.Int64:
        return raw.cast(pl.Float64) if raw.null_count() else raw
    if raw.dtype == pl.Float64:
        return raw
    height = raw.len()
    if height <= per_chunk:
        return _infer(raw).series
    chunks = [_infer(raw.slice(start, per_chunk)) for start in range(0, height, per_chunk)]
    return _concatenate(chunks)


_NUMPY = {"int64": np.int64, "uint64": np.uint64, "float64": np.float64, "bool": np.bool_}
_POLARS = {np.dtype(np.int64): pl.Int64, np.dtype(np.uint64): pl.UInt64,
           np.dtype(np.float64): pl.Float64}


def _concatenate(chunks: list[_Typed]) -> pl.Series:
    """pandas' ``_concatenate_chunks`` (``concat_compat``) of the chunks' arrays.

    numpy's common type of the dtypes (int64 + uint64 is float64, bool + int64 is int64), and
    object whenever a chunk is object or bool with a number (bools then become the numbers 1/0,
    or 1.0/0.0 beside a float chunk, as ``np.concatenate`` makes them).
    """
    name = chunks[0].series.name
    dtypes = {c.dtype for c in chunks}
    if len(dtypes) == 1 and "object" not in dtypes:
        return pl.concat([c.series for c in chunks], rechunk=False)
    if "object" not in dtypes:
        target = np.result_type(*(_NUMPY[d] for d in dtypes))
        if "bool" not in dtypes:
            return pl.concat([c.series.cast(_POLARS[target]) for c in chunks], rechunk=False)
        python = float if target.kind == "f" else int
        values = []
        for chunk in chunks:
            values.extend(math.nan if v is None else python(v) for v in chunk.series.to_list())
        return pl.Series(name, values, dtype=pl.Object)
    kinds = {c.series.dtype for c in chunks if c.series.null_count() < c.series.len()}
    if kinds <= {pl.String}:
        return pl.concat([c.series.cast(pl.String) for c in chunks], rechunk=False)
    if kinds <= {pl.Boolean}:
        return pl.concat([c.series.cast(pl.Boolean) for c in chunks], rechunk=False)
    values: list[Any] = []
    for chunk in chunks:
        values.extend(math.nan if v is None else v for v in chunk.series.to_list())
    return pl.Series(name, values, dtype=pl.Object)


def _int_error(word: str, low: int, high: int) -> str | None:
    """How pandas' ``str_to_int64`` fails on ``word``: None, ``overflow`` or ``invalid``."""
    m = _INT_PREFIX.match(word)
    sign, digits = m.group(1), m.group(2)
    if not digits:
        return "invalid"
    value = -int(digits) if sign == "-" else int(digits)
    if value < low or value > high:
        return "overflow"  # pandas checks the range while reading digits, before the tail
    return "invalid" if word[m.end() :].strip(_WS) else None


def pandas_float(word: str) -> float | None:
    """The float pandas' round_trip parser reads from ``word``, or None if it is not one."""
    m = _FLOAT_PREFIX.match(word)
    body = m.group(1)
    value: float | None
    try:
        value = float(body) if body else None
    except ValueError:
        value = None
    if value is not None and value == math.inf:
        value = None  # PyOS_string_to_double's HUGE_VAL is an error to pandas (-inf is not)
    if value is not None and not word[m.end() :].strip(_WS):
        return value
    lower = word.lower()
    if lower in _INF_WORDS:
        return math.inf
    if lower in _NEG_INF_WORDS:
        return -math.inf
    return None


def _is_bool_word(word: str) -> bool:
    return word.isascii() and word.lower() in ("true", "false")


def _na_mask(raw: pl.Series) -> pl.Series:
    return raw.is_null() | raw.is_in(_NA_LIST)


def _first_value(raw: pl.Series) -> tuple[str | None, pl.Series | None]:
    """The first non-NA cell, and the NA mask when it had to be computed to find it."""
    for value in raw.head(32).to_list():
        if value is not None and value not in NA_VALUES:
            return value, None
    na = _na_mask(raw)
    if na.all():
        return None, na
    return raw[int((~na).arg_true()[0])], na


def _as_text(raw: pl.Series, na: pl.Series | None) -> _Typed:
    na = _na_mask(raw) if na is None else na
    if na.any():
        raw = pl.select(pl.when(na).then(None).otherwise(raw)).to_series().alias(raw.name)
    return _Typed("object", raw)


def _infer(raw: pl.Series) -> _Typed:
    """pandas' ``_convert_tokens`` for one column: int64, then float64, bool, object."""
    if raw.len() == 0:
        return _Typed("object", raw)
    first, na = _first_value(raw)
    if first is None:
        return _Typed("float64", pl.Series(raw.name, [None] * raw.len(), dtype=pl.Float64))
    if _is_bool_word(first):
        return _infer_bool(raw, na)
    if _int_error(first, _INT64_MIN, _INT64_MAX) != "invalid":
        # an integer, or a run of digits overflowing int64 ("2" * 20 + ".5" too: pandas'
        # int64 attempt overflows before it sees the ".")
        return _infer_int(raw, na)
    if pandas_float(first) is not None:
        return _infer_float(raw, na, stripped=False)
    return _as_text(raw, na)


def _strip(raw: pl.Series) -> pl.Series:
    return raw.str.strip_chars(_WS)


def _infer_int(raw: pl.Series, na: pl.Series | None) -> _Typed:
    words, stripped = raw, False
    while True:
        ints = words.cast(pl.Int64, strict=False)
        if ints.null_count() == raw.null_count():
            # every non-empty cell is an integer, so no NA string is present either
            if raw.null_count():
                return _Typed("float64", _ints_with_na(ints))
            return _Typed("int64", ints)
        na = _na_mask(raw) if na is None else na
        bad = ints.is_null() & ~na
        if not bad.any():
            return _Typed("float64", _ints_with_na(ints))
        word = raw[int(bad.arg_true()[0])]
        if not stripped and word != word.strip(_WS):
            words, stripped = _strip(raw), True
            continue
        if _int_error(word, _INT64_MIN, _INT64_MAX) == "overflow":
            typed = _infer_overflow(raw, na)
            if typed is not None:
                return typed
        return _infer_float(raw, na, stripped=False)


def _ints_with_na(ints: pl.Series) -> pl.Series:
    """An int64 chunk with NA cells as pandas makes it float64: its ``_maybe_upcast`` takes
    -2**63 for its own NA sentinel, so that value becomes NaN too."""
    return ints.cast(pl.Float64).set(ints == _INT64_MIN, None)


def _infer_overflow(raw: pl.Series, na: pl.Series) -> _Typed | None:
    """pandas' ``_try_uint64`` after ``_try_int64`` overflowed, as ``_convert_tokens`` handles it.

    A uint64 column, or object (NA-filtered after an OverflowError, raw text after pandas'
    "Cannot convert to numerical dtype" ValueError), or None: go on to float64.
    """
    seen_sint = seen_uint = seen_null = False
    for word, missing in zip(raw.to_list(), na.to_list()):
        if missing:
            seen_null = True
            continue
        if word.lstrip(_WS).startswith("-"):
            seen_sint = True  # str_to_uint64 stops at a minus sign without an error
            continue
        error = _int_error(word, 0, _UINT64_MAX)
        if error == "overflow":
            return _as_text(raw, na)
        if error == "invalid":
            return None
        if int(word.strip(_WS)) > _INT64_MAX:
            seen_uint = True
    if seen_uint and (seen_sint or seen_null):
        return _Typed("object", raw.fill_null(""))
    if seen_sint:
        return _as_text(raw, na)
    return _Typed("uint64", _strip(raw).cast(pl.UInt64))


def _infer_float(raw: pl.Series, na: pl.Series | None, *, stripped: bool) -> _Typed:
    words = _strip(raw) if stripped else raw
    floats = words.cast(pl.Float64, strict=False)
    if floats.null_count() != raw.null_count():
        na = _na_mask(raw) if na is None else na
        bad = floats.is_null() & ~na
        if bad.any():
            word = raw[int(bad.arg_true()[0])]
            if not stripped and word != word.strip(_WS):
                return _infer_float(raw, na, stripped=True)
            return _as_text(raw, na)
    special = floats.is_nan() | floats.is_infinite()
    if special.any():
        # Polars reads nan/inf spellings and +overflow that pandas does not: check those cells.
        na = _na_mask(raw) if na is None else na
        check = special & ~na
        if check.any():
            cells = raw.filter(check).unique().to_list()
            if any(pandas_float(cell) is None for cell in cells):
                return _as_text(raw, na)
        if floats.is_nan().any():
            floats = pl.select(
                pl.when(floats.is_nan() & na).then(None).otherwise(floats)
            ).to_series()
    return _Typed("float64", floats.alias(raw.name))


def _infer_bool(raw: pl.Series, na: pl.Series | None) -> _Typed:
    na = _na_mask(raw) if na is None else na
    lower = raw.str.to_lowercase()
    true = lower == "true"
    ok = (true | (lower == "false")).fill_null(False) | na
    if not ok.all():
        return _as_text(raw, na)
    if na.any():
        values = pl.select(pl.when(na).then(None).otherwise(true)).to_series()
        return _Typed("object", values.alias(raw.name))
    return _Typed("bool", true.alias(raw.name))
