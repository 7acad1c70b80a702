"""Golden cases of plant-pathology-2021-fgvc8: generic traps, the multi-label ones, and its
disease names (combinations written with other separators, underscores, case)."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec

from golden_cases._multilabel_traps import multilabel_cases
from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    labels = pl.col("labels")
    return {
        **multilabel_cases(ctx, "labels", "unknown_disease"),
        "all_healthy": to_csv_bytes(perfect.with_columns(pl.lit("healthy").alias("labels"))),
        "every_disease": to_csv_bytes(
            perfect.with_columns(
                pl.lit("healthy scab frog_eye_leaf_spot rust complex powdery_mildew").alias("labels")
            )
        ),
        "underscores_as_spaces": to_csv_bytes(perfect.with_columns(labels.str.replace_all("_", " "))),
        "image_without_extension": to_csv_bytes(
            perfect.with_columns(pl.col("image").str.replace(r"\.jpg$", ""))
        ),
    }


SPEC = Spec(40, "labels", "unknown_disease", numeric_target=False, extra=extra_cases)
