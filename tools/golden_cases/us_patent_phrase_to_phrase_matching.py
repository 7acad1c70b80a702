"""Golden cases of us-patent-phrase-to-phrase-matching: generic traps and its own."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, text

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    tf = text(noisy)
    return {
        "constant_prediction": to_csv_bytes(noisy.with_columns(pl.lit(0.5).alias("score"))),
        "int_predictions": to_csv_bytes(noisy.with_columns((pl.col("score") * 4).round(0).cast(pl.Int64))),
        "bool_predictions": render(tf.with_columns(pl.when(pl.col("score").cast(pl.Float64) > 0.4).then(pl.lit("True")).otherwise(pl.lit("False")).alias("score"))),
        "negated_perfect": to_csv_bytes(perfect.with_columns(-pl.col("score"))),
        "huge_offset": to_csv_bytes(noisy.with_columns(pl.col("score") + 1e12)),
        "with_text_columns": to_csv_bytes(ctx.answers.with_columns(pl.col("score").reverse())),
    }


SPEC = Spec(40, "score", "1e300", digit_id="0012345678901234", extra=extra_cases)
