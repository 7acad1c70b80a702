"""Golden cases of plant-seedlings-classification: raw ``species`` strings, micro F1, ``file``
ids."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from golden_cases._label_traps import first_row_by_id
from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    tf = text(perfect)
    first = first_row_by_id(noisy, "file")
    later = (first + 5) % noisy.height
    codes = {w: str(i) for i, w in enumerate(sorted(set(perfect["species"].to_list())))}
    ints = tf.with_columns(pl.col("species").replace(codes))
    idx = pl.int_range(pl.len())
    name = perfect["species"][later]

    def at_later(value: str, base: pl.DataFrame = tf) -> pl.DataFrame:
        species = pl.when(idx == later).then(pl.lit(value)).otherwise(pl.col("species"))
        return base.with_columns(species.alias("species"))

    def alternate(even: str, odd: str) -> pl.Expr:
        return pl.when(idx % 2 == 0).then(pl.lit(even)).otherwise(pl.lit(odd)).alias("species")

    def nan_at(rows: list[int]) -> bytes:
        return set_cells(perfect, "species", rows, [""] * len(rows))

    return {
        # A NaN among strings becomes the label "nan": a wrong prediction, not a rejection.
        "nan_in_first_sorted_row": nan_at([first]),
        "nan_in_some_rows": set_cells(noisy, "species", [first, later, 7], ["", "NA", "nan"]),
        "all_nan": render(tf.with_columns(pl.lit("").alias("species"))),
        "literal_nan_text": set_cells(perfect, "species", [later], ['"nan "']),
        "labels_as_ints": render(ints),
        "labels_as_ints_with_nan": render(at_later("", ints)),
        "labels_as_halves": render(ints.with_columns(pl.col("species") + ".5")),
        "int_labels_with_one_word": render(at_later("Maize", ints)),
        "bools_all": render(tf.with_columns(alternate("True", "False"))),
        "bools_with_nan": render(
            tf.with_columns(
                pl.when(idx == later).then(pl.lit(""))
                .when(idx % 2 == 0).then(pl.lit("True"))
                .otherwise(pl.lit("False")).alias("species")
            )
        ),
        "species_lowercase": render(tf.with_columns(pl.col("species").str.to_lowercase())),
        "species_trailing_space": render(tf.with_columns(pl.col("species") + " ")),
        "species_quoted_trailing_space": render(tf.with_columns('"' + pl.col("species") + ' "')),
        "species_trailing_tab": set_cells(perfect, "species", [later], [f'"{name}\t"']),
        "one_species_everywhere": to_csv_bytes(
            perfect.with_columns(pl.lit("Maize").alias("species"))
        ),
        "two_species_only": to_csv_bytes(perfect.with_columns(alternate("Maize", "Charlock"))),
        "unknown_species": set_cells(perfect, "species", [later], ["Dandelion"]),
        "files_without_extension": render(
            tf.with_columns(pl.col("file").str.replace(r"\.png$", ""))
        ),
        "files_uppercase": render(tf.with_columns(pl.col("file").str.to_uppercase())),
        "full_answers_reordered_columns": to_csv_bytes(perfect.select("species", "file")),
        "length_and_column_both_wrong": to_csv_bytes(noisy.head(noisy.height - 2).drop("species")),
        "species_with_nul": set_cells(perfect, "species", [later], [name + "\x00"]),
    }


SPEC = Spec(60, "species", "Dandelion", numeric_target=False, extra=extra_cases)
