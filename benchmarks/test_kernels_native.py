"""The Cython kernels against the baselines the reference uses, at the real test-set sizes.

- Levenshtein: 484,838 InChI-like pairs (bms-molecular-translation's test set), near-identical
  pairs (a good model) and unrelated pairs (a poor one), against a ``Levenshtein.distance`` loop
  over Python str -- the reference's ``edit_distance_array``.
- Masks: 1,000 images of 101x101 (tgs-salt), decoded and scored by the kernel on run intervals
  against a plain NumPy version that paints images and scores them with ``np.histogram2d``.

Each comparison is one pytest-benchmark group parametrized over the implementation; the gates are
ratios measured in the same run.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import polars as pl
import pytest

from benchmarks.timing import best_seconds
from mlebench_fast.kernels.masks import tgs_salt_score
from mlebench_fast.kernels.strings import levenshtein_distances
from tests.kernels.test_masks import blob_masks, encode, oracle_decode, oracle_iou_metric

Levenshtein = pytest.importorskip("Levenshtein")

INCHI_ROWS = 484_838
MASK_IMAGES = 1_000
SIDE = 101

# Ceilings on ours / baseline, measured in the same run (machine-independent).
LEVENSHTEIN_CEILING = {"near": 0.5, "unrelated": 1.25}
MASK_CEILING = 0.05


@cache
def inchi_pairs(kind: str) -> tuple[pl.Series, pl.Series]:
    rng = np.random.default_rng(484_838)
    n = INCHI_ROWS
    carbons = rng.integers(4, 40, n)
    hydrogens = carbons + rng.integers(-4, 20, n)
    hetero = rng.choice(np.array(["", "N", "O2", "NO", "N2O", "ClNOS", "BrO", "FN2O"]), n)
    # A connection layer of 6..40 random fragments: strings of roughly 40 to 200 characters.
    fragments = np.array(
        ["1-", "2-", "3-", "4", "5-6", "7(", "8)", "9-10", "11(12)", "13-14", "15-"]
    )
    count = rng.integers(6, 40, n)
    picks = rng.choice(fragments, count.sum())
    bounds = np.concatenate(([0], np.cumsum(count)))
    chains = ["".join(picks[bounds[i] : bounds[i + 1]]) for i in range(n)]
    truth = [
        f"InChI=1S/C{c}H{h}{x}/c{chain}/h1H3"
        for c, h, x, chain in zip(carbons.tolist(), hydrogens.tolist(), hetero.tolist(), chains)
    ]
    if kind == "near":
        # One to three edits past the fixed prefix, as a good model makes.
        pred = []
        letters = "CHNO0123456789()-,"
        for s, edits, seed in zip(truth, rng.integers(0, 4, n).tolist(), rng.random(n).tolist()):
            chars = list(s)
            for e in range(edits):
                pos = 9 + int((seed * (e + 7) * 7919) % (len(chars) - 9))
                chars[pos] = letters[(pos + e) % len(letters)]
            pred.append("".join(chars))
    else:
        pred = [truth[i] for i in rng.permutation(n).tolist()]
    return pl.Series(truth), pl.Series(pred)


def levenshtein_loop(truth: list[str], pred: list[str]) -> float:
    return float(np.mean([Levenshtein.distance(a, b) for a, b in zip(truth, pred)]))


def levenshtein_ours(truth: pl.Series, pred: pl.Series) -> float:
    return float(levenshtein_distances(truth, pred).mean())


@pytest.mark.parametrize("kind", ["near", "unrelated"])
@pytest.mark.parametrize("implementation", ["ours", "Levenshtein.distance loop"])
def test_levenshtein(benchmark, kind: str, implementation: str) -> None:
    benchmark.group = f"levenshtein-{kind}-{INCHI_ROWS}"
    truth, pred = inchi_pairs(kind)
    if implementation == "ours":
        result = benchmark(levenshtein_ours, truth, pred)
    else:
        result = benchmark(levenshtein_loop, truth.to_list(), pred.to_list())
    assert result == levenshtein_ours(truth, pred)


@pytest.mark.parametrize("kind", ["near", "unrelated"])
def test_levenshtein_gate(kind: str) -> None:
    truth, pred = inchi_pairs(kind)
    truth_list, pred_list = truth.to_list(), pred.to_list()
    ours = best_seconds(lambda: levenshtein_ours(truth, pred), repeat=5)
    theirs = best_seconds(lambda: levenshtein_loop(truth_list, pred_list), repeat=3)
    assert ours / theirs <= LEVENSHTEIN_CEILING[kind], (ours, theirs)


@cache
def mask_columns() -> tuple[list[str], list[str]]:
    rng = np.random.default_rng(101)
    truth = blob_masks(MASK_IMAGES, rng)
    pred = blob_masks(MASK_IMAGES, rng)
    for i in range(0, MASK_IMAGES, 3):  # a third of the predictions near the truth
        pred[i] = truth[i].copy()
        pred[i][rng.integers(0, SIDE, 40), rng.integers(0, SIDE, 40)] ^= True
    return [encode(m) for m in pred], [encode(m) for m in truth]


def masks_numpy(pred: list[str], truth: list[str]) -> float:
    decoded_pred = [oracle_decode(p, SIDE, SIDE) for p in pred]
    decoded_truth = [oracle_decode(t, SIDE, SIDE) for t in truth]
    return float(np.mean([oracle_iou_metric(t, p) for t, p in zip(decoded_truth, decoded_pred)]))


def masks_ours(pred: pl.Series, truth: pl.Series) -> float:
    return float(tgs_salt_score(pred, truth, height=SIDE, width=SIDE))


@pytest.mark.parametrize("implementation", ["ours", "numpy"])
def test_masks(benchmark, implementation: str) -> None:
    benchmark.group = f"tgs-masks-{MASK_IMAGES}"
    pred, truth = mask_columns()
    expected = masks_ours(pl.Series(pred), pl.Series(truth))
    if implementation == "ours":
        result = benchmark(masks_ours, pl.Series(pred), pl.Series(truth))
    else:
        result = benchmark(masks_numpy, pred, truth)
    assert result == pytest.approx(expected, rel=1e-12)


def test_masks_gate() -> None:
    pred, truth = mask_columns()
    pred_s, truth_s = pl.Series(pred), pl.Series(truth)
    ours = best_seconds(lambda: masks_ours(pred_s, truth_s))
    theirs = best_seconds(lambda: masks_numpy(pred, truth), repeat=3)
    assert ours / theirs <= MASK_CEILING, (ours, theirs)
