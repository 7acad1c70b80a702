"""Golden cases of plant-pathology-2020-fgvc7: its schema for the generic traps, and its own."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, set_cells

from mlebench_fast.synthetic._csv import to_csv_bytes

CLASSES = ("healthy", "multiple_diseases", "rust", "scab")


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    return {
        "columns_reordered": to_csv_bytes(noisy.select("image_id", *reversed(CLASSES))),
        "constant_prediction": to_csv_bytes(noisy.with_columns(pl.lit(0.25).alias(c) for c in CLASSES)),
        "scores_above_one": to_csv_bytes(noisy.with_columns(pl.col(c) * 10 for c in CLASSES)),
        "class_renamed": to_csv_bytes(noisy.rename({"scab": "Scab"})),
        "class_missing": to_csv_bytes(noisy.drop("scab")),
        "int_labels": to_csv_bytes(perfect.with_columns(pl.col(c).cast(pl.Int64) for c in CLASSES)),
        "ids_lowercase": to_csv_bytes(noisy.with_columns(pl.col("image_id").str.to_lowercase())),
        "nan_in_last_class": set_cells(noisy, "scab", [2], [""]),
        "argmax_labels": to_csv_bytes(
            noisy.with_columns(
                (pl.col(c) == pl.max_horizontal(*CLASSES)).cast(pl.Int64).alias(c) for c in CLASSES
            )
        ),
    }


SPEC = Spec(40, "healthy", "1.5", extra=extra_cases)
