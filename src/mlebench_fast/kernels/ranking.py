"""Ranking metrics over integer-coded labels.

Labels are strings in the submissions; callers code them as integers first (the answers'
vocabulary, -1 for a label no answer has), so these kernels never touch strings.
"""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import kernel


@kernel
def average_precisions_at_k(
    predicted: np.ndarray,
    predicted_offsets: np.ndarray,
    actual: np.ndarray,
    actual_offsets: np.ndarray,
    k: int,
) -> np.ndarray:
    """AP@k of each row, as ``mlebench.metrics.average_precision_at_k`` computes it.

    Row ``r`` predicts ``predicted[predicted_offsets[r]:predicted_offsets[r + 1]]`` (in rank
    order, repeats allowed) against the *distinct* labels
    ``actual[actual_offsets[r]:actual_offsets[r + 1]]``. A repeated prediction scores once; the
    sum is divided by ``min(len(actual), k)``, and a row with no actual labels scores 0.
    """
    rows = predicted_offsets.shape[0] - 1
    out = np.empty(rows, dtype=np.float64)
    for r in range(rows):
        start = predicted_offsets[r]
        stop = min(predicted_offsets[r + 1], start + k)
        first_actual, last_actual = actual_offsets[r], actual_offsets[r + 1]
        score = 0.0
        hits = 0.0
        for i in range(start, stop):
            label = predicted[i]
            if label < 0:
                continue
            relevant = False
            for j in range(first_actual, last_actual):
                if actual[j] == label:
                    relevant = True
                    break
            if not relevant:
                continue
            repeated = False
            for j in range(start, i):
                if predicted[j] == label:
                    repeated = True
                    break
            if repeated:
                continue
            hits += 1.0
            score += hits / (i - start + 1.0)
        n_actual = last_actual - first_actual
        out[r] = score / min(n_actual, k) if n_actual > 0 else 0.0
    return out
