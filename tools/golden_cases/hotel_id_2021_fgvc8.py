"""Golden cases of hotel-id-2021-fgvc8: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    n = perfect.height
    truth = ctx.answers["hotel_id"].cast(pl.String)
    tf = text(perfect)
    return {
        "single_int_prediction": to_csv_bytes(perfect.select("image", ctx.answers["hotel_id"])),
        "single_int_with_nan": set_cells(
            perfect.select("image", ctx.answers["hotel_id"]), "hotel_id", [0], [""]
        ),
        "float_ids": render(tf.with_columns(pl.Series("hotel_id", (truth + ".0").to_list()))),
        "more_than_five": to_csv_bytes(
            noisy.with_columns((pl.lit("1 2 3 4 5 ") + pl.col("hotel_id")).alias("hotel_id"))
        ),
        "repeated_ids": render(tf.with_columns(pl.Series("hotel_id", (truth + " " + truth).to_list()))),
        "double_space": render(tf.with_columns(pl.Series("hotel_id", ("7  " + truth).to_list()))),
        "comma_separated": render(
            tf.with_columns(pl.Series("hotel_id", ('"7,' + truth + '"').to_list()))
        ),
        "extra_columns_kept": to_csv_bytes(perfect.with_columns(pl.lit(3).alias("chain"))),
        "columns_swapped": to_csv_bytes(perfect.select("hotel_id", "image")),
        "duplicated_and_missing": to_csv_bytes(
            pl.concat([noisy, noisy.head(2)]).slice(1)
        ),
        "duplicate_same_set_longer": to_csv_bytes(pl.concat([noisy, noisy.head(1)])),
        "nan_labels": set_cells(noisy, "hotel_id", [0, 1], ["nan", "NA"]),
        "image_without_ext": render(tf.with_columns(pl.col("image").str.replace(".jpg", "", literal=True))),
        "empty_prediction_all": set_cells(perfect, "hotel_id", list(range(n)), [""] * n),
    }


SPEC = Spec(40, "hotel_id", "0", numeric_target=False, extra=extra_cases)
