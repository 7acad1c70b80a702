"""decode_rle_column with an image size per row, and the interval decoding of exotic strings,
against the reference's dense ``rle_decode`` written out in NumPy."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast.kernels.masks import InvalidRLEError, decode_rle_column


def _dense(rle: str, n: int):
    """The reference's decoding, as (starts, stops) of the covered pixels, or the exception type."""
    if not rle.strip():
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    try:
        s = list(map(int, rle.split()))
        starts, lengths = s[0::2], s[1::2]
        assert starts == sorted(starts)
        assert all(x > 0 for x in starts)
        assert all(x > 0 for x in lengths)
        lows = np.array(starts) - 1
        highs = lows + lengths
        img = np.zeros(n, dtype=bool)
        for lo, hi in zip(lows, highs):
            assert not img[lo:hi].any()
            img[lo:hi] = True
    except (AssertionError, ValueError, TypeError, OverflowError) as exc:
        return type(exc)
    edges = np.diff(img.astype(np.int8), prepend=0, append=0)
    return np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)


def _covered(starts, stops, n):
    img = np.zeros(n, dtype=bool)
    for a, b in zip(starts.tolist(), stops.tolist()):
        img[a:b] = True
    return img


tokens = st.lists(st.integers(-3, 60), min_size=0, max_size=7).map(
    lambda v: " ".join(map(str, v))
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(tokens, st.integers(1, 50)), min_size=1, max_size=5))
def test_rows_decode_at_their_own_size(rows):
    rles = [r for r, _ in rows]
    sizes = np.array([n for _, n in rows], dtype=np.int64)
    expected = [_dense(r, int(n)) for r, n in rows]
    failing = [i for i, e in enumerate(expected) if isinstance(e, type)]
    if failing:
        with pytest.raises(InvalidRLEError) as info:
            decode_rle_column(pl.Series(rles, dtype=pl.String), sizes)
        assert info.value.row == failing[0]
        return
    runs = decode_rle_column(pl.Series(rles, dtype=pl.String), sizes)
    for r, (starts, stops) in enumerate(expected):
        lo, hi = runs.offsets[r], runs.offsets[r + 1]
        got = _covered(runs.starts[lo:hi], runs.stops[lo:hi], int(sizes[r]))
        assert np.array_equal(got, _covered(starts, stops, int(sizes[r])))


@pytest.mark.parametrize(
    "rle",
    ["5", "5 3 10", "5 3 10 ", "1 2 3 4 5", "3 9223372036854775806", "2 99999999999999999999",
     "99999999999999999999 2", "٣ 2", "+4 1_0", "5\t2 9 1"],
)
def test_exotic_strings_decode_as_the_reference_does(rle):
    n = 20
    expected = _dense(rle, n)
    if isinstance(expected, type):
        with pytest.raises(InvalidRLEError):
            decode_rle_column(pl.Series([rle]), np.array([n], dtype=np.int64))
        return
    runs = decode_rle_column(pl.Series([rle]), np.array([n], dtype=np.int64))
    assert np.array_equal(_covered(runs.starts, runs.stops, n), _covered(*expected, n))
