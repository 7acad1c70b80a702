"""Golden cases of paddy-disease-classification: string labels, ``label.fillna("")``."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from golden_cases._label_traps import first_row_by_id
from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    tf = text(perfect)
    first = first_row_by_id(noisy, "image_id")
    later = (first + 5) % noisy.height
    codes = {w: str(i) for i, w in enumerate(sorted(set(perfect["label"].to_list())))}
    ints = tf.with_columns(pl.col("label").replace(codes))
    idx = pl.int_range(pl.len())
    return {
        "nan_in_first_sorted_row": set_cells(noisy, "label", [first], [""]),
        "nan_in_some_rows": set_cells(noisy, "label", [first, later, 7], ["", "NA", ""]),
        "labels_as_ints": render(ints),
        "labels_as_ints_with_nan": render(
            ints.with_columns(
                pl.when(idx == later).then(pl.lit("")).otherwise(pl.col("label")).alias("label")
            )
        ),
        "labels_as_halves": render(ints.with_columns(pl.col("label") + ".5")),
        "labels_as_halves_with_nan": render(
            ints.with_columns(
                pl.when(idx == later)
                .then(pl.lit(""))
                .otherwise(pl.col("label") + ".5")
                .alias("label")
            )
        ),
        "inf_labels": render(
            ints.with_columns(
                pl.when(idx == later).then(pl.lit("inf")).otherwise(pl.col("label")).alias("label")
            )
        ),
        "inf_labels_with_nan": render(
            ints.with_columns(
                pl.when(idx == later)
                .then(pl.lit("inf"))
                .when(idx == first)
                .then(pl.lit(""))
                .otherwise(pl.col("label"))
                .alias("label")
            )
        ),
        "bools_all": render(
            tf.with_columns(
                pl.when(idx % 2 == 0).then(pl.lit("True")).otherwise(pl.lit("False")).alias("label")
            )
        ),
        "bools_with_nan": render(
            tf.with_columns(
                pl.when(idx == later)
                .then(pl.lit(""))
                .when(idx % 2 == 0)
                .then(pl.lit("True"))
                .otherwise(pl.lit("False"))
                .alias("label")
            )
        ),
        "labels_uppercase": render(tf.with_columns(pl.col("label").str.to_uppercase())),
        "two_labels_only": to_csv_bytes(
            perfect.with_columns(
                pl.when(idx % 2 == 0)
                .then(pl.lit("blast"))
                .otherwise(pl.lit("normal"))
                .alias("label")
            )
        ),
        "full_answers_submitted": to_csv_bytes(ctx.answers),
        "variety_instead_of_label": to_csv_bytes(
            ctx.answers.select("image_id", pl.col("variety").alias("label"))
        ),
        "ids_without_extension": render(
            tf.with_columns(pl.col("image_id").str.replace(r"\.jpg$", ""))
        ),
    }


SPEC = Spec(60, "label", "rice", numeric_target=False, extra=extra_cases)
