"""Golden cases of learning-agency-lab-automated-essay-scoring-2: generic traps and its own."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    tf = text(noisy)
    return {
        "score_seven": set_cells(noisy, "score", [0], ["7"]),
        "score_zero": set_cells(noisy, "score", [0], ["0"]),
        "non_integer_float": set_cells(noisy, "score", [0], ["3.5"]),
        "constant_three": to_csv_bytes(noisy.with_columns(pl.lit(3, dtype=pl.Int64).alias("score"))),
        "string_scores": render(tf.with_columns(("s" + pl.col("score")).alias("score"))),
        "with_full_text": to_csv_bytes(ctx.answers.with_columns(pl.col("score").reverse())),
        "only_two_labels": to_csv_bytes(noisy.with_columns((pl.col("score") > 3).cast(pl.Int64) * 5 + 1)),
    }


SPEC = Spec(40, "score", "9", int_target=True, digit_id="0012345", extra=extra_cases)
