"""Agent-like probability matrices shared by the probability-submission generators."""

from __future__ import annotations

import numpy as np


def rounded_rows(probs: np.ndarray, decimals: int = 4) -> np.ndarray:
    """Rows rounded to ``decimals`` as agents often write them, the largest entry absorbing the
    rounding so that each row still sums to one within float error."""
    out = np.round(probs, decimals)
    rows = np.arange(len(out))
    top = out.argmax(axis=1)
    out[rows, top] = 0.0
    out[rows, top] = np.round(1.0 - out.sum(axis=1), decimals)
    return out


def noisy_probabilities(
    truth: np.ndarray, strength: float, rng: np.random.Generator, decimals: int = 4
) -> np.ndarray:
    """Softmax of Gaussian logits nudged towards the true shares by ``strength`` (0: random)."""
    logits = rng.normal(0.0, 1.0, truth.shape) + strength * truth
    probs = np.exp(logits - logits.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    return rounded_rows(probs, decimals)


def noisy_binary(truth: np.ndarray, quality: str, rng: np.random.Generator) -> np.ndarray:
    """P(positive) per row: exact for perfect, a confident but wrong-at-times guess for noisy,
    uniform for random; four decimals."""
    n = len(truth)
    if quality == "perfect":
        return truth.astype(np.float64)
    if quality == "noisy":
        return np.round(np.clip(0.15 + 0.7 * truth + rng.normal(0, 0.2, n), 0.0, 1.0), 4)
    return np.round(rng.random(n), 4)
