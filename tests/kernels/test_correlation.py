"""Correlation kernels against scipy 1.14.1: spearmanr(...).correlation and pearsonr(...)[0]:
same value (bit-identical for Spearman), same type, same exceptions."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from mlebench_fast.kernels.correlation import (
    centred_ranks,
    pearson_correlation,
    rankdata_average,
    spearman_columns,
    spearman_correlation,
)


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


@settings(max_examples=200, deadline=None)
@given(
    n=st.integers(2, 120),
    k=st.integers(1, 4),
    levels=st.sampled_from([2, 3, 10, 10**6]),  # few levels: many ties
    seed=st.integers(0, 2**32 - 1),
    poison=st.sampled_from(["none", "nan", "constant", "inf"]),
)
def test_spearman_columns_equal_scipy_bit_for_bit(n, k, levels, seed, poison):
    rng = np.random.default_rng(seed)
    predictions = rng.integers(0, levels, (n, k)).astype(np.float64) / 7
    truth = [rng.integers(0, levels, n).astype(np.float64) for _ in range(k)]
    if poison == "nan":
        predictions[rng.integers(0, n), 0] = np.nan
    elif poison == "constant":
        predictions[:, 0] = 0.25
    elif poison == "inf":
        predictions[rng.integers(0, n), 0] = np.inf
    ranked = [centred_ranks(t) for t in truth]
    keep = [j for j in range(k) if ranked[j] is not None]
    if not keep:
        return
    got = spearman_columns(
        predictions[:, keep],
        np.stack([ranked[j][0] for j in keep]),
        np.array([ranked[j][1] for j in keep]),
    )
    for value, j in zip(got, keep, strict=True):
        expected = spearman_correlation(predictions[:, j], truth[j])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            assert np.isnan(expected) == np.isnan(stats.spearmanr(predictions[:, j], truth[j]).correlation)
        assert (np.isnan(value) and np.isnan(expected)) or value == expected


def test_centred_ranks_declines_what_spearmanr_would_not_rank():
    assert centred_ranks(np.array([1.0, 1.0, 1.0])) is None
    assert centred_ranks(np.array([1.0, np.nan, 2.0])) is None
    assert centred_ranks(np.array([1.0])) is None
    assert centred_ranks(np.array([1, 2, 3])) is None  # int: the caller converts first
    centred, squares = centred_ranks(np.array([3.0, 1.0, 2.0, 2.0]))
    assert centred.tolist() == [1.5, -1.5, 0.0, 0.0] and squares == 4.5
