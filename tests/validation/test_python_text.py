"""python_lower / python_split against Python's own str.lower() / str.split()."""

from __future__ import annotations

import sys

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast.validation.python_text import UNSAFE, python_lower, python_split, unsafe_pattern

ALL = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]

TRAPS = [
    "", " ", "\u00a0", "a\u00a0b", "a\u2003b\u3000c", "x\x1cy\x1dz\x1e\x1fw", "a\x85b", "\u200bzero",
    "İstanbul", "STRASSE ß ẞ", "ΟΔΟΣ ΟΔΟΣ. ΣΑΣ", "Α\u0301Σ\u0301 x", "ǅ ǈ ǋ", "नमस्ते दुनिया",
    "வணக்கம் உலகம்", "Привет МИР Ё", "cafe\u0301 CAFE\u0301", "\t\n\r\x0b\x0c mixed  spaces ",
    "\u1c89\u1c8a", "\U00010d50 x", "ꟋA", "ﬃ ﬀ", "ΐ", "𝔘𝔫𝔦", "Ⅻ ⓐⒶ", "\u0130\u0307",
]


def test_split_matches_python_on_every_code_point():
    strings = pl.Series(["a" + c + "b" for c in ALL])
    assert python_split(strings).to_list() == [s.split() for s in strings.to_list()]


def test_lower_matches_python_on_every_code_point():
    strings = pl.Series(ALL)
    assert python_lower(strings).to_list() == [s.lower() for s in ALL]


def test_traps():
    strings = pl.Series(TRAPS)
    assert python_lower(strings).to_list() == [s.lower() for s in TRAPS]
    assert python_split(python_lower(strings)).to_list() == [s.lower().split() for s in TRAPS]


def test_nulls_stay_null():
    strings = pl.Series(["A b", None], dtype=pl.String)
    assert python_lower(strings).to_list() == ["a b", None]
    assert python_split(strings).to_list() == [["A", "b"], None]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(TRAPS + ["a", "Σ", " ", "\u0301", "İ", "\x1f"])
                         | st.characters(blacklist_categories=("Cs",)), max_size=8).map("".join), max_size=20))
def test_random_text(texts):
    strings = pl.Series(texts, dtype=pl.String)
    assert python_lower(strings).to_list() == [s.lower() for s in texts]
    assert python_split(python_lower(strings)).to_list() == [s.lower().split() for s in texts]


def test_unsafe_class_matches_the_running_versions():
    assert unsafe_pattern() == UNSAFE
