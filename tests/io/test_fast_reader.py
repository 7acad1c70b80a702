"""The native fast path of read_csv: what it declines, its cell rules, and parity with pandas and
with the Polars path (the rest of tests/io runs every file through both paths: conftest.py)."""

from __future__ import annotations

import math
import struct
from fractions import Fraction
from pathlib import Path

import numpy as np
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlebench_fast.io import _fast_reader
from mlebench_fast.io import csv as csv_module
from mlebench_fast.io.csv import NA_VALUES, chunk_rows, pandas_float, read_csv

from .pandas_oracle import pandas_view, reference_read, table_view
from .test_csv_differential import _DIR, csv_files
from .test_csv_parity import CASES

native = _fast_reader._native
GOLDEN = Path(__file__).parents[1] / "golden"


# ---------------------------------------------------------------------------------------------
# What the fast path declines (the general path reads those files)

DECLINED = {
    "header only",
    "header only with blank lines",
    "too many fields",
    "too many after blank lines",
    "too many beyond implicit index",
    "short first row then longer",
    "bare CR",
    "CR CR LF",
    "text after closing quote",
    "quote inside unquoted",
    "space after closing quote",
    "quote after spaces",
    "unterminated quote",
    "unterminated quote, blank lines",
    "invalid UTF-8",
    "invalid UTF-8 late",
    "NUL ends the header cell",
    "NUL ends a cell",
    "NUL only",
    "empty",
    "whitespace only",
    "newlines only",
    "BOM only",
    "single comma",
    "single quoted empty",
}


@pytest.mark.parametrize("name", list(CASES))
def test_declines_exactly_the_odd_traps(name):
    content = CASES[name]
    data = content.encode() if isinstance(content, str) else content
    accepted = _fast_reader.read_columns(data) is not None
    assert accepted == (name not in DECLINED)


@pytest.mark.parametrize(
    "data",
    [
        b"a,b\n1,2\n3\r4\n",  # bare CR inside the data
        b'a,b\n"x\ry",1\n',  # bare CR inside quotes
        b'a\n"x\x00"\n',
        b"a\n\xc3\n",
        b"a\n\xed\xa0\x80\n",  # a UTF-16 surrogate
        b"a\n\xf4\x90\x80\x80\n",  # above U+10FFFF
        b"a\n\xe0\x80\x80\n",  # overlong
        b'a,b\n1,"x"y\n',
        b'a,b\n1,x"y\n',
        b'a\n"x\n',
        b"a\n1\n2,3\n",
        b"a,b\n",
    ],
)
def test_declines(data):
    assert _fast_reader.read_columns(data) is None


def test_declines_chunks_typed_differently(tmp_path):
    # 64 fields: pandas types 8,192 rows at a time; an int chunk then a text chunk
    width, per_chunk = 64, chunk_rows(64)
    rows = [",".join([str(r) if r < per_chunk else f"x{r}"] + ["1"] * (width - 1))
            for r in range(per_chunk + 10)]
    data = (",".join(f"c{i}" for i in range(width)) + "\n" + "\n".join(rows) + "\n").encode()
    assert _fast_reader.read_columns(data) is None
    same = data.replace(b"\nx", b"\n")  # every chunk int: the fast path takes it
    assert _fast_reader.read_columns(same) is not None


def test_uniform_chunks_are_read_by_the_fast_path(tmp_path, monkeypatch):
    width, per_chunk = 64, chunk_rows(64)
    rng = np.random.default_rng(0)
    values = rng.integers(-5, 5, size=(per_chunk * 2 + 7, width)).astype(str).astype(object)
    values[:, 1] = "x"
    values[per_chunk + 3, 2] = "1.5"  # float in the second chunk only: int + float chunks
    values[5, 3] = ""  # NA in the first chunk only: float + int chunks
    path = tmp_path / "wide.csv"
    path.write_text(
        ",".join(f"c{i}" for i in range(width)) + "\n"
        + "\n".join(",".join(row) for row in values) + "\n"
    )
    assert _fast_reader.read_columns(path.read_bytes()) is None  # c2, c3: chunks differ
    values[per_chunk + 3, 2] = "1"
    values[5, 3] = "1"
    path.write_text(
        ",".join(f"c{i}" for i in range(width)) + "\n"
        + "\n".join(",".join(row) for row in values) + "\n"
    )
    assert _fast_reader.read_columns(path.read_bytes()) is not None
    monkeypatch.setattr(csv_module, "READER", "fast")
    assert table_view(read_csv(path)) == pandas_view(reference_read(path))


# ---------------------------------------------------------------------------------------------
# Cell rules


