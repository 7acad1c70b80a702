"""Classification kernels against scikit-learn 1.5.2: value, return type and exceptions.

Common tests over a table of kernels (scikit-learn's metrics/tests/test_common.py pattern), with
hypothesis-generated and adversarial inputs (ties, constant predictions, one class, NaN, inf,
empty, n=1, large n) and the input boundary (read-only, strided, byte order, dtypes).
"""

from __future__ import annotations

from functools import partial

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from sklearn import metrics as skm

from mlebench_fast.kernels import classification as C

from .parity import assert_parity, outcome, sk_outcome, variants

# name -> (ours, sklearn, input kind)
KERNELS = {
    "roc_auc_score": (C.roc_auc_score, skm.roc_auc_score, "scores"),
    "log_loss": (C.log_loss, skm.log_loss, "probabilities"),
    "cohen_kappa_score": (C.cohen_kappa_score, skm.cohen_kappa_score, "labels"),
    "cohen_kappa_score_linear": (
        partial(C.cohen_kappa_score, weights="linear"),
        partial(skm.cohen_kappa_score, weights="linear"),
        "labels",
    ),
    "cohen_kappa_score_quadratic": (
        partial(C.cohen_kappa_score, weights="quadratic"),
        partial(skm.cohen_kappa_score, weights="quadratic"),
        "labels",
    ),
    "accuracy_score": (C.accuracy_score, skm.accuracy_score, "labels"),
    "matthews_corrcoef": (C.matthews_corrcoef, skm.matthews_corrcoef, "labels"),
}
NAMES = sorted(KERNELS)


@st.composite
def inputs(draw, kind):
    n = draw(st.integers(0, 60))
    if kind == "labels":
        k = draw(st.integers(1, 6))
        dtype = draw(st.sampled_from([np.int64, np.float64, np.int32, np.bool_, np.str_]))
        a = draw(hnp.arrays(np.int64, n, elements=st.integers(0, k - 1)))
        b = draw(hnp.arrays(np.int64, n, elements=st.integers(0, k - 1)))
        if dtype is np.bool_:
            return a % 2 == 1, b % 2 == 1
        if dtype is np.str_:
            return a.astype(str), b.astype(str)
        return (a * 3).astype(dtype), (b * 3 - 1).astype(dtype)
    y = draw(hnp.arrays(np.int64, n, elements=st.integers(0, 1)))
    grid = draw(st.sampled_from([0, 1, 2]))  # coarse grids make ties
    if kind == "scores":
        el = st.floats(-1e3, 1e3) if grid == 0 else st.integers(-3, 3).map(float)
        dtype = draw(st.sampled_from([np.float64, np.float32, np.int64]))
    else:
        el = st.floats(0, 1) if grid == 0 else st.sampled_from([0.0, 1e-20, 0.5, 1 - 1e-17, 1.0])
        dtype = draw(st.sampled_from([np.float64, np.float32]))
    s = draw(hnp.arrays(np.float64, n, elements=el)).astype(dtype)
    return y, s


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_random_matches_sklearn(name, data):
    ours, theirs, kind = KERNELS[name]
    a, b = data.draw(inputs(kind))
    assert_parity(ours, theirs, a, b)


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_log_loss_multiclass_matches_sklearn(data):
    n = data.draw(st.integers(1, 40))
    k = data.draw(st.integers(2, 12))
    p = data.draw(hnp.arrays(np.float64, (n, k), elements=st.floats(0, 1)))
    labels = data.draw(hnp.arrays(np.int64, n, elements=st.integers(0, k - 1)))
    onehot = np.eye(k, dtype=np.int64)[labels]
    assert_parity(C.log_loss, skm.log_loss, onehot, p)  # 2-D indicator, as graders call it
    assert_parity(C.log_loss, skm.log_loss, labels, p)  # 1-D labels
    multihot = data.draw(hnp.arrays(np.int64, (n, k), elements=st.integers(0, 1)))
    assert_parity(C.log_loss, skm.log_loss, multihot, p)


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_log_loss_explicit_eps_equals_preclipped_sklearn(data):
    n = data.draw(st.integers(2, 30))
    p = data.draw(hnp.arrays(np.float64, (n, 3), elements=st.sampled_from([0.0, 1e-16, 0.3, 1.0])))
    labels = np.arange(n) % 3
    onehot = np.eye(3, dtype=np.int64)[labels]
    want = sk_outcome(skm.log_loss, onehot, np.clip(p, 1e-15, 1 - 1e-15))
    got = outcome(C.log_loss, onehot, p, eps=1e-15)
    assert got == want


