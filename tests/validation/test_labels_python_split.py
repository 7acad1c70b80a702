"""``code_python_split`` against Python's ``str.split()`` (no argument) and a dict look-up."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast.validation.labels import Vocabulary, code_python_split

WHITESPACE = [" ", "  ", "\t", "\n", "\r\n", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0",
              "\u1680", "\u2000", "\u2028", "\u3000", "\u200b", "\u180e", "_"]
TOKENS = ["a", "bb", "c#", "1", "x", "é", "日本", "nan", "java"]


@settings(max_examples=300, deadline=None)
@given(
    cells=st.lists(
        st.lists(st.one_of(st.sampled_from(TOKENS), st.sampled_from(WHITESPACE)), max_size=8),
        min_size=1,
        max_size=20,
    ),
    known=st.lists(st.sampled_from(TOKENS), min_size=1, max_size=6),
)
def test_matches_python_split(cells, known) -> None:
    strings = ["".join(parts) for parts in cells]
    vocabulary = Vocabulary.of(pl.Series(known, dtype=pl.String))
    index = {label: i for i, label in enumerate(vocabulary.labels.to_list())}
    coded = code_python_split(pl.Series(strings, dtype=pl.String), vocabulary)
    for row, text in enumerate(strings):
        got = coded.codes[coded.offsets[row] : coded.offsets[row + 1]].tolist()
        want = [index.get(token, -1) for token in text.split()]
        assert [c for c in got if c >= 0] == [c for c in want if c >= 0], (text, got, want)