def test_na_words():
    for word in NA_VALUES:
        assert native.is_na_word(word.encode()), word
    for word in [" NA", "NA ", "na", "Na", "NAN", "nAn", "-NA", "#N/A  N/A", "1.#IN", "x", "0",
                 "-1.#QNAN ", "None ", "<na>", "NULL\n"]:
        assert not native.is_na_word(word.encode()), word


def test_chunk_rows_match():
    assert all(native.chunk_rows(w) == chunk_rows(w) for w in range(0, 3000))


HARD_FLOATS = [
    "9007199254740993", "9007199254740993.0", "9007199254740992.5", "9007199254740994.5",
    "1.00000000000000011102230246251565404236316680908203125",
    "0.1000000000000000055511151231257827021181583404541015625",
    "2.2250738585072011e-308", "2.2250738585072014e-308", "2.2250738585072009e-308",
    "4.9e-324", "5e-324", "2.4703282292062328e-324", "2.4703282292062327e-324",
    "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
    "1e400", "-1e400", "1e-400", "-1e-400", "0e999999", "1e999999999999", "1e-99999999999",
    "123456789012345678901234567890", "0.000000000000000000000000000001234567890123456789",
    "8.98846567431158e307", "1e23", "3.14159265358979323846", "7.1e-10", "+.5", "-0", "-0.0",
    "1.", ".5", "1e", "e5", ".", "+", "-", "", " ", "1e+", "inf", "-Infinity", "+INF",
    " inf", "inf ", "INFINITY", "infinit", "nan", "NAN", "1.5x", "1_0", "0x10", " 1.5 ",
    "\t2\n", "1.5.5", "--1", "+-1", "1e5.5", "١٢", "9223372036854775808", "00000000001.5",
    "0." + "0" * 400 + "1", "1" + "0" * 400, "1" + "0" * 308 + ".5",
]


@pytest.mark.parametrize("word", HARD_FLOATS)
def test_parse_float_hard_cases(word):
    _same_float(native.parse_float(word.encode()), pandas_float(word))


def _same_float(ours, theirs):
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert struct.pack("<d", ours) == struct.pack("<d", theirs)


_any_double = st.floats(allow_nan=False, allow_infinity=False)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(
    _any_double.map(repr),
    _any_double.map(lambda x: f"{x:.17e}"),
    _any_double.map(lambda x: f"{x:.25e}"),
    _any_double.map(lambda x: f"{x:.15g}"),
    st.from_regex(r"[ \t]?[+-]?[0-9]{0,30}\.?[0-9]{0,30}([eE][+-]?[0-9]{1,4})?[ \t]?",
                  fullmatch=True),
    st.text(alphabet="0123456789.eE+-infatyINFATY \t", max_size=12),
))
def test_parse_float_matches_pandas(word):
    _same_float(native.parse_float(word.encode()), pandas_float(word))


@settings(max_examples=3000, deadline=None)
@given(st.integers(1, 2**64 - 1), st.integers(-360, 330))
def test_eisel_lemire_is_correctly_rounded(w, q):
    ours = native.eisel_lemire(w, q)
    if ours is not None:  # None: deferred to the exact parser
        assert ours == float(Fraction(w) * Fraction(10) ** q)


@settings(max_examples=2000, deadline=None)
@given(st.integers(-1074, 1023), st.integers(0, 2**52 - 1), st.integers(-2, 2))
def test_eisel_lemire_near_halfway(exp2, mantissa, nudge):
    """Decimal forms of the midpoint between two adjacent doubles, a few units either side."""
    low = math.ldexp(float(2**52 + mantissa), exp2 - 52) if exp2 >= -1022 else math.ldexp(
        float(mantissa), -1074)
    high = math.nextafter(low, math.inf)
    if math.isinf(high) or low == 0:
        return
    middle = (Fraction(low) + Fraction(high)) / 2
    digits, exponent = f"{float(middle):.18e}".split("e")
    w = int(digits.replace(".", "")) + nudge
    q = int(exponent) - 18
    ours = native.eisel_lemire(w, q)
    if ours is not None:
        assert ours == float(Fraction(w) * Fraction(10) ** q)


@settings(max_examples=2000, deadline=None)
@given(st.one_of(
    st.binary(max_size=40),
    st.text(max_size=20).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.text(max_size=20).map(str.encode),
))
def test_valid_bytes(data):
    try:
        data.decode("utf-8")
        valid = True
    except UnicodeDecodeError:
        valid = False
    cr_ok = all(data[i + 1 : i + 2] == b"\n" for i in range(len(data)) if data[i] == 13)
    assert native.valid_bytes(data) == (valid and b"\x00" not in data and cr_ok)


