"""The fast path's one-pass typing (csv_reader._infer_fused) and its cell fast paths, against
pandas and against the multi-pass typing it replaced (kept as the reference and the fallback).
"""

from __future__ import annotations

import re
import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlebench_fast.io import _fast_reader
from mlebench_fast.io import csv as csv_module
from mlebench_fast.io.csv import NA_VALUES, chunk_rows, pandas_float

from .pandas_oracle import pandas_view, reference_read, table_view
from .test_csv_differential import _DIR

native = _fast_reader._native


@pytest.fixture(autouse=True)
def reader():
    """These tests call the fast path directly: no need to run them once per reader."""
    return None


def _bits(x):
    return None if x is None else struct.pack("<d", x)


# ---------------------------------------------------------------------------------------------
# Cell fast paths: where they answer, the answer is pandas'

ADVERSARIAL = [
    "-0", "+0", "0", "00", "-00.000", "1e400", "-1e400", "0x10", " 12 ", "12 ", " 12", "1_000",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808",
    "-9223372036854775809", "18446744073709551615", "18446744073709551616",
    "999999999999999999", "1000000000000000000", "-999999999999999999",
    "nan", "NaN", "-nan", "inf", "-inf", "-Infinity", "+INF", "1.", ".5", "+.5e-3", "-.5",
    ".", "+", "-", "+.", "-.", "", "1..2", "1.2.", "--1", "+-1", "1-", "1+",
    "12345678901234567890", "1234567890123456789", "0.1234567890123456789",
    "123456789.0123456789", "9007199254740993", "9007199254740993.0", "9007199254740992.5",
    "4.9e-324", "2.2250738585072011e-308", "0.000000000000000000001",
    "0.0000000000000000000001", "0.00000000000000000000001", "1.7976931348623157e308",
    "3.14159265358979323846", "00000000001.5", "0.0751", "11.595485503139596", "-2.706623",
    "1234567890123.45", "123456789012345678.5", "1.2345678901234567890",
    "1\x00", "1\t", "\t1", "1\n", "1e5", "1E5", "١٢", "1.#IND", "-1.#QNAN", "#N/A",
]

plain_decimals = st.builds(
    lambda sign, a, dot, b: sign + a + dot + b,
    st.sampled_from(["", "-", "+"]),
    st.from_regex(r"[0-9]{0,20}", fullmatch=True),
    st.sampled_from([".", ".", ""]),
    st.from_regex(r"[0-9]{0,20}", fullmatch=True),
)
near_plain = st.text(alphabet="0123456789.+-e \t", max_size=22)


@pytest.mark.parametrize("word", ADVERSARIAL)
def test_plain_float_adversarial(word):
    ours = native.plain_float(word.encode())
    if ours is not None:
        assert _bits(ours) == _bits(pandas_float(word)), word


@settings(max_examples=4000, deadline=None)
@given(st.one_of(plain_decimals, near_plain,
                 st.floats(allow_nan=False, allow_infinity=False).map(repr),
                 st.floats(allow_nan=False, allow_infinity=False).map(lambda x: f"{x:.17f}"),
                 st.floats(allow_nan=False, allow_infinity=False).map(lambda x: f"{x:.6f}")))
def test_plain_float_matches_pandas(word):
    ours = native.plain_float(word.encode())
    theirs = pandas_float(word)
    if ours is not None:
        assert _bits(ours) == _bits(theirs), word
    # the usual cell takes the fast path: up to 15 digits it never defers
    digits = sum(ch.isdigit() for ch in word)
    if re.fullmatch(r"[+-]?[0-9]*\.?[0-9]*", word, flags=re.ASCII) and 1 <= digits <= 15:
        assert ours is not None, word


def _pandas_int(word: str):
    """pandas' str_to_int64 on a cell: the int, or None (invalid or out of range)."""
    stripped = word.strip(" \t\n\v\f\r")
    sign = stripped[:1] if stripped[:1] in "+-" else ""
    digits = stripped[len(sign):]
    if not digits or not digits.isascii() or not digits.isdigit():
        return None
    value = int(stripped)
    return value if -(2**63) <= value < 2**63 else None


@pytest.mark.parametrize("word", ADVERSARIAL)
def test_plain_int_adversarial(word):
    ours = native.plain_int(word.encode())
    if ours is not None:
        assert ours == _pandas_int(word), word


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.integers(-(10**19), 10**19).map(str),
                 st.integers(-(10**19), 10**19).map(lambda i: f"{i:+d}"),
                 st.integers(0, 10**6).map(lambda i: f"{i:012d}"),
                 st.text(alphabet="0123456789+- .", max_size=21)))
def test_plain_int_matches_pandas(word):
    ours = native.plain_int(word.encode())
    if ours is not None:
        assert ours == _pandas_int(word), word
    if re.fullmatch(r"[+-]?[0-9]{1,18}", word, flags=re.ASCII):
        assert ours == int(word), word


