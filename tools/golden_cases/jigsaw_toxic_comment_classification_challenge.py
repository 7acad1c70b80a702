"""Golden cases of jigsaw-toxic-comment-classification-challenge: its schema for the generic
traps, and its own traps (positional columns, the -1 rows, the index-aligned mask)."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, set_cells

from mlebench_fast.synthetic._csv import to_csv_bytes

CLASSES = ("toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate")


def _replace_id(sub: pl.DataFrame, old: str, new: str) -> bytes:
    return to_csv_bytes(sub.with_columns(pl.col("id").replace(old, new)))


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    scored = ctx.answers.filter(pl.col("toxic") >= 0)["id"].to_list()
    unscored = ctx.answers.filter(pl.col("toxic") < 0)["id"].to_list()
    unscored_row = noisy["id"].to_list().index(unscored[0])
    scored_row = noisy["id"].to_list().index(scored[0])
    swapped = ["id", "insult", *[c for c in CLASSES if c != "insult"]]
    return {
        "columns_permuted": to_csv_bytes(noisy.select(swapped)),
        "columns_permuted_perfect": to_csv_bytes(perfect.select(swapped)),
        "constant_prediction": to_csv_bytes(noisy.with_columns(pl.lit(0.5).alias(c) for c in CLASSES)),
        "scores_above_one": to_csv_bytes(noisy.with_columns(pl.col(c) * 10 for c in CLASSES)),
        "negative_scores": to_csv_bytes(noisy.with_columns(pl.col(c) - 1 for c in CLASSES)),
        "nan_in_unscored_row": set_cells(noisy, "toxic", [unscored_row], [""]),
        # pandas keeps the column as text; sklearn's float conversion then only sees kept rows.
        "text_in_unscored_row": set_cells(noisy, "toxic", [unscored_row], ["abc"]),
        "text_in_scored_row": set_cells(noisy, "toxic", [scored_row], ["abc"]),
        # A repeated id standing in for another: pandas reindexes the mask by id, so it is scored
        # when both rows are kept (or both dropped), rejected when the counts then differ.
        "repeated_id_both_scored": _replace_id(noisy, scored[1], scored[0]),
        "repeated_id_both_unscored": _replace_id(noisy, unscored[1], unscored[0]),
        "repeated_id_mixed": _replace_id(noisy, unscored[0], scored[0]),
        "bool_column": to_csv_bytes(perfect.with_columns(pl.col("threat") > 0.5)),
        "classes_only_scored_rows": to_csv_bytes(noisy.filter(pl.col("id").is_in(scored))),
    }


SPEC = Spec(40, "toxic", "1.5", digit_id="1234567890123456", extra=extra_cases)
