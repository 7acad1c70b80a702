"""open_numeric_csv: the windows of an accepted file, put together, are read_csv's table (same
dtypes, same values, whatever the window size); every other file is declined (None up front or
StreamDeclined on the way)."""

from __future__ import annotations

import random

import numpy as np
import pytest

from mlebench_fast.io import csv as csv_module
from mlebench_fast.io.csv_stream import StreamDeclined, open_numeric_csv

WINDOWS = [1, 5, 23, 64, 1 << 20]


@pytest.fixture(autouse=True)
def reader():
    """(tests/io's conftest runs each test once per reader; the stream has one)"""


def _streamed(path, window_bytes):
    stream = open_numeric_csv(path, window_bytes=window_bytes)
    if stream is None:
        return None
    parts = []
    try:
        for window in stream.windows():
            assert window.first_row == sum(p[0].shape[0] for p in parts)
            assert [c.dtype for c in window.columns] == stream.dtypes
            parts.append([c.copy() for c in window.columns])  # the next window reuses them
    except StreamDeclined:
        return None
    return stream.names, [np.concatenate(c) for c in zip(*parts)]


def _same_as_read_csv(path, window_bytes):
    got = _streamed(path, window_bytes)
    if got is None:
        return None
    names, columns = got
    table = csv_module.read_csv(path)
    assert table.index is None
    assert table.columns == names
    for name, column in zip(names, columns):
        expected = table.frame[name].to_numpy()
        assert expected.dtype == column.dtype, name
        assert np.array_equal(expected, column), name
        if column.dtype == np.float64:
            assert np.array_equal(np.signbit(expected), np.signbit(column)), name
    return True


@pytest.mark.parametrize("window_bytes", WINDOWS)
@pytest.mark.parametrize(
    "text",
    [
        "a,b,c\n1,2.5,3\n4,5,6\n",
        "a,b,c\n1,2.5,3\n4,5,6",  # no final line end
        "\ufeffa,b\n1,2\n",  # BOM
        "id,x\n00012,+5\n-7, 8 \n",  # pandas' int words: zeros, sign, spaces
        "id,x\n1,1e5\n2,.5\n3,5.\n4,1E-400\n5,-inf\n6,Infinity\n",
        "x\n1.5\n2\n3\n",  # a float first, then integers
        "x,x,\n1,2,3\n",  # duplicated and empty names
        "x\n9223372036854775807\n-9223372036854775808\n",
        "x\n0.1000000000000000055511151231257827021181583404541015625\n",  # > 19 digits
        "x\n-0.0\n",  # (declines: see below)
    ],
)
def test_accepted_files_read_as_read_csv(tmp_path, text, window_bytes):
    path = tmp_path / "f.csv"
    path.write_text(text, encoding="utf-8")
    result = _same_as_read_csv(path, window_bytes)
    if text != "x\n-0.0\n":
        assert result is True


@pytest.mark.parametrize("window_bytes", WINDOWS)
@pytest.mark.parametrize(
    "text",
    [
        "",  # empty
        "a,b\n",  # header only
        "\na,b\n1,2\n",  # a blank line first
        "a,b\n1,2\n\n3,4\n",  # a blank line
        "a,b\n1,2\n   \n3,4\n",  # a whitespace-only line
        "a,b\r\n1,2\r\n",  # CRLF
        'a,b\n"1",2\n',  # quotes
        "a,b\n1,2\n3\n",  # a short row (pandas pads it)
        "a,b\n1,2,3\n",  # a longer first row (pandas' index)
        "a,b\n1,2\n3,4,5\n",  # a longer row (pandas raises)
        "a,b\n1,2,\n3,4,\n",  # trailing commas
        "a,b\n1,\n3,4\n",  # an NA cell
        "a,b\n1,NA\n3,4\n",
        "a,b\n1,nan\n3,4\n",
        "a,b\n1,x\n3,4\n",  # text
        "a,b\n1,true\n3,false\n",  # bool
        "a,b\n1,1e400\n3,4\n",  # +overflow: object to pandas
        "a,b\n1,NAN\n3,4\n",  # not an NA string: text
        "a\n1.5\n-0\n",  # -0 in a float column (an integer chunk reads it as +0.0)
        "a\n1.5\n99999999999999999999\n",  # an integer beyond int64 in a float column
        "a\n99999999999999999999\n",  # uint64 / object
        "a\n1\n2\n1.5\n",  # int64 until a float: per window, pandas' chunk is float64
        "a,b\n1,2\x003\n",  # NUL
    ],
)
def test_other_files_are_declined(tmp_path, text, window_bytes):
    path = tmp_path / "f.csv"
    path.write_bytes(text.encode())
    got = _streamed(path, window_bytes)
    if text == "a\n1\n2\n1.5\n" and window_bytes >= 8:
        # one window: the column is demoted to float64 before anything is yielded
        assert _same_as_read_csv(path, window_bytes) is True
        return
    assert got is None


