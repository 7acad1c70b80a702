"""validation.sklearn_targets against scikit-learn 1.5.2's own checks."""

import warnings

import numpy as np
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics._classification import _check_targets
from sklearn.utils.multiclass import type_of_target as sk_type_of_target
from sklearn.utils.multiclass import unique_labels

from mlebench_fast.validation.sklearn_targets import (
    check_targets,
    check_unique_labels,
    labels_equal,
    type_of_target,
)

from .test_frames import columns


def _outcome(fn, *args):
    try:
        with warnings.catch_warnings():
            # numpy warns casting NaN to int inside scikit-learn; the verdict is what matters.
            warnings.simplefilter("ignore", RuntimeWarning)
            return ("ok", fn(*args))
    except (ValueError, TypeError) as exc:
        return ("error", type(exc))


@settings(max_examples=400, deadline=None)
@given(columns())
def test_type_of_target(pair):
    series, pd_series = pair
    ours = _outcome(type_of_target, series, "y_true")
    theirs = _outcome(sk_type_of_target, pd_series.to_numpy(), "y_true")
    assert ours == theirs


def _sk_check(y_true, y_pred):
    return _check_targets(y_true, y_pred)[0]


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_check_targets(data):
    n = data.draw(st.integers(1, 6))
    (a, a_pd), (b, b_pd) = data.draw(columns(size=n)), data.draw(columns(size=n))
    ours = _outcome(check_targets, a, b)
    theirs = _outcome(_sk_check, a_pd.to_numpy(), b_pd.to_numpy())
    assert ours == theirs


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_unique_labels_and_equality(data):
    n = data.draw(st.integers(1, 6))
    (a, a_pd), (b, b_pd) = data.draw(columns(size=n)), data.draw(columns(size=n))
    if _outcome(_sk_check, a_pd.to_numpy(), b_pd.to_numpy())[0] != "ok":
        return
    ours = _outcome(check_unique_labels, a, b)
    theirs = _outcome(unique_labels, a_pd.to_numpy(), b_pd.to_numpy())
    assert ours[0] == theirs[0]
    expected = (a_pd.to_numpy() == b_pd.to_numpy())
    assert labels_equal(a, b).tolist() == list(np.broadcast_to(expected, (n,)))


def test_mixed_string_and_number_labels_are_rejected_in_binary_targets():
    outcome = _outcome(check_targets, pl.Series([True, False]), pl.Series(["no", "yes"]))
    assert outcome == ("error", TypeError)
