"""Golden cases of rsna-2022-cervical-spine-fracture-detection: melted row ids, between(0, 1),
clipping at 1e-15, per-study weights."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, set_cells

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    return {
        "perfect_int_labels": to_csv_bytes(perfect.with_columns(pl.col("fractured").cast(pl.Int64))),
        "perfect_bool_labels": to_csv_bytes(perfect.with_columns(pl.col("fractured").cast(pl.Boolean))),
        "inverted_hard_labels": to_csv_bytes(perfect.with_columns(1 - pl.col("fractured"))),
        "clip_edges": set_cells(noisy, "fractured", [0, 1, 2, 3], ["1e-300", "0.9999999999999999", "0", "1"]),
        "constant_prediction": to_csv_bytes(noisy.with_columns(pl.lit(0.5).alias("fractured"))),
        "lowercase_targets": to_csv_bytes(
            noisy.with_columns(pl.col("row_id").str.replace("_C", "_c"))
        ),
        "with_melted_columns": to_csv_bytes(
            ctx.answers.select("StudyInstanceUID", "prediction_type", "row_id").join(noisy, on="row_id")
        ),
        "one_study_only": to_csv_bytes(noisy.filter(pl.col("row_id").str.starts_with(noisy["row_id"][0].split("_")[0]))),
    }


SPEC = Spec(48, "fractured", "1.5", extra=extra_cases)
