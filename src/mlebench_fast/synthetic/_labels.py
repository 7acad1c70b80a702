"""Label predictions shared by the accuracy-family generators: perfect, noisy (a share of rows
replaced by another class), random (uniform over the classes)."""

from __future__ import annotations

import numpy as np

from mlebench_fast.synthetic._base import Quality


def predict_labels(
    truth: np.ndarray,
    classes: np.ndarray,
    quality: Quality,
    rng: np.random.Generator,
    *,
    noise: float = 0.25,
) -> np.ndarray:
    """Predicted labels from the true ones; ``classes`` lists every label an agent could output."""
    if quality == "perfect":
        return truth.copy()
    random = classes[rng.integers(0, len(classes), size=len(truth))]
    if quality == "random":
        return random
    return np.where(rng.random(len(truth)) < noise, random, truth)


def distinct_ints(n: int, low: int, high: int, rng: np.random.Generator) -> np.ndarray:
    """``n`` distinct int64 in ``[low, high)`` in random order, without materialising the range."""
    return low + rng.choice(high - low, size=n, replace=False).astype(np.int64)
