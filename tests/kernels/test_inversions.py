"""count_inversions against a plain O(n^2) pair count and a bisect-based count."""

from __future__ import annotations

from bisect import bisect, insort

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast.kernels.inversions import count_inversions


def pairs(a: list[int]) -> int:
    return sum(a[i] > a[j] for i in range(len(a)) for j in range(i + 1, len(a)))


def by_bisect(a: list[int]) -> int:
    seen: list[int] = []
    total = 0
    for i, u in enumerate(a):
        total += i - bisect(seen, u)
        insort(seen, u)
    return total


def flatten(rows):
    offsets = np.zeros(len(rows) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(r) for r in rows])
    return np.array([v for r in rows for v in r], dtype=np.int64), offsets


@st.composite
def rank_rows(draw):
    n = draw(st.integers(0, 40))
    if draw(st.booleans()):
        return draw(st.permutations(list(range(n))))
    return draw(st.lists(st.integers(0, max(n - 1, 0)), min_size=n, max_size=n))  # ties


@settings(max_examples=400, deadline=None)
@given(st.lists(rank_rows(), max_size=10))
def test_matches_plain_counts(rows):
    got = count_inversions(*flatten(rows))
    assert got.dtype == np.int64
    assert got.tolist() == [pairs(r) for r in rows] == [by_bisect(r) for r in rows]


def test_large_reversed_and_sorted():
    n = 3000
    rows = [list(range(n))[::-1], list(range(n)), []]
    assert count_inversions(*flatten(rows)).tolist() == [n * (n - 1) // 2, 0, 0]


def test_random_large():
    rng = np.random.default_rng(1)
    rows = [rng.permutation(rng.integers(1, 200)).tolist() for _ in range(50)]
    assert count_inversions(*flatten(rows)).tolist() == [by_bisect(r) for r in rows]
