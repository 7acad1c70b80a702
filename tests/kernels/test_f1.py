"""Single-label macro / micro F1 against scikit-learn 1.5.2's ``f1_score``: value (bit for bit),
return type and exceptions, on hypothesis-generated and adversarial inputs; ``TrueLabels``
(the answers tallied once) against the same."""

from __future__ import annotations

from functools import partial

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from sklearn import metrics as skm

from mlebench_fast.kernels import f1 as F

from .parity import assert_parity, sk_outcome, variants

AVERAGES = ("macro", "micro")


def ours(average):
    return partial(F.f1_score, average=average)


def theirs(average):
    return partial(skm.f1_score, average=average)


@st.composite
def label_pairs(draw):
    n = draw(st.integers(0, 80))
    k = draw(st.integers(1, 12))
    dtype = draw(st.sampled_from([np.int64, np.int32, np.uint8, np.float64, np.bool_, np.str_]))
    shift = draw(st.sampled_from([0, -5, 10**12]))
    a = draw(hnp.arrays(np.int64, n, elements=st.integers(0, k - 1)))
    b = draw(hnp.arrays(np.int64, n, elements=st.integers(0, k + 2)))  # spurious labels too
    if dtype is np.bool_:
        return a % 2 == 1, b % 2 == 1
    if dtype is np.str_:
        return (np.char.add("c", a.astype(str)), np.char.add("c", b.astype(str)))
    if dtype in (np.uint8, np.int32):
        return a.astype(dtype), b.astype(dtype)
    return (a * 7 + shift).astype(dtype), (b * 7 + shift).astype(dtype)


@pytest.mark.parametrize("average", AVERAGES)
@settings(max_examples=150, deadline=None)
@given(pair=label_pairs())
def test_random_matches_sklearn(average, pair):
    a, b = pair
    assert_parity(ours(average), theirs(average), a, b)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_many_labels_pairwise_order(data):
    """Enough labels (> 8, > 128) that numpy's pairwise blocks decide the last bits, with spurious
    and unpredicted labels interleaved."""
    n = data.draw(st.integers(1, 3000))
    k = data.draw(st.integers(9, 700))
    seed = data.draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    a = rng.integers(0, k, n) * 3
    b = np.where(rng.random(n) < 0.6, a, rng.integers(-2, k + 2, n) * 3 + rng.integers(0, 2, n))
    assert_parity(ours("macro"), theirs("macro"), a, b)
    assert_parity(ours("micro"), theirs("micro"), a, b)


NAN, INF = np.nan, np.inf
A = np.array
ADVERSARIAL = [
    (A([], np.int64), A([], np.int64)),
    ([], []),
    ([1, 1, 1], [1, 1, 1]),
    ([1, 1, 1], [2, 2, 2]),
    ([0], [0]),
    ([0], [4]),
    ([1, 2, 3], [1, 2, 4]),
    ([1, 2, 3], [1, 1, 1]),
    ([1, 2, 3], [1, 2, 2.5]),
    ([1, 2, 3], [1, 2, NAN]),
    ([1, 2, 3], [1, 2, INF]),
    ([1.0, 2.0, 3.0], [1, 2, 3]),
    ([1, 2, 3], [1, 2]),
    (["a", "b"], [1, 2]),
    (["a", "b", "c"], [1, 2, 3]),
    (["a", "b"], [True, False]),
    (["a", "b", "c"], ["a", "b", "b"]),
    (["a", "b"], ["a", "c"]),
    (["a", "b", "c"], [NAN, NAN, NAN]),
    ([True, False], [1, 0]),
    ([0, 1], [True, False]),
    ([10**15, 2, -(10**15)], [10**15, -3, 2]),
    ([2**62, 0], [0, 2**62]),
    ([1, 0, 1], [1, 1, 1]),
    ([0, 4, 4, 0], [4, 0, 4, 0]),
    (A([1, 2, 3]), A([1, 2, 3], np.uint64)),
    (A([[1, 0], [0, 1]]), A([[1, 0], [1, 1]])),
]


@pytest.mark.parametrize("average", AVERAGES)
@pytest.mark.parametrize(("a", "b"), ADVERSARIAL, ids=[str(i) for i in range(len(ADVERSARIAL))])
def test_adversarial_matches_sklearn(average, a, b):
    if np.ndim(a) == 2:  # multilabel indicators belong to kernels/multilabel_f1.py
        with pytest.raises(ValueError, match="1-D label vectors"):
            F.f1_score(a, b, average=average)
        return
    assert_parity(ours(average), theirs(average), a, b)


@pytest.mark.parametrize("n", [8193, 200_000])
def test_large_n(n):
    rng = np.random.default_rng(n)
    k = 5000
    a = rng.integers(0, k, n)
    b = np.where(rng.random(n) < 0.7, a, rng.integers(0, k + 50, n))
    for average in AVERAGES:
        assert_parity(ours(average), theirs(average), a, b)


def test_input_boundary():
    rng = np.random.default_rng(1)
    a = rng.integers(0, 40, 301)
    b = rng.integers(0, 44, 301)
    for _, va in variants(a):
        for _, vb in variants(b):
            assert_parity(ours("macro"), theirs("macro"), va, vb)


def test_average_is_checked():
    with pytest.raises(ValueError, match="average"):
        F.f1_score([1], [1], average="weighted")


# ------------------------------------------------------------------------ TrueLabels


def _prepared_macro(a, b):
    return F.TrueLabels.of(np.asarray(a, dtype=np.int64)).macro_f1(np.asarray(b, dtype=np.int64))


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_true_labels_match_sklearn(data):
    n = data.draw(st.integers(1, 400))
    k = data.draw(st.integers(1, 300))
    low = data.draw(st.sampled_from([0, -7, 5000, 2**40]))
    a = low + data.draw(hnp.arrays(np.int64, n, elements=st.integers(0, k - 1)))
    outside = data.draw(st.sampled_from([0, k, 10**9, -(10**12), 2**62]))
    b = low + data.draw(
        hnp.arrays(np.int64, n, elements=st.integers(0, k - 1) | st.integers(-3, 3).map(
            lambda d: d + outside if outside else d))
    )
    assert_parity(_prepared_macro, theirs("macro"), a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ([0, 64_499, 3], [0, 64_499, 3]),
        ([5, 5, 5], [-(2**63), 2**63 - 1, 5]),
        ([5, 7, 5], [6, 6, 4]),
        ([0, 10**15], [0, 10**15]),  # too wide for a dense table: the general path
        ([0, 10**15, 3], [1, 2, 10**15]),
        ([3], [3]),
    ],
)
def test_true_labels_edges(a, b):
    assert_parity(_prepared_macro, theirs("macro"), a, b)


def test_true_labels_real_size():
    """herbarium-2021: 477k rows over 64,500 classes, predictions partly outside that range."""
    rng = np.random.default_rng(3)
    n, k = 477_352, 64_500
    a = np.concatenate([np.arange(k), rng.integers(0, k, n - k)])
    rng.shuffle(a)
    b = np.where(rng.random(n) < 0.5, a, rng.integers(-10, k + 10, n))
    assert_parity(_prepared_macro, theirs("macro"), a, b)


def test_true_labels_length_mismatch_raises_like_sklearn():
    got = pytest.raises(ValueError, _prepared_macro, [1, 2, 3], [1, 2])
    want = sk_outcome(skm.f1_score, [1, 2, 3], [1, 2], average="macro")
    assert want[0] == "raise" and str(got.value) == want[1][1]
