"""read_csv against pandas on generated adversarial CSV text, and on pandas' chunked reads."""

from __future__ import annotations

import math
import re
import tempfile
from pathlib import Path

import numpy as np
import polars as pl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mlebench_fast.exceptions import UnreadableFileError
from mlebench_fast.io import read_csv
from mlebench_fast.io.csv import NA_VALUES, chunk_rows, pandas_float

from .pandas_oracle import pandas_view, reference_read, table_view

_DIR = Path(tempfile.mkdtemp(prefix="mlebench-fast-io-"))

ints = st.integers(-(10**20), 10**20).map(str)
small_ints = st.integers(-50, 50).map(str)
leading_zeros = st.integers(0, 999).map(lambda i: f"{i:05d}")
floats = st.floats(allow_nan=False, allow_infinity=False).map(repr)
sci = st.builds(
    lambda m, e: f"{m}e{e}", st.integers(-99, 99), st.integers(-330, 330)
)
digits = st.from_regex(r"[+-]?[0-9]{0,25}\.?[0-9]{0,25}([eE][+-]?[0-9]{1,3})?", fullmatch=True)
specials = st.sampled_from(
    ["inf", "-inf", "Infinity", "+INF", "NAN", "+nan", "1e400", "-1e400", "1e-400", "1.", ".5",
     "-0", "+12", "1e", "0x10", "1_000", "١٢", "9223372036854775808", "18446744073709551615"]
)
na = st.sampled_from(sorted(NA_VALUES))
bools = st.sampled_from(["True", "False", "true", "FALSE", "TrUe", "yes", "0", "1"])
text = st.text(
    alphabet=st.sampled_from(list("ab ,\"\n\r\t;'é日✓") + ["\u2028"]), max_size=6
)
padded = st.builds(lambda c, l, r: l + c + r, small_ints | floats, st.sampled_from(["", " ", "\t"]),
                   st.sampled_from(["", " ", "\t"]))
cell_kinds = {
    "int": ints | small_ints | leading_zeros,
    "float": floats | sci | digits,
    "bool": bools,
    "special": specials,
    "text": text,
    "padded": padded,
}


def _quote(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


def _render(cell: str, quote: bool) -> str:
    if quote or any(c in cell for c in ',"\n\r'):
        return _quote(cell)
    return cell


@st.composite
def csv_files(draw) -> bytes:
    n_cols = draw(st.integers(1, 4))
    n_rows = draw(st.integers(0, 12))
    kinds = [draw(st.sampled_from(list(cell_kinds))) for _ in range(n_cols)]
    header = [draw(st.sampled_from(["id", "a", "a", "", "a.1", "x y", "Unnamed: 0"]))
              for _ in range(n_cols)]
    rows = []
    for _ in range(n_rows):
        row = []
        for kind in kinds:
            source = draw(st.sampled_from(["kind", "kind", "kind", "kind", "na", "empty", "other"]))
            if source == "kind":
                cell = draw(cell_kinds[kind])
            elif source == "na":
                cell = draw(na)
            elif source == "empty":
                cell = ""
            else:
                cell = draw(st.one_of(*cell_kinds.values()))
            row.append(_render(cell, draw(st.booleans()) and draw(st.booleans())))
        if draw(st.integers(0, 15)) == 0:
            row = row[: draw(st.integers(1, max(1, len(row))))]  # ragged short
        if draw(st.integers(0, 25)) == 0:
            row.append("9")  # ragged long
        rows.append(",".join(row))
    eol = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    lines = [",".join(_render(h, draw(st.booleans()) and draw(st.booleans())) for h in header)]
    for row in rows:
        if draw(st.integers(0, 8)) == 0:
            lines.append(draw(st.sampled_from(["", " ", "\t ", ""])))  # blank line
        lines.append(row)
    body = eol.join(lines) + draw(st.sampled_from(["", eol, eol + eol]))
    if draw(st.integers(0, 6)) == 0:
        body = "\ufeff" + body
    if draw(st.integers(0, 30)) == 0:
        at = draw(st.integers(0, len(body)))
        body = body[:at] + draw(st.sampled_from(['"', "\x00", ","])) + body[at:]
    # pandas' tokenizer backtracks over a bare CR when a line starts with a space or tab (it
    # looks for LF only) and misreads the line: a documented gap, not generated. The same
    # backtracking after a blank bare-CR line before ", " (e.g. "\r\r, 0") either crashes pandas
    # (see _compare) or makes it read an extra row.
    assume(not re.search(r"\r(?!\n)[ \t]", body))
    assume(not re.search(r"\r\r,[ \t]", body))
    return body.encode()


def _compare(content: bytes) -> None:
    path = _DIR / "sub.csv"
    path.write_bytes(content)
    expected = reference_read(path)
    if isinstance(expected, BaseException) and "Buffer overflow caught" in str(expected):
        # pandas' own tokenizer bug on some bare-CR files (e.g. "\r\r, 0" after an implicit
        # index row): the reference crashes; not reproduced (bare CR: the exact path reads it)
        assert b"\r" in content
        return
    if isinstance(expected, BaseException):
        with pytest.raises(UnreadableFileError):
            read_csv(path)
        return
    assert table_view(read_csv(path)) == pandas_view(expected), content


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(csv_files())
def test_generated_files_match_pandas(content):
    _compare(content)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(*cell_kinds.values(), na), min_size=1, max_size=8))
