"""Coding space-separated labels against the answers' vocabulary, vs Python's str.split(" ")."""

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast.validation.labels import Vocabulary, code_answer_sets, code_predictions

TOKENS = st.sampled_from(["w_1", "new_whale", "", "é", "кот", "a" * 20, "x y"])
CELLS = st.lists(TOKENS, max_size=8).map(" ".join) | st.text(alphabet=" ab\u00a0", max_size=12)


def _expected(cells, vocabulary, keep):
    position = {label: i for i, label in enumerate(vocabulary)}
    return [[position.get(t, -1) for t in cell.split(" ")[:keep]] for cell in cells]


@settings(max_examples=300, deadline=None)
@given(st.lists(CELLS, max_size=30), st.lists(TOKENS, min_size=1, max_size=6), st.integers(1, 12))
def test_predictions_split_like_python(cells, labels, keep):
    vocabulary = Vocabulary.of(pl.Series(labels))
    coded = code_predictions(pl.Series(cells, dtype=pl.String), vocabulary, keep=keep)
    rows = [coded.codes[a:b].tolist() for a, b in zip(coded.offsets[:-1], coded.offsets[1:])]
    assert rows == _expected(cells, vocabulary.labels.to_list(), keep)


@settings(max_examples=200, deadline=None)
@given(st.lists(CELLS, min_size=1, max_size=20))
def test_answer_sets_are_distinct_labels_of_each_cell(cells):
    vocabulary, coded = code_answer_sets(pl.Series(cells, dtype=pl.String))
    labels = vocabulary.labels.to_list()
    for r, cell in enumerate(cells):
        row = coded.codes[coded.offsets[r] : coded.offsets[r + 1]].tolist()
        assert [labels[c] for c in row] == list(dict.fromkeys(cell.split(" ")))
