"""The object-array quicksort on rank codes against numpy's own argsort of Python strings."""

import numpy as np
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast.kernels.introsort import object_argsort


def _numpy_order(codes: np.ndarray) -> np.ndarray:
    strings = np.array([f"s{c:08d}" for c in codes], dtype=object)
    return np.argsort(strings, kind="quicksort")


@settings(max_examples=300, deadline=None)
@given(
    codes=st.one_of(
        st.lists(st.integers(0, 3), max_size=200),  # heavy ties: the case this exists for
        st.lists(st.integers(0, 10**6), max_size=200),
        st.integers(0, 3000).map(lambda n: np.random.default_rng(n).integers(0, 1 + n // 7, n).tolist()),
    )
)
def test_same_permutation_as_numpy_on_objects(codes):
    codes = np.array(codes, dtype=np.int64)
    assert np.array_equal(object_argsort(codes), _numpy_order(codes))


def _median_of_three_killer(n: int) -> np.ndarray:
    # Musser's sequence: defeats median-of-three pivots, so the depth budget runs out and the
    # heapsort fallback sorts the rest.
    half = n // 2
    values = np.zeros(n, dtype=np.int64)
    for i in range(1, half + 1):
        if i % 2:
            values[i - 1], values[i] = i, half + i
        values[half + i - 1] = 2 * i
    return values


def test_heapsort_fallback_and_presorted_inputs():
    for n in (64, 1000, 4096):
        for codes in (
            _median_of_three_killer(n),
            np.arange(n),
            np.arange(n)[::-1].copy(),
            np.zeros(n, dtype=np.int64),
            np.arange(n) % 7,
        ):
            assert np.array_equal(object_argsort(codes), _numpy_order(codes))


def test_dense_rank_of_strings_orders_as_python_compares_them():
    # Polars orders UTF-8 bytes, which is code point order: Python's str order.
    words = ["b", "a", "", "é", "z", "ä", "a", "\U0001f600", "Z", "é", "\x00"]
    codes = pl.Series(words).rank("dense").to_numpy().astype(np.int64)
    assert np.array_equal(object_argsort(codes), np.argsort(np.array(words, dtype=object), kind="quicksort"))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(0, 5), min_size=1, max_size=300),
    st.sampled_from([-3, 2**31, 2**40]),
)
def test_codes_that_do_not_pack_into_a_word(codes, shift):
    # Negative codes or codes of 2**31 and more are replaced by their dense ranks first: the
    # same permutation.
    codes = np.array(codes, dtype=np.int64) + shift
    objects = np.array(codes.tolist(), dtype=object)
    assert np.array_equal(object_argsort(codes), np.argsort(objects, kind="quicksort"))
