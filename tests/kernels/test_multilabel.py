"""Column-wise ROC AUC against scikit-learn 1.5.2's ``roc_auc_score(average="macro")``: values,
return type and exceptions, on random and adversarial label matrices."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from sklearn.metrics import roc_auc_score

from mlebench_fast.kernels.multilabel import macro_roc_auc_score
from tests.kernels.test_classification import assert_parity, variants


def sk_macro(y_true, y_score):
    return roc_auc_score(y_true, y_score, average="macro")


@st.composite
def matrices(draw):
    n = draw(st.integers(0, 50))
    k = draw(st.integers(2, 7))
    y = draw(hnp.arrays(np.int64, (n, k), elements=st.integers(0, 1)))
    grid = draw(st.booleans())  # a coarse grid makes ties
    el = st.integers(-2, 2).map(float) if grid else st.floats(0, 1)
    k_score = draw(st.sampled_from([k, k, k - 1, k + 1]))
    s = draw(hnp.arrays(np.float64, (n, k_score), elements=el))
    dtype = draw(st.sampled_from([np.float64, np.float32, np.int64]))
    return y, s.astype(dtype)


@settings(max_examples=150, deadline=None)
@given(matrices())
def test_random_matches_sklearn(pair):
    y, s = pair
    assert_parity(macro_roc_auc_score, sk_macro, y, s)


def _both_classes(n, k, rng):
    y = (rng.random((n, k)) < 0.3).astype(np.int64)
    y[0], y[1] = 0, 1
    return y


@pytest.mark.parametrize(
    "case",
    [
        "constant",
        "ties",
        "one_class_column",
        "nan",
        "inf",
        "empty",
        "minus_one_labels",
        "labels_0_2",
        "object_scores",
        "string_scores",
        "bool_scores",
        "row_mismatch",
        "large",
    ],
)
def test_adversarial(case):
    rng = np.random.default_rng(0)
    n, k = (200_000, 6) if case == "large" else (30, 4)
    y = _both_classes(n, k, rng)
    s = rng.random((n, k))
    if case == "constant":
        s[:] = 0.5
    elif case == "ties":
        s = np.round(s, 1)
    elif case == "one_class_column":
        y[:, 2] = 0
    elif case == "nan":
        s[3, 1] = np.nan
    elif case == "inf":
        s[3, 1] = np.inf
    elif case == "empty":
        y, s = y[:0], s[:0]
    elif case == "minus_one_labels":
        y = y * 2 - 1
    elif case == "labels_0_2":
        y = y * 2
    elif case == "object_scores":
        s = s.astype(object)
    elif case == "string_scores":
        s = s.astype(str)
    elif case == "bool_scores":
        s = s > 0.5
    elif case == "row_mismatch":
        s = s[:-1]
    assert_parity(macro_roc_auc_score, sk_macro, y, s)


def test_input_boundary():
    rng = np.random.default_rng(1)
    y = _both_classes(40, 3, rng)
    s = rng.random((40, 3))
    for _, view in variants(s):
        assert_parity(macro_roc_auc_score, sk_macro, y, view)
    for _, view in variants(y):
        assert_parity(macro_roc_auc_score, sk_macro, view, s)
    assert_parity(macro_roc_auc_score, sk_macro, y, np.asfortranarray(s))


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), columns=st.integers(1, 7), ties=st.booleans())
def test_large_columns_on_threads_match_sklearn(seed, columns, ties):
    # Past the row count where the columns' AUCs share the kernel threads: same scores, in the
    # columns' order, whatever the thread count.
    from mlebench_fast.kernels.multilabel import _PARALLEL_MIN_ROWS, columnwise_roc_auc_score

    rng = np.random.default_rng(seed)
    rows = _PARALLEL_MIN_ROWS + int(rng.integers(0, 5000))
    y_true = (rng.random((rows, columns)) < rng.uniform(0.01, 0.5, columns)).astype(np.int64)
    y_true[0], y_true[1] = 0, 1  # both classes in every column
    y_score = rng.random((rows, columns))
    if ties:
        y_score = np.round(y_score, 2)
    expected = roc_auc_score(y_true, y_score, average="macro")
    true_columns = [y_true[:, c].copy() for c in range(columns)]
    score_columns = [y_score[:, c].copy() for c in range(columns)]
    for threads in ("1", "2", "3"):
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("MLEBENCH_FAST_THREADS", threads)
            got = columnwise_roc_auc_score(true_columns, score_columns)
        assert type(got) is np.float64 and got == expected
