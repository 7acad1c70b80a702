"""Word-set and integer-token kernels (kernels/tokens.py) against plain Python: ``str.lower``,
``str.split``, Python sets and ``int``.

The native tokenizer lowers through a table taken from ``str.lower`` and splits on its own copy
of ``str.isspace``; both are checked over every code point. Texts mix the paths the kernel has:
eight-byte ASCII runs, multi-byte code points that break them, Unicode whitespace, characters
whose lowercase changes byte length, rows sent back to Python (U+0130, U+03A3), texts equal to the
answers' text (a shortcut), empty texts, and words longer than 8 and 64 bytes.
"""

from __future__ import annotations

import sys

import numpy as np
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast.kernels.tokens import (
    FALLBACK,
    AnswerWords,
    int_sequences,
    lower_table,
    vocabulary_size,
    word_overlaps,
)

SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680" + "".join(
    map(chr, range(0x2000, 0x200B))
) + "\u2028\u2029\u202f\u205f\u3000"
LETTERS = (
    "aZqQxX09_!`'@:)*."  # ASCII, upper and lower
    "नईदिल्लीभारत१९४७"  # Devanagari (with vowel signs and digits)
    "தமிழ்சென்னை"  # Tamil
    "МоскваЖЁё"  # Cyrillic
    "ΟΔΟΣσςΣ"  # Greek: capital sigma's lowercase depends on what follows
    "İıIi\u0307"  # dotted capital I lowers to two code points; combining dot above
    "ÜBERcafé\u0301ß"  # Latin-1 and a combining acute
    "ȺⱥK\u212a"  # lowercase longer (2 -> 3 bytes) and shorter (Kelvin sign -> 'k')
    "😀🇫🇷\U0001e921"  # astral: emoji, Adlam capital (lowercase beyond the BMP)
    "\x00\x01\x7f"  # control characters that are not spaces
)

words = st.text(alphabet=st.sampled_from(LETTERS), min_size=1, max_size=12) | st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=4
)
separators = st.text(alphabet=st.sampled_from(SPACES), min_size=1, max_size=3)


@st.composite
def texts(draw) -> str:
    parts = draw(st.lists(st.tuples(words, separators), max_size=10))
    text = "".join(w + s for w, s in parts)
    if draw(st.booleans()):
        text = draw(separators) + text
    if draw(st.booleans()):
        text = text.rstrip(SPACES)
    return text


def python_overlaps(predicted: list[str], answers: list[str]) -> tuple[list[int], list[int]]:
    common, distinct = [], []
    for p, a in zip(predicted, answers, strict=True):
        pw, aw = set(p.lower().split()), set(a.lower().split())
        common.append(len(pw & aw))
        distinct.append(len(pw))
    return common, distinct


def check(predicted: list[str], answers: list[str], column=None, rows=None) -> None:
    prepared = AnswerWords.of(answers)
    column = pl.Series(predicted, dtype=pl.String) if column is None else column
    common, distinct = word_overlaps(column, prepared, rows)
    ordered = predicted if rows is None else [predicted[r] for r in rows]
    expected = python_overlaps(ordered, answers)
    assert (common.tolist(), distinct.tolist()) == expected
    assert common.dtype == distinct.dtype == np.int64
    assert prepared.sizes.tolist() == [len(set(a.lower().split())) for a in answers]


def test_lower_table_is_python_lower_on_every_code_point() -> None:
    table = lower_table()
    assert table.dtype == np.uint32
    for c in range(sys.maxunicode + 1):
        if 0xD800 <= c <= 0xDFFF:
            continue
        lowered = chr(c).lower()
        mapped = int(table[c]) if c < table.size else c
        if mapped == FALLBACK:
            assert c == 0x3A3 or len(lowered) != 1
        else:
            assert lowered == chr(mapped), hex(c)


def test_lowering_keeps_spaces_and_non_spaces_apart() -> None:
    # The kernel splits the text it was given, not its lowercase: that is the same split only
    # because no code point's lowercase adds or removes a space.
    for c in range(sys.maxunicode + 1):
        if 0xD800 <= c <= 0xDFFF:
            continue
        ch = chr(c)
        if ch.isspace():
            assert ch.lower() == ch
        else:
            assert not any(x.isspace() for x in ch.lower()), hex(c)


