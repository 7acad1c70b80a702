"""Golden cases of nfl-player-contact-detection: generic traps and its own."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    tf = text(noisy)
    return {
        "float_contacts": render(tf.with_columns(pl.col("contact") + ".0")),
        "probabilities": set_cells(noisy, "contact", [0], ["0.3"]),
        "all_ones": to_csv_bytes(noisy.with_columns(pl.lit(1, dtype=pl.Int64).alias("contact"))),
        "label_two": set_cells(noisy, "contact", [0], ["2"]),
        "string_labels": render(tf.with_columns(("c" + pl.col("contact")).alias("contact"))),
        "bool_labels": render(tf.with_columns(pl.when(pl.col("contact") == "1").then(pl.lit("True")).otherwise(pl.lit("False")).alias("contact"))),
        "negated_labels": to_csv_bytes(noisy.with_columns(1 - pl.col("contact"))),
        "with_answer_columns": to_csv_bytes(ctx.answers.with_columns(pl.col("contact").reverse())),
    }


SPEC = Spec(40, "contact", "-1", int_target=True, extra=extra_cases)
