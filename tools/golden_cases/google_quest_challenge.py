"""Golden cases of google-quest-challenge: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import numpy as np
import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from mlebench_fast.synthetic._csv import to_csv_bytes

FIRST, SECOND = "question_asker_intent_understanding", "question_body_critical"


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    other_ids = ctx.gen.answers(noisy.height, np.random.default_rng(3))["qa_id"]
    cols = noisy.columns
    tf = text(noisy)
    return {
        "constant_column": to_csv_bytes(noisy.with_columns(pl.lit(0.5).alias(FIRST))),
        "all_columns_constant": to_csv_bytes(noisy.with_columns([pl.lit(0.5).alias(c) for c in cols[1:]])),
        "ids_all_different": to_csv_bytes(noisy.with_columns(other_ids.alias("qa_id"))),
        "columns_reordered": to_csv_bytes(noisy.select(cols[0], *reversed(cols[1:]))),
        "missing_one_class": to_csv_bytes(noisy.drop(SECOND)),
        "class_renamed": to_csv_bytes(noisy.rename({SECOND: "x"})),
        "ties_everywhere": to_csv_bytes(noisy.with_columns([pl.col(c).round(0) for c in cols[1:]])),
        "text_column": render(tf.with_columns(("v" + pl.col(SECOND)).alias(SECOND))),
        "neg_inf_and_inf": set_cells(noisy, FIRST, [0, 1], ["-inf", "inf"]),
        "perfect_reversed": to_csv_bytes(perfect.reverse()),
        "bool_column": render(tf.with_columns(pl.when(pl.col(SECOND).cast(pl.Float64) > 0.5).then(pl.lit("True")).otherwise(pl.lit("False")).alias(SECOND))),
    }


SPEC = Spec(40, FIRST, "7", extra=extra_cases)
