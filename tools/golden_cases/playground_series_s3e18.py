"""Golden cases of playground-series-s3e18: its schema for the generic traps, and its own."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, set_cells

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    return {
        "ec2_missing": to_csv_bytes(noisy.drop("EC2")),
        "all_six_classes": to_csv_bytes(
            ctx.answers.select("id", "EC1", "EC2", "EC3", "EC4", "EC5", "EC6")
            .with_columns(pl.Series("EC1", noisy.sort("id")["EC1"]).cast(pl.Float64))
            .sort("id")
        ),
        "scores_above_one": to_csv_bytes(noisy.with_columns(pl.col("EC1") * 10)),
        "negative_scores": to_csv_bytes(noisy.with_columns(pl.col("EC2") - 2)),
        "nan_in_ec2": set_cells(noisy, "EC2", [2], [""]),
        "int_labels": to_csv_bytes(perfect.with_columns(pl.col("EC1", "EC2").cast(pl.Int64))),
        "ids_float": to_csv_bytes(noisy.with_columns(pl.col("id").cast(pl.Float64))),
        "columns_swapped": to_csv_bytes(noisy.select("id", "EC2", "EC1")),
        "constant_prediction": to_csv_bytes(noisy.with_columns(pl.lit(0.5).alias("EC1"))),
        "bool_ec1": to_csv_bytes(perfect.with_columns(pl.col("EC1") > 0.5)),
    }


SPEC = Spec(40, "EC1", "1.5", extra=extra_cases)
