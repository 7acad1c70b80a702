"""Probabilistic F1 against Kaggle's pfbeta loop (the plain Python reference, written here):
value and Python type, including the ZeroDivisionError of all-clipped integer sums."""

from __future__ import annotations

import warnings

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast.kernels.probabilistic_f1 import probabilistic_fbeta


def pfbeta_loop(labels, predictions, beta):
    y_true_count = ctp = cfp = 0
    for idx in range(len(labels)):
        prediction = min(max(predictions[idx], 0), 1)
        if labels[idx]:
            y_true_count += 1
            ctp += prediction
        else:
            cfp += prediction
    beta_squared = beta * beta
    c_precision = ctp / (ctp + cfp)
    c_recall = ctp / y_true_count
    if c_precision > 0 and c_recall > 0:
        return (1 + beta_squared) * (c_precision * c_recall) / (beta_squared * c_precision + c_recall)
    return 0


def outcome(fn, *args):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            return ("ok", fn(*args))
        except Exception as exc:  # noqa: BLE001
            return ("raise", type(exc))


floats = st.one_of(st.floats(-2, 3, allow_nan=False), st.sampled_from([0.0, -0.0, 1.0, np.nan, np.inf, -np.inf]))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 1), floats), min_size=1, max_size=30), st.sampled_from(["f", "i", "b"]))
def test_matches_loop(rows, dtype):
    labels = np.array([r[0] for r in rows], dtype=np.int64)
    labels[0] = 1
    preds = np.array([r[1] for r in rows])
    if dtype == "i":
        preds = np.nan_to_num(preds, posinf=3, neginf=-2).round().astype(np.int64)
    elif dtype == "b":
        preds = np.nan_to_num(preds) > 0.5
    got, want = outcome(probabilistic_fbeta, labels != 0, preds, 1), outcome(pfbeta_loop, labels, preds, 1)
    assert got[0] == want[0], (got, want)
    if got[0] == "ok":
        g, w = got[1], want[1]
        assert type(g) is type(w), (type(g), type(w))
        assert (g != g and w != w) or g == w, (g, w)
    else:
        assert got[1] is want[1]


def test_large():
    rng = np.random.default_rng(0)
    labels = rng.random(100_000) < 0.03
    preds = rng.random(100_000) * 1.2 - 0.1
    assert probabilistic_fbeta(labels, preds) == pfbeta_loop(labels.astype(int), preds, 1)