# Pieces of a quoted field's text: the fast path scans quoted text 16 bytes at a time and hands
# a field holding a non-ASCII byte, CR or NUL to a second, checking pass; these put one such
# byte anywhere in the first, second or a partial last 16-byte block.
_QUOTED_PIECES = st.sampled_from(
    [b"x", b"InChI=1S/", b"0123456789abcdef", b",", b"\n", b"\r\n", b"\r", b"\x00", b'""',
     "\u00e9".encode(), "\u20ac".encode(), "\U0001f600".encode(), b"\xc3", b"\xed\xa0\x80",
     b"\x80", b" "]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_QUOTED_PIECES, max_size=8), st.booleans(), st.integers(0, 2))
def test_quoted_fields_match_pandas(pieces, last, tail):
    text = b"".join(pieces)
    field = b'"' + text + b'"'
    rows = [b"a,b", b"1," + field] if last else [b"a,b", field + b",1"]
    content = b"\n".join(rows) + b"\n" * tail
    table = _fast_table(content)
    unescaped = text.replace(b'""', b'"')
    bare_cr = any(text[i + 1 : i + 2] != b"\n" for i in range(len(text)) if text[i] == 13)
    try:
        unescaped.decode("utf-8")
        decodes = True
    except UnicodeDecodeError:
        decodes = False
    if table is None:
        # what the fast path never reads: a NUL, a bare CR, invalid UTF-8, an unpaired quote
        assert b"\x00" in text or bare_cr or not decodes or text.count(b'"') % 2, content
        return
    path = _DIR / "quoted.csv"
    path.write_bytes(content)
    expected = reference_read(path)
    assert not isinstance(expected, BaseException), content
    assert table_view(table) == pandas_view(expected), content


# ---------------------------------------------------------------------------------------------
# Parity: the fast path against pandas directly, and against the Polars path


def _fast_table(data: bytes):
    read = _fast_reader.read_columns(data)
    if read is None:
        return None
    header, columns = read
    return csv_module._assemble(header, columns, len(columns))


