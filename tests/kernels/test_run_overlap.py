"""intersection_sizes against a plain NumPy version that materialises the masks."""

from __future__ import annotations

import numpy as np
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast.kernels.masks import decode_rle_column
from mlebench_fast.kernels.run_overlap import intersection_sizes


def _encode(flat: np.ndarray) -> str:
    edges = np.diff(np.concatenate(([0], flat.astype(np.int8), [0])))
    starts = np.flatnonzero(edges == 1)
    stops = np.flatnonzero(edges == -1)
    pairs = np.empty(2 * starts.size, dtype=np.int64)
    pairs[0::2] = starts + 1
    pairs[1::2] = stops - starts
    return " ".join(map(str, pairs.tolist()))


def _materialised(rles: list[str], n: int) -> np.ndarray:
    out = np.zeros((len(rles), n), dtype=bool)
    for r, rle in enumerate(rles):
        tokens = [int(t) for t in rle.split()]
        for s, length in zip(tokens[0::2], tokens[1::2]):
            out[r, s - 1 : s - 1 + length] = True
    return out


def _check(truth: np.ndarray, pred: np.ndarray, extra_pred: list[str] | None = None) -> None:
    n = truth.shape[1]
    t_rles = [_encode(m) for m in truth]
    p_rles = extra_pred if extra_pred is not None else [_encode(m) for m in pred]
    t = decode_rle_column(pl.Series(t_rles, dtype=pl.String), n)
    p = decode_rle_column(pl.Series(p_rles, dtype=pl.String), n)
    got = intersection_sizes(t, p)
    want = (_materialised(t_rles, n) & _materialised(p_rles, n)).sum(axis=1)
    assert got.dtype == np.int64
    np.testing.assert_array_equal(got, want)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 6),
    st.integers(1, 300),
    st.floats(0.0, 1.0),
    st.floats(0.0, 1.0),
    st.integers(0, 2**32 - 1),
)
def test_random_masks(rows: int, n: int, dens_t: float, dens_p: float, seed: int) -> None:
    rng = np.random.default_rng(seed)
    _check(rng.random((rows, n)) < dens_t, rng.random((rows, n)) < dens_p)


def test_adversarial() -> None:
    n = 64
    empty = np.zeros(n, dtype=bool)
    full = np.ones(n, dtype=bool)
    edges = empty.copy()
    edges[[0, n - 1]] = True
    alternating = np.arange(n) % 2 == 0
    cases = [empty, full, edges, alternating, ~alternating, ~edges]
    truth = np.array([a for a in cases for _ in cases])
    pred = np.array([b for _ in cases for b in cases])
    _check(truth, pred)


def test_touching_and_truncated_runs() -> None:
    n = 30
    truth = np.zeros((4, n), dtype=bool)
    truth[:, 5:15] = True
    # Touching (not merged) runs, a run past the image end, a run starting beyond it.
    pred = ["1 5 6 5 11 5", "15 100", "31 4", "16 15"]
    _check(truth, None, pred)  # type: ignore[arg-type]