def test_a_float_after_the_first_window_declines(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("a\n" + "1\n" * 100 + "2.5\n")
    assert _streamed(path, 8) is None
    assert _streamed(path, 1 << 20) is not None


def _cell(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.45:
        return str(rng.randint(-(10**6), 10**6))
    if kind < 0.9:
        return repr(rng.uniform(-10, 10))
    return rng.choice(["", "NA", "x", " 1", "1e5", "-0", "inf", "+3", "0012", "1.", ".5", '"2"'])


@pytest.mark.parametrize("seed", range(40))
def test_random_files_are_read_csv_or_declined(tmp_path, seed):
    rng = random.Random(seed)
    width = rng.randint(1, 4)
    rows = rng.randint(1, 60)
    kinds = [rng.random() for _ in range(width)]
    lines = [",".join(f"c{j}" for j in range(width))]
    for _ in range(rows):
        cells = []
        for j in range(width):
            if kinds[j] < 0.4:
                cells.append(str(rng.randint(-(10**9), 10**9)))
            elif kinds[j] < 0.8:
                cells.append(repr(rng.uniform(-1e3, 1e3)) if rng.random() < 0.9 else str(rng.randint(0, 9)))
            else:
                cells.append(_cell(rng))
        lines.append(",".join(cells))
    path = tmp_path / "f.csv"
    path.write_text("\n".join(lines) + ("\n" if rng.random() < 0.8 else ""))
    for window_bytes in (1, rng.randint(2, 200), 1 << 20):
        _same_as_read_csv(path, window_bytes)  # None (declined) or equal


# Cells the one-pass number parser takes (a decimal of up to 19 digits, then the separator) and
# its neighbours that it hands to the cell-by-cell rules: the same table as read_csv either way.
NUMBER_WORDS = [
    "0", "-0", "+5", "-5", "5.", ".5", "-.5", "+.5", "0.1", "-0.1", "007", "-0.0", "0.000",
    "1234567890123456789", "12345678901234567890", "9223372036854775807", "9223372036854775808",
    "-9223372036854775808", "9300000000000000000", "9300000000000000000.", "0.30000000000000004",
    "1.7976931348623157", "000000000000000000001.5", "0000000000000000000.5",
    "1.00000000000000000000", "99999999999999999.9", "3.14159265358979323", "123456789012345678.9",
    "0.000000000000000000001", "9007199254740993", "9007199254740993.0", "2.5e3", "1.5 ", "1.5x",
    "-", ".", "+", "1.2.3", "--1",
]


@pytest.mark.parametrize("word", NUMBER_WORDS)
@pytest.mark.parametrize("last_line_end", ["\n", ""])
def test_numbers_read_in_one_pass_as_read_csv(tmp_path, word, last_line_end):
    body = "".join(f"{word},{k}.25,{word}\n7,1.5,{k}\n" for k in range(12))
    path = tmp_path / "f.csv"
    path.write_text("a,b,c\n" + body + f"8,{word},{word}" + last_line_end)
    for window_bytes in (23, 64, 1 << 20):
        _same_as_read_csv(path, window_bytes)  # None (declined) or equal
    if word in ("0", "+5", "5.", ".5", "0.1", "1234567890123456789", "3.14159265358979323"):
        assert _same_as_read_csv(path, 1 << 20) is True


def test_each_part_sees_every_row_once_on_the_parsing_threads(tmp_path, monkeypatch):
    from mlebench_fast.io import csv_stream

    monkeypatch.setattr(csv_stream, "PARALLEL_MIN_BYTES", 16)
    monkeypatch.setenv("MLEBENCH_FAST_THREADS", "3")
    rng = np.random.default_rng(4)
    ids, values = rng.permutation(5000), rng.normal(size=5000)
    path = tmp_path / "f.csv"
    path.write_text("id,v\n" + "".join(f"{i},{float(v)!r}\n" for i, v in zip(ids, values)))
    seen: list[tuple[int, int, np.ndarray]] = []

    def each_part(columns, lo, hi):
        return lo, hi, columns[0][lo:hi].copy(), columns[1][lo:hi].sum()

    stream = open_numeric_csv(path, window_bytes=4096)
    for window in stream.windows(each_part):
        assert len(window.parts) >= (1 if window.first_row == 0 else 2)
        assert [(lo, hi) for lo, hi, _, _ in window.parts] == list(
            zip([0] + [hi for _, hi, _, _ in window.parts[:-1]], [hi for _, hi, _, _ in window.parts])
        )
        assert window.parts[-1][1] == window.rows
        for lo, hi, part_ids, total in window.parts:
            assert np.array_equal(part_ids, window.columns[0][lo:hi])
            assert total == window.columns[1][lo:hi].sum()
        seen.extend(part_ids for _, _, part_ids, _ in window.parts)
        del window
    assert np.array_equal(np.concatenate(seen), ids)
