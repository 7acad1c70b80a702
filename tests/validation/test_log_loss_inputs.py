"""The shared one-hot log-loss helpers against scipy's softmax and the reference's definitions."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.special import softmax as scipy_softmax

from mlebench_fast.competitions.shared.log_loss import (
    is_one_hot_encoded,
    one_hot_answers,
    one_hot_log_loss_inputs,
    softmax,
)
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table


@settings(max_examples=200, deadline=None)
@given(arrays(np.float64, st.tuples(st.integers(1, 20), st.integers(1, 6)),
              elements=st.floats(-50, 50)))
def test_softmax_is_scipys(x):
    assert np.array_equal(softmax(x), scipy_softmax(x, axis=-1))


def test_is_one_hot_encoded():
    assert is_one_hot_encoded(np.eye(3))
    assert not is_one_hot_encoded(np.array([[1.0, 1.0, 0.0]]))
    assert not is_one_hot_encoded(np.array([[0.5, 0.5]]))
    assert is_one_hot_encoded(np.array([[1, 0], [0, 1]]))


def _answers() -> Table:
    return Table(pl.DataFrame({"id": [3, 1, 2], "a": [1, 0, 0], "b": [0, 1, 1]}))


def test_inputs_sorted_by_id_and_softmax_only_when_asked():
    answers = one_hot_answers(_answers(), "id")
    sub = Table(pl.DataFrame({"b": [2.0, 0.0, 1.0], "id": [2, 3, 1], "a": [0.0, 1.0, 1.0]}))
    y_true, y_pred = one_hot_log_loss_inputs(sub, answers, apply_softmax=False)
    assert y_true.tolist() == [[0, 1], [0, 1], [1, 0]]
    assert y_pred.tolist() == [[1.0, 1.0], [0.0, 2.0], [1.0, 0.0]]
    _, soft = one_hot_log_loss_inputs(sub, answers, apply_softmax=True)
    assert np.array_equal(soft, scipy_softmax(y_pred, axis=-1))


def test_inputs_reject_missing_columns_and_other_ids():
    answers = one_hot_answers(_answers(), "id")
    with pytest.raises(InvalidSubmissionError):
        one_hot_log_loss_inputs(Table(pl.DataFrame({"id": [1, 2, 3], "a": [1.0] * 3})), answers)
    other = Table(pl.DataFrame({"id": [1, 2, 4], "a": [1.0] * 3, "b": [0.0] * 3}))
    with pytest.raises(AssertionError):
        one_hot_log_loss_inputs(other, answers)
    short = Table(pl.DataFrame({"id": [1], "a": [1.0], "b": [0.0]}))
    with pytest.raises(AssertionError):
        one_hot_log_loss_inputs(short, answers)