def test_generated_columns_match_pandas(cells):
    _compare(("v\n" + "\n".join(_render(c, False) for c in cells) + "\n").encode())


@settings(max_examples=300, deadline=None)
@given(st.one_of(digits, floats, sci, specials, st.text(max_size=8)))
def test_polars_float_parsing_is_correctly_rounded(word):
    """Polars' cast, the fast path's parser, agrees with pandas' round_trip on every cell."""
    ours = pl.Series([word]).cast(pl.Float64, strict=False)[0]
    theirs = pandas_float(word)
    if ours is None or theirs is None or math.isinf(ours) or math.isnan(ours):
        return  # special values and rejections are checked word by word in read_csv
    assert ours == theirs and math.copysign(1, ours) == math.copysign(1, theirs)


# ---------------------------------------------------------------------------------------------
# pandas' low_memory chunks: a 64-field table is read 8,192 rows at a time


WIDTH = 64
PER_CHUNK = chunk_rows(WIDTH)


def test_chunk_rows():
    assert [chunk_rows(w) for w in (1, 2, 3, 4, 5, 8, 9, 64)] == [
        524288, 262144, 262144, 131072, 131072, 65536, 65536, 8192
    ]


def _wide_file(path: Path, first: list[str], rows: int) -> None:
    rng = np.random.default_rng(0)
    filler = rng.integers(0, 9, size=(rows, WIDTH - 1))
    lines = [",".join(f"c{i}" for i in range(WIDTH))]
    lines += [",".join([first[r], *map(str, filler[r])]) for r in range(rows)]
    path.write_text("\n".join(lines) + "\n")


CHUNKED = {
    "int chunk then text chunk": lambda r: str(r) if r < PER_CHUNK else f"x{r}",
    "text in first chunk only": lambda r: "x" if r == 3 else f"{r:05d}",
    "int then float chunk": lambda r: str(r) if r < PER_CHUNK else f"{r}.5",
    "bool then int chunk": lambda r: "True" if r < PER_CHUNK else "1",
    "bool then bool with NA": lambda r: "True" if r < PER_CHUNK else ("" if r % 2 else "false"),
    "bool then all-NA chunk": lambda r: "True" if r < PER_CHUNK else "",
    "bool then float chunk": lambda r: "False" if r < PER_CHUNK else "0.5",
    "text then all-NA chunk": lambda r: "x" if r < PER_CHUNK else "",
    "int then all-NA chunk": lambda r: str(r) if r < PER_CHUNK else "NA",
    "float then text": lambda r: f"{r}.5" if r < PER_CHUNK else ("x" if r == PER_CHUNK + 7 else "1"),
    "uint64 then int": lambda r: "9223372036854775808" if r < PER_CHUNK else "-1",
    "text everywhere": lambda r: f"id{r}",
}


@pytest.mark.parametrize("make", list(CHUNKED.values()), ids=list(CHUNKED))
def test_chunked_inference_matches_pandas(tmp_path, make):
    rows = PER_CHUNK + 100
    path = tmp_path / "wide.csv"
    _wide_file(path, [make(r) for r in range(rows)], rows)
    expected = reference_read(path)
    ours = table_view(read_csv(path))
    theirs = pandas_view(expected)
    assert ours["columns"][0] == theirs["columns"][0]
    assert ours == theirs
