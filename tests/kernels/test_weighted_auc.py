"""ALASKA2's weighted AUC kernel against (1) a plain NumPy implementation of the same definition,
written from the competition's description, and (2) the reference's own ``alaska_weighted_auc``
run in the oracle interpreter when one is present (``MLEBENCH_ORACLE_PYTHON`` /
``MLEBENCH_REFERENCE_SRC``, default /work/oracle): values bit for bit, type, exceptions."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from mlebench_fast.kernels.weighted_auc import alaska_weighted_auc
from tests.kernels.test_classification import assert_parity, variants


def numpy_weighted_auc(y_true, y_score):
    """The definition, step by step, with NumPy only (slow and plain on purpose)."""
    y_true = np.asarray(y_true)
    y_score = np.asarray(y_score, dtype=np.float64)
    if y_true.shape[0] != y_score.shape[0]:
        msg = (
            "Found input variables with inconsistent numbers of samples: "
            f"[{y_true.shape[0]}, {y_score.shape[0]}]"
        )
        raise ValueError(msg)
    if not np.isfinite(y_score).all():
        kind = "NaN" if np.isnan(y_score).any() else "infinity or a value too large for dtype('float64')"
        raise ValueError(f"Input contains {kind}.")
    # roc_curve: thresholds at each distinct score, from the top
    order = np.argsort(y_score, kind="mergesort")[::-1]
    s, t = y_score[order], (y_true == 1)[order].astype(np.float64)
    ends = np.r_[np.flatnonzero(np.diff(s)), s.size - 1]
    tps = np.cumsum(t)[ends]
    fps = 1 + ends - tps
    if len(fps) > 2:
        keep = np.flatnonzero(np.r_[True, np.logical_or(np.diff(fps, 2), np.diff(tps, 2)), True])
        fps, tps = fps[keep], tps[keep]
    fps, tps = np.r_[0, fps], np.r_[0, tps]
    fpr = fps / fps[-1] if fps[-1] > 0 else np.repeat(np.nan, fps.shape)
    tpr = tps / tps[-1] if tps[-1] > 0 else np.repeat(np.nan, tps.shape)
    # insert each TPR threshold before the first point above it, FPR interpolated
    f, r = list(fpr), list(tpr)
    for thr in (0.0, 0.4, 1.0):
        if any(v == thr for v in r):
            continue
        above = [k for k, v in enumerate(r) if v > thr]
        if above:
            k = above[0]
            f.insert(k, f[k - 1] + (f[k] - f[k - 1]) * (thr - r[k - 1]) / (r[k] - r[k - 1]))
            r.insert(k, thr)
    fpr, tpr = np.array(f), np.array(r)
    total = 0
    for lo, hi, w in ((0.0, 0.4, 2), (0.4, 1.0, 1)):
        inside = (lo <= tpr) & (tpr <= hi)
        if not inside.any():
            continue
        x = np.r_[fpr[inside], 1.0]
        y = np.r_[tpr[inside], hi] - lo
        dx = np.diff(x)
        sign = 1
        if (dx < 0).any():
            if (dx <= 0).all():
                sign = -1
            else:
                raise ValueError(f"x is neither increasing nor decreasing : {x}.")
        total += sign * np.sum(dx * (y[1:] + y[:-1]) / 2.0) * w
    return total / np.dot(np.array([0.4, 1.0]) - np.array([0.0, 0.4]), [2, 1])


@st.composite
def labelled_scores(draw):
    n = draw(st.integers(1, 80))
    y = draw(hnp.arrays(np.int64, n, elements=st.integers(0, 1)))
    coarse = draw(st.sampled_from([0, 1, 2]))  # coarse grids make ties and exact 0.4 TPRs
    el = {0: st.floats(-1e3, 1e3), 1: st.integers(-2, 2).map(float), 2: st.sampled_from([0.0, 1.0])}
    s = draw(hnp.arrays(np.float64, n, elements=el[coarse]))
    return y.astype(draw(st.sampled_from([np.int64, np.float64]))), s


@settings(max_examples=300, deadline=None)
@given(labelled_scores())
def test_random_matches_numpy_definition(pair):
    assert_parity(alaska_weighted_auc, numpy_weighted_auc, *pair)


@pytest.mark.parametrize(
    "case", ["constant", "ties", "exact_04", "one_class", "all_positive", "nan", "inf", "length", "large", "perfect", "inverted"]
)
def test_adversarial(case):
    rng = np.random.default_rng(3)
    n = 300_000 if case == "large" else 50
    y = (rng.random(n) < 0.5).astype(np.float64)
    y[:2] = (0, 1)
    s = rng.random(n)
    if case == "constant":
        s[:] = 0.3
    elif case == "ties":
        s = np.round(s, 1)
    elif case == "exact_04":
        y = np.array([1.0] * 5 + [0.0] * 5)
        s = np.array([0.9, 0.8, 0.5, 0.4, 0.1, 0.7, 0.6, 0.3, 0.2, 0.05])
    elif case == "one_class":
        y[:] = 0
    elif case == "all_positive":
        y[:] = 1
    elif case == "nan":
        s[3] = np.nan
    elif case == "inf":
        s[3] = -np.inf
    elif case == "length":
        s = s[:-1]
    elif case == "perfect":
        s = y.copy()
    elif case == "inverted":
        s = 1 - y
    with np.errstate(all="ignore"):
        assert_parity(alaska_weighted_auc, numpy_weighted_auc, y, s)


def test_input_boundary():
    rng = np.random.default_rng(4)
    y = (rng.random(60) < 0.4).astype(np.int64)
    s = np.round(rng.random(60), 2)
    for _, view in variants(s):
        assert_parity(alaska_weighted_auc, numpy_weighted_auc, y, view)
    for _, view in variants(y):
        assert_parity(alaska_weighted_auc, numpy_weighted_auc, view, s)


ORACLE_PYTHON = Path(os.environ.get("MLEBENCH_ORACLE_PYTHON", "/work/oracle/venv/bin/python"))
REFERENCE_SRC = Path(os.environ.get("MLEBENCH_REFERENCE_SRC", "/work/oracle"))


@pytest.mark.skipif(
    not (ORACLE_PYTHON.is_file() and (REFERENCE_SRC / "mlebench").is_dir()),
    reason="no reference interpreter on this machine",
)
def test_matches_the_reference_function():
    rng = np.random.default_rng(5)
    cases = []
    for n in (2, 3, 5, 10, 37, 200, 5000):
        for grid in (None, 1, 2):
            y = (rng.random(n) < 0.5).astype(float)
            y[:2] = (0, 1)
            s = rng.random(n) if grid is None else np.round(rng.random(n), grid)
            cases.append((y.tolist(), s.tolist()))
    cases.append(([1.0] * 5 + [0.0] * 5, [0.9, 0.8, 0.5, 0.4, 0.1, 0.7, 0.6, 0.3, 0.2, 0.05]))
    script = (
        "import importlib, json, sys\n"
        "import numpy as np\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "m = importlib.import_module('mlebench.competitions.alaska2-image-steganalysis.grade')\n"
        "out = []\n"
        "for y, s in json.load(sys.stdin):\n"
        "    v = m.alaska_weighted_auc(np.array(y), np.array(s))\n"
        "    out.append([float(v).hex(), type(v).__name__])\n"
        "print(json.dumps(out))\n"
    )
    proc = subprocess.run(
        [str(ORACLE_PYTHON), "-W", "ignore", "-c", script, str(REFERENCE_SRC)],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        check=True,
    )
    for (y, s), (value, type_name) in zip(cases, json.loads(proc.stdout), strict=True):
        ours = alaska_weighted_auc(np.array(y), np.array(s))
        assert float(ours).hex() == value
        assert type(ours).__name__ == type_name
