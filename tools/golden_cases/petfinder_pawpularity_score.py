"""Golden cases of petfinder-pawpularity-score: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    tf = text(noisy)
    return {
        "zero_score": set_cells(noisy, "Pawpularity", [0], ["0"]),
        "just_above_100": set_cells(noisy, "Pawpularity", [0], ["100.0000001"]),
        "bounds_inclusive": set_cells(noisy, "Pawpularity", [0, 1], ["1", "100"]),
        "all_true": render(tf.with_columns(pl.lit("True").alias("Pawpularity"))),
        "int_predictions": to_csv_bytes(noisy.with_columns(pl.col("Pawpularity").round(0).cast(pl.Int64))),
        "sample_like_ids_reversed": to_csv_bytes(noisy.reverse()),
        "extra_meta_columns": to_csv_bytes(ctx.answers.with_columns(pl.lit(50.5).alias("Pawpularity"))),
    }


SPEC = Spec(40, "Pawpularity", "101", extra=extra_cases)
