"""Golden cases of freesound-audio-tagging-2019: generic traps and its own (24 clips: 81 columns)."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from mlebench_fast.synthetic._csv import to_csv_bytes

FIRST, LAST = "Accelerating_and_revving_and_vroom", "Zipper_(clothing)"


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    cols = noisy.columns
    tf = text(noisy)
    return {
        "all_scores_equal": to_csv_bytes(noisy.with_columns([pl.lit(0.5).alias(c) for c in cols[1:]])),
        "ties_rounded": to_csv_bytes(noisy.with_columns([pl.col(c).round(1) for c in cols[1:]])),
        "classes_reordered": to_csv_bytes(noisy.select(cols[0], *reversed(cols[1:]))),
        "fname_not_first": to_csv_bytes(noisy.select(*cols[1:], cols[0])),
        "missing_one_class": to_csv_bytes(noisy.drop(LAST)),
        "negative_scores": to_csv_bytes(noisy.with_columns([(-pl.col(c)) for c in cols[1:]])),
        "text_score": set_cells(noisy, FIRST, [3], ["high"]),
        "numeric_strings_column": render(tf.with_columns(pl.when(pl.int_range(pl.len()) == 0).then(pl.lit("nan")).otherwise(pl.col(FIRST)).alias(FIRST))),
        "answers_as_submission": to_csv_bytes(ctx.answers),
    }


SPEC = Spec(24, FIRST, "-5", extra=extra_cases)
