"""The pandas/numpy semantics of validation.frames, checked against pandas and numpy themselves."""

import numpy as np
import pandas as pd
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast.validation.frames import (
    any_differ,
    astype_str,
    fillna_empty_is_all_str,
    pandas_sort_indices,
    same_set,
)

# (polars column, the pandas column the same CSV cells become)
KINDS = {
    "int": (pl.Int64, "int64"),
    "float": (pl.Float64, "float64"),
    "bool": (pl.Boolean, "bool"),
    "str": (pl.String, "object"),
}


def _pair(values, kind):
    """A Polars column and the pandas Series holding the same cells (None = NaN)."""
    dtype, _ = KINDS[kind]
    series = pl.Series("c", values, dtype=dtype)
    if kind == "str":
        return series, pd.Series([np.nan if v is None else v for v in values], dtype=object)
    if kind == "bool" and None in values:
        return series, pd.Series([np.nan if v is None else v for v in values], dtype=object)
    if kind == "float":
        return series, pd.Series([np.nan if v is None else v for v in values], dtype="float64")
    return series, pd.Series(values, dtype=KINDS[kind][1])


def _values(kind, allow_none=True):
    base = {
        "int": st.integers(-5, 5),
        "float": st.sampled_from([0.0, 1.0, 2.5, -1.0, 3.0]),
        "bool": st.booleans(),
        "str": st.sampled_from(["a", "b", "10", "1", "é", ""]),
    }[kind]
    if allow_none and kind in ("float", "str", "bool"):
        base = st.one_of(base, st.none())
    return base


@st.composite
def columns(draw, kind=None, size=None, allow_none=True):
    kind = kind or draw(st.sampled_from(list(KINDS)))
    n = size if size is not None else draw(st.integers(0, 8))
    values = draw(st.lists(_values(kind, allow_none), min_size=n, max_size=n))
    return _pair(values, kind)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_differ_is_numpys_not_equal_any(data):
    n = data.draw(st.integers(1, 6))
    left, left_pd = data.draw(columns(size=n))
    right_n = data.draw(st.sampled_from([n, n, 1]))
    right, right_pd = data.draw(columns(size=right_n))
    expected = (left_pd.values != right_pd.values).any()
    assert any_differ(left, right) == bool(expected)


def test_any_differ_raises_numpys_broadcast_error():
    with pytest.raises(ValueError, match="could not be broadcast"):
        any_differ(pl.Series([1, 2, 3]), pl.Series([1, 2]))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_same_set_is_pythons_set_equality(data):
    left, left_pd = data.draw(columns(allow_none=False))
    right, right_pd = data.draw(columns(allow_none=False))
    assert same_set(left, right) == (set(left_pd) == set(right_pd))


@settings(max_examples=300, deadline=None)
@given(columns())
def test_sort_order_is_pandas_sort_values(pair):
    series, pd_series = pair
    expected = pd.DataFrame({"c": pd_series}).sort_values("c").index.to_numpy()
    assert pandas_sort_indices(series).tolist() == expected.tolist()


def test_sort_with_duplicates_follows_numpys_quicksort():
    rng = np.random.default_rng(0)
    values = [str(v) for v in rng.integers(0, 40, size=200)]
    expected = pd.DataFrame({"c": values}).sort_values("c").index.to_numpy()
    assert pandas_sort_indices(pl.Series(values)).tolist() == expected.tolist()


@settings(max_examples=200, deadline=None)
@given(columns())
def test_astype_str_is_pandas_astype_str(pair):
    series, pd_series = pair
    assert astype_str(series).to_list() == pd_series.astype(str).tolist()


def test_astype_str_uses_python_float_repr():
    assert astype_str(pl.Series([1e-05, 1e16, 0.1])).to_list() == ["1e-05", "1e+16", "0.1"]


@settings(max_examples=200, deadline=None)
@given(columns())
def test_fillna_empty_is_all_str(pair):
    series, pd_series = pair
    expected = all(isinstance(v, str) for v in pd_series.fillna(""))
    assert fillna_empty_is_all_str(series) == expected