def test_spaces_are_str_isspace_on_every_code_point() -> None:
    points = [c for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF and c != 0x130]
    predicted = ["x" + chr(c) + "y" for c in points]
    prepared = AnswerWords.of([""] * len(points))
    _, distinct = word_overlaps(pl.Series(predicted), prepared)
    expected = np.array([2 if chr(c).isspace() else 1 for c in points])
    wrong = np.flatnonzero(distinct != expected)
    assert wrong.size == 0, [hex(points[i]) for i in wrong[:10]]
    assert "".join(chr(c) for c in points if chr(c).isspace()) == SPACES


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(texts(), texts(), st.booleans()), max_size=20), st.randoms())
def test_overlaps_match_python_sets(pairs, rng) -> None:
    predicted = [a if same else p for p, a, same in pairs]
    answers = [a for _, a, _ in pairs]
    check(predicted, answers)
    rows = list(range(len(pairs)))
    rng.shuffle(rows)
    shuffled = [None] * len(rows)
    for position, r in enumerate(rows):
        shuffled[r] = predicted[position]
    check(shuffled, answers, rows=np.array(rows, dtype=np.int64))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(texts(), texts()), min_size=1, max_size=8))
def test_overlaps_on_every_arrow_layout(pairs) -> None:
    predicted = [p for p, _ in pairs]
    answers = [a for _, a in pairs]
    large = pa.array(["pad"] + predicted, type=pa.large_string()).slice(1)
    check(predicted, answers, column=pl.from_arrow(large))
    chunked = pl.concat(
        [pl.Series(predicted[:1], dtype=pl.String), pl.Series(predicted[1:], dtype=pl.String)],
        rechunk=False,
    )
    check(predicted, answers, column=chunked)
    check(predicted, answers, column=pl.Series(["pad"] + predicted).slice(1))


def test_special_cases() -> None:
    check(
        ["", " ", "İstanbul", "i̇stanbul", "ΟΔΟΣ", "οδος", "ΟΔΟΣ ", "a" * 70 + " B", "x\u3000y", "ÜBER"],
        ["", "", "i̇stanbul x", "İSTANBUL", "οδος", "ΟΔΟΣ", "οδοσ", "A" * 70 + " b", "X Y", "über"],
    )
    check([], [])
    check(["same TEXT", "same TEXT"], ["same TEXT", "same text"])


def test_vocabulary_size() -> None:
    prepared = AnswerWords.of(["a", "", "A"])
    assert len(prepared.vocabulary) == 1
    assert vocabulary_size(pl.Series(["", "A a", ""]), prepared) == 1
    assert vocabulary_size(pl.Series(["", "B", ""]), prepared) == 2


def test_rows_out_of_range() -> None:
    prepared = AnswerWords.of(["a", "b"])
    with pytest.raises(IndexError):
        word_overlaps(pl.Series(["a", "b"]), prepared, np.array([0, 2]))
    with pytest.raises(ValueError):
        word_overlaps(pl.Series(["a", "b"]), prepared, np.array([0]))


def python_ints(texts_: list[str]):
    """Python's ints of the rows when every token is 1-18 ASCII digits, else None."""
    tokens = [t.split() for t in texts_]
    if not all(tok.isascii() and tok.isdigit() and len(tok) <= 18 for row in tokens for tok in row):
        return None
    return [list(map(int, row)) for row in tokens]


int_texts = st.lists(
    st.lists(
        st.from_regex(r"[0-9]{1,3}", fullmatch=True)
        | st.sampled_from(["0", "007", "999999999999999999", "1000000000000000000", "+3", "-1",
                           "1_0", "٣", "1.0", "nan", "x"]),
        max_size=6,
    ).flatmap(
        lambda row: st.lists(separators, min_size=len(row) + 1, max_size=len(row) + 1).map(
            lambda seps: seps[0] + "".join(tok + sep for tok, sep in zip(row, seps[1:]))
        )
    ),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(int_texts, st.randoms())
def test_int_sequences_match_python(rows_text, rng) -> None:
    # None sends the caller to its Python path: required when a token is not plain digits,
    # allowed (and only then) when a separator is a non-ASCII space.
    order = list(range(len(rows_text)))
    rng.shuffle(order)
    for rows in (None, np.array(order, dtype=np.int64)):
        got = int_sequences(pl.Series(rows_text, dtype=pl.String), rows)
        ordered = rows_text if rows is None else [rows_text[r] for r in rows]
        want = python_ints(ordered)
        if got is None:
            assert want is None or not all(t.isascii() for t in ordered)
            continue
        assert want is not None
        values, offsets = got
        assert values.dtype == offsets.dtype == np.int64
        assert offsets.tolist()[0] == 0 and len(offsets) == len(ordered) + 1
        flat = [v for row in want for v in row]
        assert values.tolist() == flat
        assert np.diff(offsets).tolist() == [len(row) for row in want]