@settings(max_examples=3000, deadline=None)
@given(st.one_of(
    st.sampled_from(sorted(NA_VALUES)),
    st.sampled_from(sorted(NA_VALUES)).map(lambda w: w[:-1]),
    st.sampled_from(sorted(NA_VALUES)).map(lambda w: w + " "),
    st.sampled_from(sorted(NA_VALUES)).map(lambda w: w.swapcase()),
    st.text(alphabet="#-1.NnAaLlUuIDQo/<> ", max_size=9),
))
def test_na_words_match(word):
    assert native.is_na_word(word.encode()) == (word in NA_VALUES), word


# ---------------------------------------------------------------------------------------------
# Whole columns: the one-pass typing gives pandas' dtype and values, and the multi-pass result


CELLS = ADVERSARIAL + sorted(NA_VALUES) + [
    "True", "False", "true", "FALSE", "TrUe", "yes", "1", "2", "-3", "1.5", "0.25", "x",
    "1.0", "-1", "0.0", "-0.0", "1e-5", "123", "-7", "2.5e10", "7.1e-10",
]
_CSV_SAFE = [c for c in CELLS if not any(ch in c for ch in ',"\n\r\x00')]
cell = st.sampled_from(_CSV_SAFE)
# columns that start as one kind and turn into another later
column = st.one_of(
    st.lists(cell, min_size=1, max_size=12),
    st.builds(lambda a, b: a + b,
              st.lists(st.sampled_from(["1", "-0", "0", "NA", "", "-5", " 12 ", "9007199254740993",
                                        "+0", "True"]), max_size=8),
              st.lists(cell, min_size=1, max_size=4)),
)


def _fast(data: bytes, fused: bool, block_rows: int = 0):
    native.set_fused_typing(fused, block_rows)
    try:
        read = _fast_reader.read_columns(data)
    finally:
        native.set_fused_typing(True)
    if read is None:
        return None
    header, columns = read
    return csv_module._assemble(header, columns, len(columns))


def _file(columns: list[list[str]]) -> bytes:
    rows = max(len(c) for c in columns)
    lines = [",".join(f"c{j}" for j in range(len(columns)))]
    for i in range(rows):
        lines.append(",".join(c[i] if i < len(c) else "" for c in columns))
    return ("\n".join(lines) + "\n").encode()


def _check(data: bytes, against_pandas: bool = True, blocks=(1, 3)) -> None:
    fused, multi = _fast(data, True), _fast(data, False)
    assert (fused is None) == (multi is None)
    if fused is None:
        return
    assert table_view(fused) == table_view(multi), data
    for rows in blocks:  # a column's state carried from block to block
        assert table_view(_fast(data, True, rows)) == table_view(multi), (rows, data)
    if against_pandas:
        path = _DIR / "typing.csv"
        path.write_bytes(data)
        assert table_view(fused) == pandas_view(reference_read(path)), data


@settings(max_examples=600, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(column, min_size=1, max_size=3))
def test_columns_match_pandas(columns):
    _check(_file(columns))


WIDTH = 64
PER_CHUNK = chunk_rows(WIDTH)


def _chunked(first: list[str]) -> bytes:
    filler = ",".join(["1"] * (WIDTH - 1))
    lines = [",".join(f"c{j}" for j in range(WIDTH))]
    lines += [f"{c},{filler}" for c in first]
    return ("\n".join(lines) + "\n").encode()


def _column(rows: int, base: str, late: dict[int, str]) -> list[str]:
    cells = [base] * rows
    for at, value in late.items():
        cells[at % rows] = value
    return cells


LATE = ["1.5", "-0", "NA", "", "x", "True", "9223372036854775808", "1e400", "-1e400", " 7 ",
        "0x10", "1_000", "+.5e-3", "18446744073709551615", "-1", "nan", "-Infinity"]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.sampled_from(["1", "-0", "0", "NA", "2.5", "True", "x", "", "-1", "1e5"]),
       st.dictionaries(st.integers(0, 2 * PER_CHUNK + 40), st.sampled_from(LATE), max_size=4))
def test_chunked_columns_match_the_multi_pass_typing(base, late):
    _check(_chunked(_column(2 * PER_CHUNK + 41, base, late)), against_pandas=False,
           blocks=(7,))


CHUNKED = {
    "float only in the second chunk": ("1", {PER_CHUNK + 5: "1.5"}),
    "-0 then a float in the second chunk": ("-0", {PER_CHUNK + 5: "0.5"}),
    "-0 then NA": ("-0", {PER_CHUNK + 5: ""}),
    "ints then float at the chunk's last row": ("7", {PER_CHUNK - 1: "7.5"}),
    "big ints then a float": ("9007199254740993", {3: "0.5"}),
    "overflow in the second chunk": ("1", {PER_CHUNK + 9: "9223372036854775808"}),
    "uint64 after a float": ("1.5", {2: "18446744073709551615"}),
    "text late in a float chunk": ("0.25", {PER_CHUNK - 2: "x"}),
    "bool then NA then text": ("True", {4: "", 9: "1"}),
}


@pytest.mark.parametrize("name", list(CHUNKED))
def test_chunked_columns_match_pandas(name):
    base, late = CHUNKED[name]
    _check(_chunked(_column(PER_CHUNK + 100, base, late)), blocks=(5,))
