"""Golden cases of denoising-dirty-documents: its own traps (value conversion, string id order)."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, set_cells

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    out = {
        # Object columns whose every cell Python's float() accepts are graded.
        "value_underscore_digits": set_cells(noisy, "value", [0], ["1_0"]),
        "value_arabic_digits": set_cells(noisy, "value", [1], ["١"]),
        "value_text": set_cells(noisy, "value", [2], ["dark"]),
        "value_comma_decimal": set_cells(noisy, "value", [3], ['"0,5"']),
        "value_infinity_word": set_cells(noisy, "value", [4], ["Infinity"]),
        "value_empty_cell": set_cells(noisy, "value", [5], [""]),
        "value_true_false": to_csv_bytes(
            noisy.with_columns((pl.col("value") > 0.5).alias("value"))
        ),
        "value_int_column": to_csv_bytes(perfect.with_columns(pl.lit(1).alias("value"))),
        "value_negative_and_large": set_cells(noisy, "value", [0, 1], ["-3.5", "1e300"]),
        "value_overflow_square": set_cells(noisy, "value", [0], ["1e200"]),
        "id_numeric_looking": set_cells(perfect, "id", [0], ["12"]),
        "id_with_leading_zero": set_cells(
            perfect, "id", [0], ["0" + perfect["id"][0]]
        ),
        "columns_swapped_order": to_csv_bytes(noisy.select("value", "id")),
        "id_reversed_rows": to_csv_bytes(noisy.reverse()),
    }
    return out


SPEC = Spec(80, "value", "-7.5", extra=extra_cases)
