"""Numeric kernels vs scikit-learn 1.5.2 at real sizes (pytest-benchmark; outside testpaths).

Run: PYTHONPATH=src .venv/bin/python -m pytest benchmarks/test_kernels_numeric.py --benchmark-only
Each group pairs ours with scikit-learn on the same inputs; kernels are warmed (compiled) first.
"""

from __future__ import annotations

import json
import warnings
from functools import partial
from pathlib import Path

import numpy as np
import pytest
from sklearn import metrics as skm

from benchmarks.timing import best_seconds
from mlebench_fast.kernels import classification as C
from mlebench_fast.kernels import regression as R

rng = np.random.default_rng(0)


def _auc(n):
    y = rng.integers(0, 2, n)
    return y, np.round(rng.random(n) + 0.3 * y, 6)


def _logloss(n, k):
    p = rng.random((n, k))
    p /= p.sum(axis=1, keepdims=True)
    return np.eye(k, dtype=np.int64)[rng.integers(0, k, n)], p


def _kappa(n):
    a = rng.integers(0, 5, n)
    return a, np.clip(a + rng.integers(-1, 2, n), 0, 4)


def _rmse(n):
    return rng.standard_normal(n), rng.standard_normal(n)


CASES = {
    "roc_auc-100000": (C.roc_auc_score, skm.roc_auc_score, _auc(100_000)),
    "log_loss-1023x120": (C.log_loss, skm.log_loss, _logloss(1023, 120)),
    "kappa_quadratic-367": (
        partial(C.cohen_kappa_score, weights="quadratic"),
        partial(skm.cohen_kappa_score, weights="quadratic"),
        _kappa(367),
    ),
    "kappa_quadratic-100000": (
        partial(C.cohen_kappa_score, weights="quadratic"),
        partial(skm.cohen_kappa_score, weights="quadratic"),
        _kappa(100_000),
    ),
    "rmse-9914": (R.root_mean_squared_error, skm.root_mean_squared_error, _rmse(9914)),
    "rmse-1000000": (R.root_mean_squared_error, skm.root_mean_squared_error, _rmse(1_000_000)),
}


@pytest.mark.parametrize("impl", ["ours", "sklearn"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_kernel(benchmark, case, impl):
    ours, theirs, args = CASES[case]
    fn = ours if impl == "ours" else theirs
    benchmark.group = case
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fn(*args)  # warm-up: JIT compile / load from cache
        result = benchmark(fn, *args)
        assert result == theirs(*args)


KERNEL_CEILINGS = json.loads((Path(__file__).parent / "ceilings.json").read_text())["kernels"]


@pytest.mark.parametrize("case", sorted(CASES))
def test_kernel_gate(case):
    """Our kernel's time over scikit-learn's, both measured now, stays under its recorded ceiling."""
    ours, theirs, args = CASES[case]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ours(*args)
        ratio = best_seconds(lambda: ours(*args)) / best_seconds(lambda: theirs(*args))
    assert ratio <= KERNEL_CEILINGS[case], (
        f"{case}: ours takes {ratio:.2f}x scikit-learn's time, above the recorded ceiling "
        f"{KERNEL_CEILINGS[case]}x"
    )
