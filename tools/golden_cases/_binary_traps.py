"""Traps shared by the golden specs of one-probability-column log-loss competitions."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, set_cells

from mlebench_fast.synthetic._csv import to_csv_bytes


def binary_cases(ctx: Context, target: str) -> dict[str, bytes]:
    idc = ctx.id_col
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    bools = perfect.with_columns(pl.col(target).cast(pl.Boolean))
    return {
        "perfect_int_labels": to_csv_bytes(perfect.with_columns(pl.col(target).cast(pl.Int64))),
        "perfect_bool_labels": to_csv_bytes(bools),
        "inverted_hard_labels": to_csv_bytes(perfect.with_columns(1 - pl.col(target))),
        "clip_edges": set_cells(noisy, target, [0, 1, 2, 3], ["1e-300", "0.9999999999999999", "0", "1"]),
        "negative_zero": set_cells(noisy, target, [0], ["-0.0"]),
        "just_above_one": set_cells(noisy, target, [0], ["1.0000000001"]),
        "constant_prediction": to_csv_bytes(noisy.with_columns(pl.lit(0.5).alias(target))),
        "id_prefixed": to_csv_bytes(noisy.with_columns(pl.lit("x") + pl.col(idc).cast(pl.String))),
        "duplicated_rows_same_set": to_csv_bytes(pl.concat([noisy, noisy.head(2)])),
    }
