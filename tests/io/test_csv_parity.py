"""read_csv against pandas.read_csv(path, float_precision="round_trip"), trap by trap."""

from __future__ import annotations

import pytest

from mlebench_fast.exceptions import UnreadableFileError
from mlebench_fast.io import read_csv

from .pandas_oracle import pandas_view, reference_read, table_view

B = "9223372036854775808"  # int64 max + 1

CASES: dict[str, bytes | str] = {
    # type inference per whole column
    "ints": "id,x\n1,2\n3,4\n",
    "leading zeros": "id\n00012\n007\n",
    "signed ints": "a\n+12\n-0\n-7\n",
    "int with empty cell -> float": "id,x\n1,2\n,4\n",
    "int with NA string -> float": "id\n1\nNA\n3\n",
    # pandas' _maybe_upcast takes int64's minimum for its NA sentinel
    "int64 min with NA -> NaN": "a,b\n-9223372036854775808,x\n1,y\nNA,z\n",
    "int64 min without NA stays": "a\n-9223372036854775808\n1\n",
    "float": "a\n12.0\n1.\n.5\n1e5\n1E-5\n-.5\n+1.5\n",
    "one float makes float": "a\n1\n2\n2.5\n",
    "one string makes object": "a\n1\n2.5\nx\n",
    "all empty -> float NaN": "a,b\n,1\n,2\n",
    "all NA strings": "a\nNA\nnan\nNULL\n",
    # NA strings
    "every NA string": "a\n"
    + "\n".join(
        [
            "#N/A",
            "#N/A N/A",
            "#NA",
            "-1.#IND",
            "-1.#QNAN",
            "-NaN",
            "-nan",
            "1.#IND",
            "1.#QNAN",
            "<NA>",
            "N/A",
            "NA",
            "NULL",
            "NaN",
            "None",
            "n/a",
            "nan",
            "null",
            "1",
        ]
    )
    + "\n",
    "quoted NA is NA": 'a,b\n"NA",x\n1,""\n',
    "NA strings in a text column": "a\nx\nNA\n\nNone\n",
    "near-NA strings are text": "a\n NA\nNa\nNAN\n",
    "NAN and +nan are text": "a\n1\nNAN\n+nan\n",
    # infinity and overflow
    "inf spellings": "a\ninf\nINF\n-Infinity\n+inf\ninfinity\n+INFINITY\n-inf\n1\n",
    "inf with spaces is text": "a\n inf\n1\n",
    "1e400 is text": "a\n1e400\n1\n",
    "-1e400 is -inf": "a\n-1e400\n1\n",
    "1e-400 is zero": "a\n1e-400\n4.9e-324\n2.4703282292062328e-324\n",
    "many digits": "a\n0.1000000000000000055511151231257827021181583404541015625\n"
    "1.7976931348623157e308\n2.2250738585072011e-308\n9007199254740993\n1.5\n",
    "halfway cases": "a\n9007199254740993.0\n1.00000000000000011102230246251565404236316680908203125\n",
    "bad floats are text": "a\n1e\n1.5.5\n0x10\n1_000\n",
    "unicode digits are text": "a\n١٢\n",
    # big integers
    "uint64": f"a\n{B}\n1\n",
    "uint64 max": "a\n18446744073709551615\n",
    "beyond uint64": "a\n18446744073709551616\n",
    "uint64 with negative": f"a\n-1\n{B}\n",
    "uint64 with NA (no NA filtering)": f"a\n1\nNA\n{B}\n",
    "NA then uint64": f"a\nNA\n{B}\n",
    "uint64 then NA then float": f"a\n{B}\nNA\n1.5\n",
    "uint64 then float": f"a\n{B}\n1.5\n",
    "float then uint64": f"a\n1.5\n{B}\n",
    "beyond uint64 then float": "a\n18446744073709551616\n1.5\n",
    "beyond uint64 with NA": "a\n1\nNA\n18446744073709551616\n",
    "below int64": "a\n-9223372036854775809\n",
    "int64 bounds": "a\n9223372036854775807\n-9223372036854775808\n",
    "uint64 with spaces": f"a\n {B}\n1 \n",
    "uint64 then text": f"a\n{B}\nabc\n",
    # whitespace around numbers
    "spaces around ints": "a\n 12\n13 \n\t14\n",
    "spaces around floats": "a\n 12.5\n13 \n",
    "spaces inside text kept": "a, b \n x , y \n",
    # bools
    "bools": "a\nTrue\nfalse\nTRUE\nFalse\ntrue\nFALSE\n",
    "bool any case": "a\nTrUe\nfAlSe\n",
    "bool with NA": "a\nTrue\nNA\nfalse\n",
    "bool with empty": "a,b\nTrue,1\n,2\n",
    "bool with a 1 is text": "a\nTrue\n1\n",
    "bool with spaces is text": "a\ntrue \nfalse\n",
    "yes is text": "a\nyes\nno\n",
    # header
    "duplicate names": "a,a,a\n1,2,3\n",
    "duplicate names with existing .1": "a,a,a.1\n1,2,3\n",
    "duplicate names, existing .1 first": "a,a.1,a\n1,2,3\n",
    "empty header cells": ",a,\n1,2,3\n",
    "unnamed clash": "Unnamed: 2,,\n1,2,3\n",
    "empty header between dups": "a,,a\n1,2,3\n",
    "written index": ",id,y\n0,a,1\n1,b,2\n",
    "header only": "a,b\n",
    "header only with blank lines": "a,b\n\n\n",
    "quoted header": '"a,b",c\n1,2\n',
    "header with spaces": " id , y\n1,2\n",
    # implicit index and ragged rows
    "trailing comma on data rows": "a,b\n1,2,\n3,4,\n",
    "more fields than header": "a,b\n1,2,3\n4,5,6\n",
    "two index columns": "a,b\n1,2,3,4\n5,6,7,8\n",
    "implicit index, short later row": "a,b\n1,2,3\n4,5\n",
    "implicit index with empty": "a,b\n1,2,3\n,5,6\n",
    "implicit index text": "a,b\nx,2,3\ny,5,6\n",
    "short rows padded": "a,b,c\n1,2\n3,4,5\n",
    "too many fields": "a,b\n1,2\n3,4,5\n",
    "too many after blank lines": "a,b\n1,2\n\n\n3,4,5\n",
    "too many beyond implicit index": "a,b\n1,2,3\n4,5,6,7\n",
    "short first row then longer": "a,b,c\n1,2\n3,4,5,6\n",
    # line ends, BOM, blank lines
    "BOM": "\ufeffid,x\n1,2\n",
    "BOM quoted header": '\ufeff"id",x\n1,2\n',
    "CRLF": "id,x\r\n1,2\r\n3,4\r\n",
    "CRLF no final newline": "id,x\r\n1,2\r\n3,4",
    "bare CR": "a\r1\r2\r",
    "CR CR LF": "a\n1\r\r\n2\n",
    "blank lines": "a\n\n1\n\n\n2\n\n",
    "whitespace lines": "a\n \n1\n\t\n2\n  ",
    "blank lines before header": "\n\n  \na\n1\n",
    "CRLF blank lines": "a\r\n\r\n1\r\n \r\n2\r\n",
    "no final newline": "a,b\n1,2",
    # quoting
    "quoted numbers": 'a,b\n"12","1.5"\n"13","2"\n',
    "quoted newline": 'a,b\n"x\ny",1\n"z",2\n',
    "quoted CRLF": 'a,b\n"x\r\ny",1\n',
    "quoted blank line": 'a,b\n"x\n\ny",1\n',
    "escaped quotes": 'a\n"say ""hi"""\n""""\n',
    "text after closing quote": 'a\n"abc"def\n',
    "quote inside unquoted": 'a,b\nab"c,d\n',
    "space after closing quote": 'a\n"ab" \n',
    "quote after spaces": 'a,b\n "x",1\n',
    "unterminated quote": 'a\n"abc\n',
    "unterminated quote, blank lines": 'a\n"abc\n\n',
    "quoted empty": 'a,b\n"",1\n"x",2\n',
    "quoted bool": 'a\n"True"\n"false"\n',
    "quoted whitespace line": 'a,b\n1,2\n" "\n',
    # encodings and bytes
    "unicode text": "id,text\n1,héllo wörld ✓\n2,日本語\n",
    "invalid UTF-8": b"a\n\xff\n",
    "invalid UTF-8 late": b"a\n1\n2\nx\xc3\n",
    "NUL ends the header cell": b"a\x00b\n1\n",
    "NUL ends a cell": b'a,b\n1,"a\x00b"\n2,x\x00\n',
    "NUL only": b"\x00\x01\x02\x03",
    # empty files
    "empty": "",
    "whitespace only": "   \n\t\n",
    "newlines only": "\n\n\r\n",
    "BOM only": "\ufeff",
    "single comma": ",\n",
    "single quoted empty": '""\n',
}


