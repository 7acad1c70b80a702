"""Traps of the multi-label micro-F1 graders (imet, plant pathology, facebook keywords): how
``fillna("")`` + ``str.split()`` + a ``MultiLabelBinarizer`` with the answers' classes treat a
label cell (whitespace of every kind, repeats, unknown labels, empty and non-text cells)."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, render, set_cells, text

from mlebench_fast.synthetic._csv import to_csv_bytes


def multilabel_cases(ctx: Context, target: str, unknown: str) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    n = perfect.height
    idx = pl.int_range(pl.len())
    labels = pl.col(target)
    first = labels.str.split(" ").list.first()
    reversed_labels = labels.str.split(" ").list.reverse().list.join(" ")

    def every(expr: pl.Expr) -> bytes:
        return to_csv_bytes(perfect.with_columns(expr.alias(target)))

    def raw(rows: list[int], values: list[str], base: pl.DataFrame = perfect) -> bytes:
        return set_cells(base, target, rows, values)

    tf = text(perfect)
    cases = {
        "labels_reversed": every(reversed_labels),
        "labels_repeated": every(labels + " " + labels),
        "first_label_only": every(first),
        "unknown_label_added": every(labels + " " + unknown),
        "only_unknown_labels": every(pl.lit(unknown)),
        "double_spaces": every(labels.str.replace_all(" ", "  ")),
        "leading_trailing_spaces": render(tf.with_columns(('"  ' + labels + ' "').alias(target))),
        "tabs_between_labels": every(labels.str.replace_all(" ", "\t")),
        "newline_between_labels": every(labels.str.replace_all(" ", "\n")),
        "nbsp_between_labels": every(labels.str.replace_all(" ", "\u00a0")),
        "unit_separator_between_labels": every(labels.str.replace_all(" ", "\x1f")),
        "zero_width_space_between_labels": every(labels.str.replace_all(" ", "\u200b")),
        "comma_between_labels": every(labels.str.replace_all(" ", ",")),
        "upper_case_labels": every(labels.str.to_uppercase()),
        "all_empty": raw(list(range(n)), [""] * n),
        "half_empty": to_csv_bytes(
            noisy.with_columns(pl.when(idx % 2 == 0).then(None).otherwise(labels).alias(target))
        ),
        "nan_text_label": raw([1, 2], ["nan", '"nan ' + str(perfect[target][2]) + '"']),
        "true_text_label": raw([1], ["True"], noisy),
        "all_true": every(pl.lit("True")),
        "bools_with_empty": render(
            tf.with_columns(
                pl.when(idx == 0).then(pl.lit("")).when(idx % 2 == 0).then(pl.lit("True"))
                .otherwise(pl.lit("False")).alias(target)
            )
        ),
        "numbers_only": every(idx.cast(pl.String)),
        "numbers_with_empty": every(pl.when(idx == 1).then(None).otherwise(idx.cast(pl.String))),
        "floats_as_labels": every(pl.lit("1.5")),
        "answers_as_submission": to_csv_bytes(ctx.answers),
        "labels_column_first": to_csv_bytes(noisy.select(target, ctx.id_col)),
    }
    if perfect[ctx.id_col].dtype == pl.String:
        cases["ids_upper_case"] = to_csv_bytes(
            perfect.with_columns(pl.col(ctx.id_col).str.to_uppercase())
        )
    return cases
