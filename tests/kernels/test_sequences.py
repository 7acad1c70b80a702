"""int_sequence_levenshtein against a plain dynamic programme."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast.kernels.sequences import int_sequence_levenshtein


def plain_distance(a: list[int], b: list[int]) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def flatten(rows: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    offsets = np.zeros(len(rows) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(r) for r in rows])
    flat = np.array([v for r in rows for v in r], dtype=np.int64)
    return flat, offsets


sequences = st.lists(st.integers(-3, 25) | st.sampled_from([2**62, -(2**63)]), max_size=30)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(sequences, sequences), max_size=12))
def test_matches_plain_dp(pairs):
    a, b = [p[0] for p in pairs], [p[1] for p in pairs]
    got = int_sequence_levenshtein(*flatten(a), *flatten(b))
    assert got.dtype == np.int64
    assert got.tolist() == [plain_distance(x, y) for x, y in pairs]


def test_edges():
    cases = [([], []), ([1], []), ([], [1, 2]), ([1, 2, 3], [3, 2, 1]), ([5] * 40, [5] * 39 + [6]),
             (list(range(20)), list(range(1, 21)))]
    a, b = [c[0] for c in cases], [c[1] for c in cases]
    assert int_sequence_levenshtein(*flatten(a), *flatten(b)).tolist() == [
        plain_distance(x, y) for x, y in cases
    ]


def test_no_rows():
    empty = np.zeros(0, dtype=np.int64), np.zeros(1, dtype=np.int64)
    assert int_sequence_levenshtein(*empty, *empty).shape == (0,)


def test_large_rows():
    rng = np.random.default_rng(0)
    rows_a = [rng.integers(1, 21, size=rng.integers(8, 21)).tolist() for _ in range(300)]
    rows_b = [rng.integers(1, 21, size=rng.integers(0, 25)).tolist() for _ in range(300)]
    got = int_sequence_levenshtein(*flatten(rows_a), *flatten(rows_b))
    assert got.tolist() == [plain_distance(x, y) for x, y in zip(rows_a, rows_b)]
