"""Golden cases of aerial-cactus-identification: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, set_cells

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    return {
        "constant_prediction": to_csv_bytes(noisy.with_columns(pl.lit(0.5).alias("has_cactus"))),
        "int_labels": to_csv_bytes(perfect.with_columns(pl.col("has_cactus").cast(pl.Int64))),
        "negative_probability": set_cells(noisy, "has_cactus", [0], ["-0.1"]),
        "ids_without_jpg": to_csv_bytes(
            noisy.with_columns(pl.col("id").str.replace(r"\.jpg$", ""))
        ),
        "inverted_prediction": to_csv_bytes(
            perfect.with_columns((1 - pl.col("has_cactus")).alias("has_cactus"))
        ),
        "tied_scores": to_csv_bytes(
            noisy.with_columns((pl.col("has_cactus") > 0.5).cast(pl.Float64) * 0.5 + 0.25)
        ),
    }


SPEC = Spec(40, "has_cactus", "1.5", extra=extra_cases)