NAN, INF = np.nan, np.inf
A = np.array
ADVERSARIAL = {
    "roc_auc_score": [
        ([0, 1, 0], [0.1, NAN, INF]),
        ([0, 1, 0], [0.1, 2, -INF]),
        ([0, 1, 0], A([0.1, 2, INF], np.float32)),
        ([1, 1, 1], [0.1, 0.2, 0.3]),
        ([1, 2, 1], [0.1, 0.2, 0.3]),
        ([0, 1, 2], [0.1, 0.2, 0.3]),
        ([0, 1.5, 0], [0.1, 0.2, 0.3]),
        ([0, 1, NAN], [0.1, 0.2, 0.3]),
        (A([]), A([])),
        ([0, 1, 0], [0.1, 0.2]),
        (["a", "b", "a"], [0.1, 0.2, 0.3]),
        ([True, False, True], [0.1, 0.2, 0.3]),
        ([1, 0, 1], [True, False, False]),
        ([1], [0.3]),
        ([1, 0, 1], [[0.3], [0.2], [0.1]]),
        ([1, 0, 1], [[0.3, 0.1], [0.2, 0.1], [0.1, 0.1]]),
        ([1, 0, 1, 0], [0.0, -0.0, 0.0, -0.0]),
        ([1, 0, 1, 0], [5.0, 5.0, 5.0, 5.0]),
        ([0, 1], [2**60 + 1, 2**60]),
    ],
    "log_loss": [
        ([0, 1, 1], [0.1, 0.9, 0.8]),
        ([1, 1, 1], [0.1, 0.9, 0.8]),
        (A([[1, 0, 0], [0, 1, 0]]), A([[0.5, 0.3, 0.2], [0.1, 0.8, 0.1]])),
        (A([[2, 0, 0], [0, 1, 0]]), A([[0.5, 0.3, 0.2], [0.1, 0.8, 0.1]])),
        (A([[2, 0, 0], [0, 2, 0]]), A([[0.5, 0.3, 0.2], [0.1, 0.8, 0.1]])),
        (A([[1, 0, 0], [0, 1, 0]]), A([[0.5, 0.5], [0.1, 0.9]])),
        (A([[0, 0, 0], [0, 0, 0]]), A([[0.5, 0.3, 0.2], [0.1, 0.8, 0.1]])),
        (A([[1.0, 0, 0], [0, 1, 0]]), A([[0.5, 0.3, 0.2], [0.1, 0.8, 0.1]])),
        (A([[1.5, 0, 0], [0, 1, 0]]), A([[0.5, 0.3, 0.2], [0.1, 0.8, 0.1]])),
        (A([[True, False], [False, True]]), A([[0.5, 0.5], [0.1, 0.9]])),
        (A([[1], [0]]), A([0.5, 0.1])),
        ([0, 1], [NAN, 0.5]),
        ([0, 1], [INF, 0.5]),
        ([0, 1], [2.0, 0.5]),
        ([0, 1], [-2.0, 0.5]),
        (A([]), A([])),
        ([1, 2, 1], [0.2, 0.9, 0.3]),
        ([0, 1, 2], [0.2, 0.9, 0.3]),
        ([0, 1, 1], [0.1, 0.9]),
        ([0, 1, NAN], [0.1, 0.9, 0.1]),
        ([0, 1, 1], [0, 1, 1]),
        (["a", "b", "b"], [0.0, 1.0, 1.0]),
        ([0, 1], A([[0.3, 0.3, 0.4], [0.1, 0.2, 0.7]])),
        ([0, 1, 1], A([0.0, 1.0, 1.0], np.float32)),
        ([0, 1], A([[0.3, 0.9], [0.0, 0.0]])),
    ],
    "labels": [
        ([1, 1, 1], [1, 1, 1]),
        ([1, 2, 3], [1, 2, 2.5]),
        ([1, 2, 3], [1, 2, NAN]),
        ([1, 2, 3], [1, 2, INF]),
        (A([]), A([])),
        (["1", "2"], [1, 2]),
        ([1, 2, 3], [1, 2]),
        ([1.5, 2.5, 3], [1.5, 2, 2]),
        ([10**12, 2, 3], [1, -5, 2]),
        ([True, False], [1, 0]),
        (["a", "b"], ["a", "c"]),
        ([1, 0, 1], [1, 1, 1]),
        ([0], [4]),
        ([0, 4, 4, 0], [4, 0, 4, 0]),
        (A([[1, 0], [0, 1]]), A([[1, 0], [1, 1]])),
    ],
}


def _cases():
    for name in NAMES:
        kind = KERNELS[name][2]
        group = {"scores": "roc_auc_score", "probabilities": "log_loss"}.get(kind, "labels")
        for i, (a, b) in enumerate(ADVERSARIAL[group]):
            yield pytest.param(name, a, b, id=f"{name}-{i}")


@pytest.mark.parametrize(("name", "a", "b"), list(_cases()))
def test_adversarial_matches_sklearn(name, a, b):
    ours, theirs, _ = KERNELS[name]
    assert_parity(ours, theirs, a, b)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("n", [8193, 100_000])
def test_large_n(name, n):
    rng = np.random.default_rng(n)
    ours, theirs, kind = KERNELS[name]
    if kind == "labels":
        a = rng.integers(0, 5, n)
        b = np.clip(a + rng.integers(-1, 2, n), 0, 5)
    elif kind == "scores":
        a = rng.integers(0, 2, n)
        b = np.round(rng.random(n) + 0.3 * a, 3)  # many ties
    else:
        a = rng.integers(0, 2, n)
        b = np.clip(rng.random(n) * 0.6 + 0.4 * a, 0, 1)
    assert_parity(ours, theirs, a, b)


def test_log_loss_reference_shape():
    """dog-breed-identification: 1,023 x 120 one-hot answers."""
    rng = np.random.default_rng(0)
    p = rng.random((1023, 120))
    p /= p.sum(axis=1, keepdims=True)
    onehot = np.eye(120, dtype=np.int64)[rng.integers(0, 120, 1023)]
    assert_parity(C.log_loss, skm.log_loss, onehot, p)


@pytest.mark.parametrize("name", NAMES)
def test_input_boundary(name):
    rng = np.random.default_rng(1)
    ours, theirs, kind = KERNELS[name]
    a = rng.integers(0, 2 if kind != "labels" else 4, 301)
    b = rng.random(301) if kind != "labels" else rng.integers(0, 4, 301)
    for (_, va), (_, vb) in zip(variants(a), variants(b)):
        assert_parity(ours, theirs, va, vb)
