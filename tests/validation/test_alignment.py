"""IdIndex.order / sort_and_match against pandas' sort_values + elementwise comparison."""

import numpy as np
import pandas as pd
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast.validation.alignment import IdIndex, sort_and_match, take_rows

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


@pytest.mark.parametrize("threads", ["1", "2", "3"])
def test_many_string_ids_are_placed_on_threads(threads, monkeypatch):
    # Past the size where the look-ups are shared among threads: the same placement, and a
    # missing or repeated id in any thread's share still fails it.
    from mlebench_fast.validation.alignment import _PARALLEL_MIN_IDS

    monkeypatch.setenv("MLEBENCH_FAST_THREADS", threads)
    rng = np.random.default_rng(7)
    n = _PARALLEL_MIN_IDS + 1001
    ids = np.array([f"{v:016x}" for v in rng.choice(2**60, n, replace=False)], dtype=object)
    ids.sort()
    index = IdIndex.of(pl.Series(ids.tolist()))
    perm = rng.permutation(n)
    order = index.order(pl.Series(ids[perm].tolist()))
    assert np.array_equal(perm[order], np.arange(n))
    for row in (0, n // 2, n - 1):
        repeated = ids[perm].copy()
        repeated[row] = repeated[(row + 1) % n]
        assert index.order(pl.Series(repeated.tolist())) is None
        unknown = ids[perm].copy()
        unknown[row] = "zz-not-an-id"
        assert index.order(pl.Series(unknown.tolist())) is None


@pytest.mark.parametrize("threads", ["1", "2", "3"])
def test_many_int_ids_are_placed_on_threads(threads, monkeypatch):
    # The direct table's placement shared among threads: the same order, and a repeated or
    # unknown id in any share still fails it.
    from mlebench_fast.validation.alignment import _PARALLEL_MIN_IDS

    monkeypatch.setenv("MLEBENCH_FAST_THREADS", threads)
    rng = np.random.default_rng(11)
    n = _PARALLEL_MIN_IDS + 777
    ids = np.sort(rng.choice(3 * n, n, replace=False)).astype(np.int64) + 1000
    index = IdIndex.of(pl.Series(ids))
    assert index.dense is not None
    perm = rng.permutation(n)
    order = index.order(pl.Series(ids[perm]))
    assert np.array_equal(perm[order], np.arange(n))
    for row in (0, n // 2, n - 1):
        repeated = ids[perm].copy()
        repeated[row] = repeated[(row + 1) % n]
        assert index.order(pl.Series(repeated)) is None
        unknown = ids[perm].copy()
        unknown[row] = 999  # below every id
        assert index.order(pl.Series(unknown)) is None
        gap = ids[perm].copy()
        gap[row] = ids[-1] - 1 if ids[-1] - 1 not in set(ids[-3:].tolist()) else ids[-1] + 1
        assert index.order(pl.Series(gap)) is None


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


_TAKE_COLUMNS = st.sampled_from(
    [
        (pl.Int64, st.integers(-(2**63), 2**63 - 1)),
        (pl.UInt64, st.integers(0, 2**64 - 1)),
        (pl.Float64, st.floats(allow_nan=True)),
        (pl.Boolean, st.booleans()),
        (pl.String, st.text(max_size=5)),
    ]
)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_take_rows_equals_polars_gather(data):
    dtype, values = data.draw(_TAKE_COLUMNS)
    cells = data.draw(st.lists(st.one_of(st.none(), values), max_size=20))
    pieces = data.draw(st.integers(1, 3))  # several chunks, as the reader leaves big files
    cut = len(cells) // pieces
    parts = [pl.Series("c", cells[i * cut : (i + 1) * cut if i < pieces - 1 else None], dtype=dtype)
             for i in range(pieces)]
    series = pl.concat(parts, rechunk=False)
    rows = np.array(data.draw(st.permutations(range(len(cells)))), dtype=np.int64)
    taken = take_rows(series, rows)
    expected = series.gather(rows)
    assert taken.dtype == expected.dtype and taken.name == "c"
    assert taken.to_list() == expected.to_list() or (
        dtype == pl.Float64 and np.array_equal(taken.to_numpy(), expected.to_numpy(), equal_nan=True)
    )


@settings(max_examples=100, deadline=None)
@given(
    vocabulary=st.lists(st.text(max_size=4), min_size=1, max_size=30),
    data=st.data(),
)
def test_repeated_string_ids_sort_in_pandas_tie_order(vocabulary, data):
    # Large enough for quicksort partitions (more than 16 rows): the order of equal ids is
    # whatever numpy's object quicksort leaves, and the scores paired with them depend on it.
    n = data.draw(st.integers(17, 300))
    picks = data.draw(st.lists(st.integers(0, len(vocabulary) - 1), min_size=n, max_size=n))
    answers_pd = pd.Series([vocabulary[i] for i in picks], dtype=object)
    perm = data.draw(st.permutations(list(range(n))))
    if data.draw(st.booleans()):
        perm[0] = perm[-1]  # a repeated row instead of a permutation: ids no longer match
    sub_values = [answers_pd[i] for i in perm]
    sub_pd = pd.Series(sub_values, dtype=object)
    expected_rows, expected_match = _reference(sub_pd, answers_pd)
    rows, match = _ours(pl.Series(sub_values, dtype=pl.String), pl.Series(answers_pd.tolist(), dtype=pl.String), answers_pd)
    assert match == expected_match
    if match is True:
        assert rows == expected_rows


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(st.sampled_from("ab_0é"), max_size=14), min_size=1, max_size=12, unique=True),
    st.data(),
)
def test_few_string_ids_are_placed_in_one_native_call(ids, data):
    """Below the threaded size the look-up and its inversion are one native call: the order that
    sorts the submission's ids into the answers' (short ids inline in their views, long ones in
    the buffers), or None for any unknown or repeated id."""
    ids = sorted(ids)
    index = IdIndex.of(pl.Series(ids))
    submitted = data.draw(st.permutations(ids))
    if data.draw(st.booleans()):  # replace one id with a repeat or an unknown one
        row = data.draw(st.integers(0, len(ids) - 1))
        submitted[row] = data.draw(st.sampled_from(ids + ["zz", "x" * 13]))
    order = index.order(pl.Series(submitted, dtype=pl.String))
    if sorted(submitted) != ids:
        assert order is None
    else:
        assert [submitted[r] for r in order.tolist()] == ids
