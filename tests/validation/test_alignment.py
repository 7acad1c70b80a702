"""IdIndex.order / sort_and_match against pandas' sort_values + elementwise comparison."""

import numpy as np
import pandas as pd
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast.validation.alignment import IdIndex, sort_and_match

from .test_frames import _pair, columns


def _reference(sub_pd: pd.Series, answers_pd: pd.Series):
    """(sorted submission row labels, ids match) as the reference computes them."""
    ordered = pd.DataFrame({"id": sub_pd}).sort_values("id")
    answers_sorted = pd.DataFrame({"id": answers_pd}).sort_values("id")
    try:
        differ = bool((ordered["id"].values != answers_sorted["id"].values).any())
    except ValueError:
        return ordered.index.tolist(), "error"
    return ordered.index.tolist(), not differ


def _ours(sub: pl.Series, answers: pl.Series, answers_pd: pd.Series):
    sorted_answers = answers[pd.DataFrame({"id": answers_pd}).sort_values("id").index.to_numpy()]
    frame = pl.DataFrame({"id": sub, "row": np.arange(sub.len())})
    try:
        ordered, match = sort_and_match(frame, "id", IdIndex.of(sorted_answers))
    except ValueError:
        return None, "error"
    return ordered["row"].to_list(), match


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_matches_the_reference_sort_and_compare(data):
    answers, answers_pd = data.draw(columns(allow_none=False))
    if data.draw(st.booleans()) and answers.len():
        # Often a permutation of the answers, sometimes with a change: the fast path's cases.
        perm = data.draw(st.permutations(list(range(answers.len()))))
        values = [answers[i] for i in perm]
        sub, sub_pd = _pair(values, _kind_of(answers))
    else:
        sub, sub_pd = data.draw(columns())
    expected_rows, expected_match = _reference(sub_pd, answers_pd)
    rows, match = _ours(sub, answers, answers_pd)
    assert match == expected_match
    if match is True:
        assert rows == expected_rows


def _kind_of(series: pl.Series) -> str:
    return {pl.Int64: "int", pl.Float64: "float", pl.Boolean: "bool", pl.String: "str"}[series.dtype]


def test_hashing_places_string_ids():
    answers = pl.Series(["a", "b", "c", "d"])
    index = IdIndex.of(answers)
    assert index.order(pl.Series(["c", "a", "d", "b"])).tolist() == [1, 3, 0, 2]
    assert index.order(pl.Series(["c", "a", "d", "d"])) is None  # a repeated id
    assert index.order(pl.Series(["c", "a", "d", "e"])) is None  # an unknown id
    assert index.order(pl.Series([1, 2, 3, 4])) is None  # numbers never equal strings


@pytest.mark.parametrize("dtype", [pl.Int64, pl.Float64])
def test_numbers_match_across_int_and_float(dtype):
    index = IdIndex.of(pl.Series([1, 5, 12], dtype=pl.Int64))
    assert index.order(pl.Series([12, 1, 5], dtype=dtype)).tolist() == [1, 2, 0]
    assert index.order(pl.Series([12.5, 1, 5])) is None


def test_repeated_answer_ids_fall_back_to_sorting():
    index = IdIndex.of(pl.Series(["a", "a", "b"]))
    assert not index.unique and index.order(pl.Series(["a", "b", "a"])) is None
    frame = pl.DataFrame({"id": ["b", "a", "a"], "row": [0, 1, 2]})
    ordered, match = sort_and_match(frame, "id", index)
    assert match and ordered["id"].to_list() == ["a", "a", "b"]