@pytest.mark.parametrize("content", list(CASES.values()), ids=list(CASES))
def test_matches_pandas(tmp_path, content):
    path = tmp_path / "sub.csv"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    expected = reference_read(path)
    if isinstance(expected, BaseException):
        with pytest.raises(UnreadableFileError):
            read_csv(path)
        return
    assert table_view(read_csv(path)) == pandas_view(expected)


def test_table_of_empty_file_is_empty(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    table = read_csv(path)
    assert table.frame.shape == (0, 0) and table.index is None


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="No such CSV file"):
        read_csv(tmp_path / "nope.csv")


def test_directory(tmp_path):
    with pytest.raises(UnreadableFileError, match="is a directory"):
        read_csv(tmp_path)


@pytest.mark.parametrize(
    ("content", "pattern"),
    [
        (b"a,b\n1,2\n3,4\n5,6,7\n", r"line 4 has 3 fields but the table has 2"),
        (b'a\n1\n"abc\n2\n', r"quoted field that starts on line 3"),
        (b"a\n1\n2\n\xff\n", r"not valid UTF-8: byte 0xff .* \(line 4\)"),
        (b"a,b\r1,2\r3,4,5\r", r"line 3 has 3 fields"),
        # pandas stops at the first row too long, before it could see the quote left open at
        # the end ("Expected 2 fields in line 3, saw 4")
        (b"a,b\n1,2\n1,2,3,4\n" + b"5,6\n" * 100_000 + b'"x,1\n', r"line 3 has 4 fields"),
    ],
)
def test_errors_say_where(tmp_path, content, pattern):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(UnreadableFileError, match=pattern) as info:
        read_csv(path)
    assert "UTF-8" in str(info.value) or "fields" in str(info.value)


def test_large_cell(tmp_path):
    path = tmp_path / "big.csv"
    path.write_text('a,b\n"' + "x" * 300_000 + '"\r1\n')  # bare CR: the exact path
    assert read_csv(path).frame["a"][0] == "x" * 300_000
