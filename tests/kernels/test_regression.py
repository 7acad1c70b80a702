"""Regression kernels against scikit-learn 1.5.2: value (bit-identical), type and exceptions.

Common tests over a table of kernels (scikit-learn's metrics/tests/test_common.py pattern), with
hypothesis-generated and adversarial inputs and the input boundary (read-only, strided, byte order).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from sklearn import metrics as skm

from mlebench_fast.kernels import regression as R

from .parity import assert_parity, variants

KERNELS = {
    "mean_squared_error": (R.mean_squared_error, skm.mean_squared_error),
    "root_mean_squared_error": (R.root_mean_squared_error, skm.root_mean_squared_error),
    "mean_absolute_error": (R.mean_absolute_error, skm.mean_absolute_error),
    "root_mean_squared_log_error": (
        R.root_mean_squared_log_error,
        skm.root_mean_squared_log_error,
    ),
}
NAMES = sorted(KERNELS)

floats = st.floats(allow_nan=True, allow_infinity=True, width=64)
finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


@st.composite
def pairs(draw, elements=finite):
    n = draw(st.integers(0, 300))
    dtype = draw(st.sampled_from([np.float64, np.float32, np.int64]))
    if dtype is np.int64:
        elements = st.integers(-1000, 1000)
    a = draw(hnp.arrays(dtype, n, elements=elements))
    b = draw(hnp.arrays(dtype, n, elements=elements))
    return a, b


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=60, deadline=None)
@given(data=pairs())
def test_random_matches_sklearn(name, data):
    ours, theirs = KERNELS[name]
    a, b = data
    if name == "root_mean_squared_log_error":
        a, b = np.abs(a), np.abs(b)
    assert_parity(ours, theirs, a, b)


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=40, deadline=None)
@given(a=hnp.arrays(np.float64, st.integers(0, 20), elements=floats), data=st.data())
def test_nan_inf_negative_match_sklearn(name, a, data):
    b = data.draw(hnp.arrays(np.float64, a.shape[0], elements=floats))
    assert_parity(*KERNELS[name], a, b)


ADVERSARIAL = {
    "empty": (np.array([]), np.array([])),
    "n=1": (np.array([3.0]), np.array([1.5])),
    "length mismatch": (np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0])),
    "nan in y_true": (np.array([1.0, np.nan]), np.array([1.0, 2.0])),
    "inf then nan": (np.array([np.inf, 1.0]), np.array([1.0, np.nan])),
    "nan beats inf": (np.array([np.inf, np.nan]), np.array([1.0, 2.0])),
    "float32 inf": (np.array([1, np.inf], np.float32), np.array([1, 2], np.float32)),
    "negative": (np.array([1.0, 2.0]), np.array([-1e-300, 2.0])),
    "bool": (np.array([True, False]), np.array([True, True])),
    "int": (np.array([1, 2, 3]), np.array([1, 2, 2])),
    "uint8 wraps": (np.array([1, 2, 3], np.uint8), np.array([3, 2, 1], np.uint8)),
    "int16 vs uint8": (np.array([-300, 2], np.int16), np.array([255, 2], np.uint8)),
    "mixed f32 f64": (np.array([1.5, 2.25], np.float32), np.array([1.0, 2.0])),
    "object": (np.array([1.5, 2], dtype=object), np.array([1.0, 2.0])),
    "column": (np.array([[1.0], [2.0]]), np.array([1.5, 2.5])),
    "huge": (np.array([1e300, -1e300]), np.array([-1e300, 1e300])),
    "constant": (np.full(10, 7.0), np.full(10, 7.0)),
}


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("case", sorted(ADVERSARIAL))
def test_adversarial_matches_sklearn(name, case):
    a, b = ADVERSARIAL[case]
    assert_parity(*KERNELS[name], a, b)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("n", [8191, 8192, 8193, 9914, 100_003])
@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.int64])
def test_large_n_bit_identical(name, n, dtype):
    """Sizes around numpy's 8,192-element reduction chunk, where summation order shows."""
    rng = np.random.default_rng(n)
    a = (np.abs(rng.standard_normal(n)) * 1e3).astype(dtype)
    b = (np.abs(rng.standard_normal(n)) * 1e3).astype(dtype)
    assert_parity(*KERNELS[name], a, b)


@pytest.mark.parametrize("name", NAMES)
def test_input_boundary(name):
    rng = np.random.default_rng(0)
    for dtype in (np.float64, np.float32, np.int64):
        a = (np.abs(rng.standard_normal(257)) * 50).astype(dtype)
        b = (np.abs(rng.standard_normal(257)) * 50).astype(dtype)
        for (_, va), (_, vb) in zip(variants(a), variants(b)):
            assert_parity(*KERNELS[name], va, vb)
