"""Traps shared by the accuracy-family golden specs: how the reference treats the label column's
type (strings vs numbers, bools, NaN, non-integral floats) and id edge cases."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, render, set_cells, text

from mlebench_fast.synthetic._csv import to_csv_bytes


def first_row_by_id(df: pl.DataFrame, id_col: str) -> int:
    """The row that sorts first by id (where a NaN decides sklearn's ``unknown`` check)."""
    return int(df[id_col].arg_min())  # type: ignore[arg-type]


def int_label_cases(ctx: Context, target: str, names: dict[str, str]) -> dict[str, bytes]:
    """Integer labels: what strings, bools, floats and NaN do to the reference's accuracy."""
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    tf = text(noisy)
    first = first_row_by_id(noisy, ctx.id_col)
    later = (first + 5) % noisy.height
    return {
        "labels_as_names": render(tf.with_columns(pl.col(target).replace(names))),
        "perfect_labels_as_quoted_text_with_one_word": set_cells(perfect, target, [later], ["x"]),
        "perfect_as_float": render(text(perfect).with_columns(pl.col(target) + ".0")),
        "one_non_integral_float": set_cells(noisy, target, [later], ["1.5"]),
        "negative_label": set_cells(noisy, target, [later], ["-3"]),
        "nan_in_first_sorted_row": set_cells(noisy, target, [first], [""]),
        "bools_all": render(
            tf.with_columns(
                pl.when(pl.int_range(pl.len()) % 2 == 0)
                .then(pl.lit("True"))
                .otherwise(pl.lit("False"))
                .alias(target)
            )
        ),
        "bools_with_nan": render(
            tf.with_columns(
                pl.when(pl.int_range(pl.len()) == later)
                .then(pl.lit(""))
                .when(pl.int_range(pl.len()) % 2 == 0)
                .then(pl.lit("True"))
                .otherwise(pl.lit("False"))
                .alias(target)
            )
        ),
        "constant_prediction": to_csv_bytes(
            noisy.with_columns(pl.lit(1, dtype=pl.Int64).alias(target))
        ),
        "two_distinct_predictions": to_csv_bytes(
            noisy.with_columns((pl.int_range(pl.len()) % 2).cast(pl.Int64).alias(target))
        ),
        "huge_label": set_cells(noisy, target, [later], ["123456789012345678901234567890"]),
        "uint64_label": set_cells(noisy, target, [later], ["18446744073709551615"]),
        "scientific_label": set_cells(
            perfect, target, [later], [f"{float(perfect[target][later]):e}"]
        ),
    }
