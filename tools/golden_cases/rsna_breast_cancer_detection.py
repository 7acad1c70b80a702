"""Golden cases of rsna-breast-cancer-detection: generic traps and its own (pfbeta's types)."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    tf = text(noisy)

    def const(v: str) -> bytes:
        return render(tf.with_columns(pl.lit(v).alias("cancer")))

    return {
        "all_negative_ints": const("-1"),
        "all_zero_ints": const("0"),
        "all_zero_floats": const("0.0"),
        "all_above_one_ints": const("3"),
        "all_above_one_floats": const("1.5"),
        "perfect_ints": to_csv_bytes(perfect.with_columns(pl.col("cancer").cast(pl.Int64))),
        "below_zero_mixed": set_cells(noisy, "cancer", [0, 1], ["-0.5", "2.5"]),
        "negative_zero": const("-0.0"),
        "bool_predictions": render(tf.with_columns(pl.when(pl.col("cancer").cast(pl.Float64) > 0.3).then(pl.lit("True")).otherwise(pl.lit("False")).alias("cancer"))),
        "bool_with_nan": render(tf.with_columns(pl.when(pl.int_range(pl.len()) == 0).then(pl.lit("")).otherwise(pl.lit("False")).alias("cancer"))),
    }


SPEC = Spec(40, "cancer", "7", extra=extra_cases)
