"""Correlation kernels against scipy 1.14.1: spearmanr(...).correlation and pearsonr(...)[0]:
same value (bit-identical for Spearman), same type, same exceptions."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from mlebench_fast.kernels.correlation import pearson_correlation, rankdata_average, spearman_correlation


def outcome(fn, *args):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            return ("ok", fn(*args))
        except Exception as exc:  # noqa: BLE001 - the exception is the outcome compared
            return ("raise", (type(exc), str(exc)))


def scipy_spearman(a, b):
    return stats.spearmanr(a, b).correlation


def scipy_pearson(x, y):
    return stats.pearsonr(x, y)[0]


def same(ours, theirs, rtol=0.0):
    got, want = outcome(*ours), outcome(*theirs)
    assert got[0] == want[0], (got, want)
    if got[0] == "raise":
        assert got[1] == want[1]
        return
    g, w = got[1], want[1]
    assert type(g) is type(w), (type(g), type(w))
    if w != w:
        assert g != g
    elif rtol == 0.0:
        assert g == w, (g, w)
    else:
        assert abs(g - w) <= rtol * max(abs(w), 1e-300), (g, w)


values = st.one_of(
    st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, 0.25, 0.5, 1.0, -0.0]),
)
special = st.one_of(values, st.sampled_from([np.nan, np.inf, -np.inf]))


@st.composite
def pairs(draw, elements=values, max_size=60):
    n = draw(st.integers(0, max_size))
    a = np.array(draw(st.lists(elements, min_size=n, max_size=n)), dtype=np.float64)
    b = np.array(draw(st.lists(elements, min_size=n, max_size=n)), dtype=np.float64)
    return a, b


@settings(max_examples=300, deadline=None)
@given(pairs(special))
def test_spearman_matches_scipy(ab):
    a, b = ab
    same((spearman_correlation, a, b), (scipy_spearman, a, b))


@settings(max_examples=200, deadline=None)
@given(pairs(st.integers(0, 3).map(float)))
def test_spearman_ties_and_constants(ab):
    a, b = ab
    same((spearman_correlation, a, b), (scipy_spearman, a, b))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(allow_nan=False), min_size=1, max_size=50))
def test_rankdata_average(xs):
    x = np.array(xs)
    np.testing.assert_array_equal(rankdata_average(x), stats.rankdata(x, "average"))


def test_spearman_strings_rank_lexicographically():
    a = np.array(["0.5", "abc", "0.25", "1"], dtype=object)
    b = np.array([0.1, 0.9, 0.3, 0.2])
    same((spearman_correlation, a, b), (scipy_spearman, a, b))
    a[1] = np.nan
    same((spearman_correlation, a, b), (scipy_spearman, a, b))


@pytest.mark.parametrize("n", [0, 1, 2, 3, 100_000])
def test_spearman_sizes(n):
    rng = np.random.default_rng(n)
    a, b = rng.integers(0, 50, n).astype(float), rng.random(n)
    same((spearman_correlation, a, b), (scipy_spearman, a, b))


@settings(max_examples=300, deadline=None)
@given(pairs(special))
def test_pearson_matches_scipy(ab):
    x, y = ab
    same((pearson_correlation, x, y), (scipy_pearson, x, y), rtol=1e-12)


@settings(max_examples=200, deadline=None)
@given(pairs(st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0]), max_size=8))
def test_pearson_small_and_constant(ab):
    x, y = ab
    same((pearson_correlation, x, y), (scipy_pearson, x, y), rtol=1e-12)


@pytest.mark.parametrize("dtypes", [(np.int64, np.int64), (np.float64, np.bool_), (np.float64, np.int64)])
def test_pearson_dtypes(dtypes):
    rng = np.random.default_rng(1)
    x = rng.integers(0, 2, 50).astype(dtypes[0])
    y = rng.integers(0, 2, 50).astype(dtypes[1])
    same((pearson_correlation, x, y), (scipy_pearson, x, y), rtol=1e-12)


def test_pearson_large_and_offsets():
    rng = np.random.default_rng(2)
    x = rng.random(200_000)
    y = x + rng.normal(0, 1, x.size) + 1e12
    same((pearson_correlation, x, y), (scipy_pearson, x, y), rtol=1e-12)
    same((pearson_correlation, x, y[:-1]), (scipy_pearson, x, y[:-1]))
