"""Golden cases of whale-categorization-playground: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    first = perfect["Id"].str.split(" ").list.first()
    return {
        "more_than_five_labels": to_csv_bytes(
            noisy.with_columns(
                (pl.lit("w_0000000 w_1111111 w_2222222 w_3333333 w_4444444 ") + pl.col("Id")).alias(
                    "Id"
                )
            )
        ),
        "truth_at_rank_six": to_csv_bytes(
            perfect.with_columns(
                (pl.lit("new_whale w_1111111 w_2222222 w_3333333 w_4444444 ") + first).alias("Id")
            )
        ),
        "repeated_labels": to_csv_bytes(
            perfect.with_columns((pl.lit("w_9999999 w_9999999 ") + first + " " + first).alias("Id"))
        ),
        "extra_spaces": to_csv_bytes(
            perfect.with_columns((pl.lit("w_9999999  ") + first).alias("Id"))
        ),
        "leading_space": to_csv_bytes(perfect.with_columns((pl.lit(" ") + first).alias("Id"))),
        "single_label_truth": to_csv_bytes(perfect.with_columns(first.alias("Id"))),
        "all_new_whale": to_csv_bytes(perfect.with_columns(pl.lit("new_whale").alias("Id"))),
        "comma_separated": to_csv_bytes(
            perfect.with_columns((first + "," + pl.lit("new_whale")).alias("Id"))
        ),
        "all_empty": set_cells(perfect, "Id", list(range(perfect.height)), [""] * perfect.height),
        "numeric_labels": render(
            text(perfect).with_columns(pl.Series("Id", [str(i) for i in range(perfect.height)]))
        ),
    }


SPEC = Spec(40, "Id", "w_zzzzzzz", numeric_target=False, extra=extra_cases)
