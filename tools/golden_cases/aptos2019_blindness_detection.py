"""Golden cases of aptos2019-blindness-detection: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    tf = text(noisy)
    return {
        "label_five": set_cells(noisy, "diagnosis", [0], ["5"]),
        "label_negative": set_cells(noisy, "diagnosis", [0], ["-1"]),
        "non_integer_float": set_cells(noisy, "diagnosis", [0], ["2.5"]),
        "string_labels": render(
            tf.with_columns(
                pl.col("diagnosis").replace(
                    {
                        "0": "No DR",
                        "1": "Mild",
                        "2": "Moderate",
                        "3": "Severe",
                        "4": "Proliferative DR",
                    }
                )
            )
        ),
        "constant_zero": to_csv_bytes(ctx.gen.sample_submission(ctx.answers)),
        "only_two_classes": to_csv_bytes(
            noisy.with_columns((pl.col("diagnosis") > 1).cast(pl.Int64) * 4)
        ),
        "bool_labels": render(
            tf.with_columns(
                pl.when(pl.col("diagnosis") == "0")
                .then(pl.lit("False"))
                .otherwise(pl.lit("True"))
                .alias("diagnosis")
            )
        ),
    }


SPEC = Spec(40, "diagnosis", "7", int_target=True, digit_id="000123456789", extra=extra_cases)
