"""Golden cases of lmsys-chatbot-arena: range before sums, sum.round(6) == 1, extra columns."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, text
from golden_cases._probability_traps import matrix_cases

from mlebench_fast.synthetic._csv import to_csv_bytes

CLASSES = ["winner_model_a", "winner_model_b", "winner_tie"]


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    six = text(noisy).with_columns(pl.lit("0.333333").alias(c) for c in CLASSES)
    answers_like = noisy.join(ctx.answers.select("id", "model_a", "model_b"), on="id")
    return {
        **matrix_cases(ctx, CLASSES),
        "thirds_to_six_decimals": render(six),
        "with_model_columns": to_csv_bytes(answers_like),
        "float_ids": to_csv_bytes(noisy.with_columns(pl.col("id").cast(pl.Float64))),
    }


SPEC = Spec(30, "winner_model_a", "1.5", extra=extra_cases)