@settings(
    max_examples=600,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(csv_files())
def test_fast_path_matches_pandas(content):
    table = _fast_table(content)
    if table is None:
        return
    path = _DIR / "fast.csv"
    path.write_bytes(content)
    expected = reference_read(path)
    assert not isinstance(expected, BaseException), content
    assert table_view(table) == pandas_view(expected), content


def _assert_same_table(ours, theirs, label):
    assert ours.frame.schema == theirs.frame.schema, label
    assert (ours.index is None) == (theirs.index is None), label
    pairs = [(ours.frame, theirs.frame)]
    if ours.index is not None:
        assert ours.index.schema == theirs.index.schema, label
        pairs.append((ours.index, theirs.index))
    for a, b in pairs:
        for x, y in zip(a.get_columns(), b.get_columns()):
            assert x.is_null().to_list() == y.is_null().to_list(), (label, x.name)
            if x.dtype == pl.Float64:
                assert x.is_nan().to_list() == y.is_nan().to_list(), (label, x.name)
                x, y = x.fill_nan(0.0), y.fill_nan(0.0)
            assert x.to_list() == y.to_list(), (label, x.name)


def _golden_csvs() -> list[Path]:
    return sorted(GOLDEN.glob("*/*.csv")) + sorted(GOLDEN.glob("*/submissions/*.csv"))


def test_fast_path_equals_polars_path_on_golden_files(monkeypatch):
    """Every real trap file the fast path takes gives the very Table the Polars path gives."""
    files = _golden_csvs()
    assert len(files) > 100
    taken = 0
    for path in files:
        data = path.read_bytes()
        fast = _fast_table(data)
        if fast is None:
            continue
        taken += 1
        monkeypatch.setattr(csv_module, "READER", "polars")
        try:
            general = read_csv(path)
        except Exception as exc:  # noqa: BLE001 - the fast path must then decline too
            pytest.fail(f"{path}: the fast path read a file the general path rejects ({exc})")
        _assert_same_table(fast, general, str(path))
    assert taken > 0.8 * len(files)


@pytest.fixture(autouse=True)
def reader():
    """These tests call the fast path directly: no need to run them once per reader."""
    return None


def test_auto_dispatch(monkeypatch):
    monkeypatch.setattr(csv_module, "READER", "auto")
    numbers = b"a,b\n" + b"1,2\n" * 400_000  # 1.6 MB
    wide = b"a,b,c,d,e,f\n" + b"1,2,3,4,5,6\n" * 150_000  # 1.8 MB
    big = b"a,b\n" + b"1,2\n" * 3_000_000  # 12 MB
    text = b"a,b\n" + b"x,a-long-text-field-of-more-than-thirty-bytes\n" * 400_000
    for threads in ("1", "2"):
        monkeypatch.setenv("MLEBENCH_FAST_THREADS", threads)
        assert csv_module._fast_path_pays(b"a\n1\n")
        assert csv_module._fast_path_pays(text)
        assert csv_module._fast_path_pays(wide)
        assert not csv_module._fast_path_pays(big)
        assert csv_module._fast_path_pays(numbers) == (threads == "2")


# ---------------------------------------------------------------------------------------------
# The parallel path: a file cut into parts at line ends, tokenized and typed on threads, must
# give the very Table the one-thread path gives (and decline the very same files)


def _parts_table(data: bytes, threads: int, monkeypatch):
    monkeypatch.setattr(_fast_reader, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(_fast_reader, "THREADS", threads)
    monkeypatch.setenv("MLEBENCH_FAST_THREADS", str(threads))
    return _fast_table(data)


def _same_or_both_declined(data: bytes, monkeypatch, threads=(2, 3, 5, 16)):
    monkeypatch.setattr(_fast_reader, "PARALLEL_MIN_BYTES", 1 << 62)
    one = _fast_table(data)
    for n in threads:
        many = _parts_table(data, n, monkeypatch)
        assert (many is None) == (one is None), (n, data)
        if one is not None:
            _assert_same_table(many, one, f"{n} threads")
            assert table_view(many) == table_view(one), (n, data)


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(csv_files())
def test_parts_match_one_thread(monkeypatch, content):
    _same_or_both_declined(content, monkeypatch)


_PARTS = {
    # quoted line ends: cuts land inside quoted fields, the parts after them are redone
    "quoted newlines": b'a,b\n' + b''.join(b'%d,"x\ny\n%d"\n' % (i, i) for i in range(200)),
    "quoted CRLF": b'a,b\r\n' + b''.join(b'%d,"x\r\ny"\r\n' % (i,) for i in range(200)),
    "one long quoted field": b'a,b\n1,"' + b"\n".join([b"line"] * 500) + b'"\n2,3\n',
    # escaped quotes in every part: their side buffers are joined
    "escaped quotes": b'a,b\n' + b''.join(b'%d,"say ""hi"" to the %d-th person"\n' % (i, i)
                                          for i in range(300)),
    "short escaped quotes": b'a,b\n' + b''.join(b'%d,""""\n' % i for i in range(300)),
    "NA at every seam": b'a,b\n' + b''.join(b'%d,%s\n' % (i, b"" if i % 7 else b"NA")
                                             for i in range(500)),
    "blank lines": b'a,b\n' + b''.join(b'%d,x\n\n  \n\t\n' % i for i in range(300)),
    "CRLF and BOM": b'\xef\xbb\xbfa,b\r\n' + b''.join(b'%d,%d.5\r\n' % (i, i) for i in range(300)),
    "no final line end": b'a,b\n' + b'\n'.join(b'%d,y' % i for i in range(300)),
    "short rows": b'a,b,c\n' + b''.join(b'%d\n' % i if i % 3 else b'%d,1,2\n' % i
                                          for i in range(300)),
    "implicit index": b'a,b\n' + b''.join(b'%d,x,%d\n' % (i, i) for i in range(300)),
    "long row late": b'a,b\n' + b''.join(b'%d,x\n' % i for i in range(300)) + b'1,2,3\n',
    "unterminated quote late": b'a,b\n' + b''.join(b'%d,x\n' % i for i in range(300)) + b'1,"2\n',
    "stray quote late": b'a,b\n' + b''.join(b'%d,x\n' % i for i in range(300)) + b'1,2"\n',
    "invalid UTF-8 late": b'a,b\n' + b''.join(b'%d,x\n' % i for i in range(300)) + b'1,\xff\n',
    "bare CR late": b'a,b\n' + b''.join(b'%d,x\n' % i for i in range(300)) + b'1,\r2\n',
    "NUL late": b'a,b\n' + b''.join(b'%d,x\n' % i for i in range(300)) + b'1,\x002\n',
    "text in the last part": b'v\n' + b''.join(b'%d\n' % i for i in range(300)) + b'x\n',
    "multi-byte text": "a,b\n".encode() + "".join(f"{i},é日✓{i}\n" for i in range(300)).encode(),
    "header only then blank": b'a,b\n\n\n',
}


@pytest.mark.parametrize("name", list(_PARTS))
def test_parts_match_one_thread_on_seams(name, monkeypatch):
    _same_or_both_declined(_PARTS[name], monkeypatch, threads=(2, 3, 4, 7, 16, 64))


@pytest.mark.parametrize("name", list(_PARTS))
def test_parts_match_pandas(name, monkeypatch, tmp_path):
    table = _parts_table(_PARTS[name], 5, monkeypatch)
    if table is None:
        return
    path = tmp_path / "parts.csv"
    path.write_bytes(_PARTS[name])
    assert table_view(table) == pandas_view(reference_read(path))


def test_parts_of_a_chunked_file(monkeypatch):
    """pandas' chunks straddle the parts: each chunk is typed whole, wherever its rows lie."""
    width, per_chunk = 64, chunk_rows(64)
    rng = np.random.default_rng(1)
    values = rng.integers(-5, 5, size=(per_chunk * 3 + 11, width)).astype(str).astype(object)
    values[:, 1] = "x"
    values[::97, 2] = ""  # NA cells in every chunk: a float column
    values[-1, 2] = ""
    values[per_chunk * 2 + 5, 3] = "True"  # a text chunk among int chunks: declined
    data = (",".join(f"c{i}" for i in range(width)) + "\n"
            + "\n".join(",".join(row) for row in values) + "\n").encode()
    _same_or_both_declined(data, monkeypatch, threads=(2, 3))
    assert _parts_table(data, 3, monkeypatch) is None
    values[per_chunk * 2 + 5, 3] = "1"
    data = (",".join(f"c{i}" for i in range(width)) + "\n"
            + "\n".join(",".join(row) for row in values) + "\n").encode()
    _same_or_both_declined(data, monkeypatch, threads=(2, 3))
    assert _parts_table(data, 3, monkeypatch) is not None


def _big(head: bytes, body: bytes, tail: bytes = b"") -> bytes:
    return head + body + tail


# Past 256 KiB a part's field and record buffers are sized from its first 64 KiB: samples that
# under- and overestimate the rest, a record running past the sample's end, a late decline.
_SIZED = {
    "long cells then short": _big(
        b"a,b\n", b"".join(b"%d,%s\n" % (i, b"t" * 1000) for i in range(70)),
        b"".join(b"%d,x\n" % i for i in range(150_000))),
    "short cells then long": _big(
        b"a,b\n", b"".join(b"%d,x\n" % i for i in range(12_000)),
        b"".join(b'%d,"%s"\n' % (i, b"t," * 400) for i in range(800))),
    "quoted record across the sample's end": _big(
        b"a,b\n", b"".join(b"%d,x\n" % i for i in range(9_000)),
        b'1,"' + b"line\n" * 30_000 + b'"\n' + b"".join(b"%d,y\n" % i for i in range(60_000))),
    "escaped quotes throughout": _big(
        b"a,b\n", b"".join(b'%d,"say ""hi"" %d"\n' % (i, i) for i in range(40_000))),
    "NUL late": _big(b"a,b\n", b"".join(b"%d,x\n" % i for i in range(100_000)), b"1,\x002\n"),
}


@pytest.mark.parametrize("name", list(_SIZED))
def test_sized_parts_match_pandas(name, monkeypatch, tmp_path):
    data = _SIZED[name]
    assert len(data) > 4 * 65536
    _same_or_both_declined(data, monkeypatch, threads=(2, 3))
    table = _parts_table(data, 1, monkeypatch)
    if name == "NUL late":
        assert table is None
        return
    assert table is not None
    path = tmp_path / "sized.csv"
    path.write_bytes(data)
    assert table_view(table) == pandas_view(reference_read(path))


def _read_in_child(path, out):
    out.put(_fast_reader.read_columns(path.read_bytes()) is not None)


def test_parts_after_fork(tmp_path, monkeypatch):
    """A forked child (a process pool's worker) reads with threads of its own: the parent's
    thread pool does not survive the fork."""
    import multiprocessing

    data = b"a,b\n" + b"".join(b"%d,x%d\n" % (i, i) for i in range(2000))
    path = tmp_path / "f.csv"
    path.write_bytes(data)
    assert _parts_table(data, 2, monkeypatch) is not None  # the parent's pool exists now
    context = multiprocessing.get_context("fork")
    out = context.Queue()
    child = context.Process(target=_read_in_child, args=(path, out))
    child.start()
    child.join(60)
    alive = child.is_alive()
    if alive:
        child.kill()
    assert not alive, "the child hung on the parent's thread pool"
    assert out.get(timeout=5) is True
