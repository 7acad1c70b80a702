"""HashedIds.order against IdIndex.order (the string index it stands in front of): the same
order, or None, for permutations, missing / repeated / unknown ids, nulls, other kinds, and
forced hash collisions."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast.validation import hashed_ids
from mlebench_fast.validation.alignment import IdIndex
from mlebench_fast.validation.frames import pandas_sort_indices
from mlebench_fast.validation.hashed_ids import HashedIds


def sorted_as_pandas(ids: pl.Series) -> pl.Series:
    return ids[pandas_sort_indices(ids)]


@pytest.fixture(autouse=True)
def small_tables(monkeypatch):
    monkeypatch.setattr(hashed_ids, "MIN_ROWS", 1)


def both(answers: pl.Series, submission: pl.Series):
    ids = sorted_as_pandas(answers)
    hashed = HashedIds.of(ids)
    assert hashed is not None
    return hashed.order(submission), IdIndex.of(ids).order(submission)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_same_as_the_string_index(data):
    words = st.text(alphabet="ab-9é ", min_size=0, max_size=5)
    answers = data.draw(st.lists(words, min_size=1, max_size=40, unique=True))
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    sub = [answers[i] for i in rng.permutation(len(answers))]
    how = data.draw(st.sampled_from(["permutation", "unknown", "repeat", "shorter", "null"]))
    if how == "unknown":
        sub[0] = data.draw(words)
    elif how == "repeat" and len(sub) > 1:
        sub[1] = sub[0]
    elif how == "shorter":
        sub = sub[:-1]
    series = pl.Series("Id", sub, dtype=pl.String)
    if how == "null":
        series = series.scatter(0, None)
    got, want = both(pl.Series("Id", answers), series)
    if want is None:
        assert got is None
    else:
        assert got is not None and np.array_equal(got, want)


def test_other_kinds_and_small_answers(monkeypatch):
    answers = pl.Series("Id", ["a", "b", "c"])
    hashed = HashedIds.of(sorted_as_pandas(answers))
    assert hashed.order(pl.Series("Id", [1, 2, 3])) is None
    assert HashedIds.of(pl.Series("Id", [1, 2, 3])) is None
    assert HashedIds.of(pl.Series("Id", ["a", None])) is None
    monkeypatch.setattr(hashed_ids, "MIN_ROWS", 4)
    assert HashedIds.of(answers) is None


def test_a_hash_collision_falls_back(monkeypatch):
    """Every id hashing alike: the answers cannot be tabled; colliding submission ids (equal hash,
    other bytes) are caught by the byte comparison."""
    answers = sorted_as_pandas(pl.Series("Id", ["x", "y", "z"]))
    monkeypatch.setattr(hashed_ids, "_hashes", lambda ids: np.zeros(ids.len(), np.uint64))
    assert HashedIds.of(answers) is None
    monkeypatch.setattr(
        hashed_ids, "_hashes",
        lambda ids: np.array([{"x": 1, "y": 2, "z": 3, "w": 3}[v] for v in ids], np.uint64),
    )
    hashed = HashedIds.of(answers)
    assert hashed.order(pl.Series("Id", ["z", "x", "y"])) is not None
    assert hashed.order(pl.Series("Id", ["w", "x", "y"])) is None


def test_real_size_uuid_ids():
    rng = np.random.default_rng(5)
    n = 90_000
    hexes = np.array(list("0123456789abcdef"))
    ids = pl.Series("Id", ["".join(r) for r in hexes[rng.integers(0, 16, (n, 8))]]).unique()
    ids = ids + "-23d2-11e8-a6a3-ec086b02610b"
    sub = ids.sample(fraction=1.0, shuffle=True, seed=1)
    got, want = both(ids, sub)
    assert got is not None and np.array_equal(got, want)
    got, want = both(ids, sub.scatter(7, sub[8]))
    assert got is None and want is None
