"""Traps shared by the golden specs of probability-matrix competitions (one column per class)."""

from __future__ import annotations

import numpy as np
import polars as pl
from _golden_cases import Context

from mlebench_fast.synthetic._csv import to_csv_bytes


def matrix_cases(ctx: Context, classes: list[str]) -> dict[str, bytes]:
    """Row-sum edges, range, NaN, column order, clipping, unnormalised scores."""
    idc = ctx.id_col
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    probs = noisy.select(classes).to_numpy()

    def with_probs(p: np.ndarray) -> bytes:
        return to_csv_bytes(noisy.select(idc).hstack(pl.DataFrame(p, schema=classes)))

    def bump(delta: float) -> bytes:
        p = probs.copy()
        p[0, p[0].argmax()] += delta
        return with_probs(p)

    neg = probs.copy()
    neg[0, :2] = [-0.01, neg[0, 1] + 0.01]
    big = probs.copy()
    big[0] = 0.0
    big[0, :2] = [1.5, -0.5]
    nan_cell = probs.copy()
    nan_cell[0, 1] += nan_cell[0, 0]
    nan_cell[0, 0] = np.nan
    truth = perfect.select(classes).to_numpy()
    zero_on_truth = np.where(truth > 0, 0.0, 1.0)
    zero_on_truth[zero_on_truth.sum(axis=1) == 0] = 1.0
    zero_on_truth = np.round(zero_on_truth / zero_on_truth.sum(axis=1, keepdims=True), 4)
    zero_on_truth[:, -1] = np.round(1.0 - zero_on_truth[:, :-1].sum(axis=1), 4)
    tiny = probs.copy()
    tiny[:, 0] = 1e-17
    return {
        "sum_off_by_4e-7": bump(4e-7),
        "sum_off_by_6e-7": bump(6e-7),
        "sum_off_by_4e-6": bump(4e-6),
        "sum_off_by_6e-6": bump(6e-6),
        "sum_off_by_2e-5": bump(2e-5),
        "negative_probability": with_probs(neg),
        "probability_above_one": with_probs(big),
        "nan_cell_rest_sums_to_one": with_probs(nan_cell),
        "columns_reordered": to_csv_bytes(noisy.select(idc, *classes[::-1])),
        "id_last": to_csv_bytes(noisy.select(*classes, idc)),
        "class_column_renamed": to_csv_bytes(noisy.rename({classes[0]: classes[0].lower()})),
        "perfect_int_onehot": to_csv_bytes(perfect.with_columns(pl.col(classes).cast(pl.Int64))),
        "zero_probability_on_truth": to_csv_bytes(
            perfect.select(idc).hstack(pl.DataFrame(zero_on_truth, schema=classes))
        ),
        "unnormalised_scores": with_probs(probs * 3.0),
        "logits_not_softmaxed": with_probs(np.log(np.clip(probs, 1e-6, None))),
        "tiny_probabilities": with_probs(tiny),
    }
