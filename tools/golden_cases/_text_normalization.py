"""Golden traps shared by the two text-normalization competitions (accuracy of ``astype(str)``)."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, render, set_cells, text

from mlebench_fast.synthetic._csv import to_csv_bytes


def text_normalization_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    n = perfect.height
    return {
        # "nan" in the answers' after equals a NaN prediction only through astype(str)
        "nan_matches_nan_string": set_cells(perfect, "after", [0, 1], ["nan", "None"]),
        "all_numeric_after": render(
            text(perfect).with_columns(pl.Series("after", [str(i) for i in range(n)]))
        ),
        "all_float_after": render(
            text(perfect).with_columns(pl.Series("after", [f"{i}.50" for i in range(n)]))
        ),
        "all_bool_after": render(
            text(perfect).with_columns(pl.Series("after", ["True", "false"] * (n // 2) + ["TRUE"] * (n % 2)))
        ),
        "case_changed": to_csv_bytes(perfect.with_columns(pl.col("after").str.to_uppercase())),
        "trailing_space": set_cells(perfect, "after", [0], ['"the "']),
        "unicode_nfd": set_cells(perfect, "after", [0, 1], ["cafe\u0301", "\u0415\u0308\u0436"]),
        "constant_after": to_csv_bytes(perfect.with_columns(pl.lit("sil").alias("after"))),
        "id_as_int": render(
            text(noisy).with_columns(pl.Series("id", [str(i) for i in range(n)]))
        ),
        "id_dot_separator": render(
            text(noisy).with_columns(pl.col("id").str.replace("_", "."))
        ),
        "all_empty_after": set_cells(perfect, "after", list(range(n)), [""] * n),
    }
