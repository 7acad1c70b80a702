"""Traps every ROC AUC competition shares: ties, constants, inverted and out-of-range scores."""

from __future__ import annotations

import numpy as np
import polars as pl
from _golden_cases import Context, set_cells

from mlebench_fast.synthetic._csv import to_csv_bytes


def binary_auroc_cases(ctx: Context, target: str) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    return {
        "constant_prediction": to_csv_bytes(noisy.with_columns(pl.lit(0.5).alias(target))),
        "int_labels": to_csv_bytes(perfect.with_columns(pl.col(target).cast(pl.Int64))),
        "negative_probability": set_cells(noisy, target, [0], ["-0.1"]),
        "probability_one_point_zero": set_cells(noisy, target, [0], ["1.0"]),
        "tiny_probabilities": to_csv_bytes(noisy.with_columns(pl.col(target) * 1e-300)),
        "inverted_prediction": to_csv_bytes(perfect.with_columns((1 - pl.col(target)).alias(target))),
        "tied_scores": to_csv_bytes(
            noisy.with_columns((pl.col(target) > 0.5).cast(pl.Float64) * 0.5 + 0.25)
        ),
        "scores_as_strings": set_cells(noisy, target, [0], ['"0.5x"']),
        "answers_order": to_csv_bytes(ctx.gen._predict(ctx.answers, "noisy", np.random.default_rng(5))),
        "all_nan_scores": to_csv_bytes(noisy.with_columns(pl.lit(None, pl.Float64).alias(target))),
    }
