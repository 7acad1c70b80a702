"""Golden cases of AI4Code: generic traps and the Kendall tau quirks (swapped roles, list.index)."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, set_cells

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    cells = pl.col("cell_order").str.split(" ")
    first = cells.list.first()
    return {
        "reversed": to_csv_bytes(perfect.with_columns(cells.list.reverse().list.join(" "))),
        # same length, a cell replaced by a copy of another: list.index takes the first copy
        "duplicated_cell": to_csv_bytes(
            perfect.with_columns(
                pl.concat_list(first, cells.list.slice(1)).list.join(" ").alias("cell_order")
            ).with_columns(
                pl.when(cells.list.len() > 1)
                .then(pl.concat_list(first, first, cells.list.slice(2)).list.join(" "))
                .otherwise(pl.col("cell_order"))
                .alias("cell_order")
            )
        ),
        "unknown_cell": to_csv_bytes(
            perfect.with_columns(
                pl.concat_list(pl.lit("zzzzzzzz"), cells.list.slice(1)).list.join(" ").alias("cell_order")
            )
        ),
        "extra_cell": to_csv_bytes(perfect.with_columns((pl.col("cell_order") + " ffffffff").alias("cell_order"))),
        "tab_separated": to_csv_bytes(perfect.with_columns(pl.col("cell_order").str.replace_all(" ", "\t"))),
        "double_spaces": to_csv_bytes(perfect.with_columns(pl.col("cell_order").str.replace_all(" ", "  "))),
        "comma_separated": to_csv_bytes(perfect.with_columns(pl.col("cell_order").str.replace_all(" ", ","))),
        "uppercase_cells": to_csv_bytes(perfect.with_columns(pl.col("cell_order").str.to_uppercase())),
        "nan_order": set_cells(noisy, "cell_order", [0], [""]),
        "first_last_swapped": to_csv_bytes(
            perfect.with_columns(
                pl.when(cells.list.len() > 1)
                .then(pl.concat_list(cells.list.last(), cells.list.slice(1, cells.list.len() - 2), first).list.join(" "))
                .otherwise(pl.col("cell_order"))
                .alias("cell_order")
            )
        ),
        "only_first_row_shuffled": to_csv_bytes(pl.concat([noisy.head(1), perfect.filter(pl.col("id") != noisy["id"][0])])),
    }


SPEC = Spec(25, "cell_order", "zzzzzzzz", numeric_target=False, extra=extra_cases)
