"""Golden cases of multi-modal-gesture-recognition: generic traps and Python int() parsing."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    n = perfect.height
    return {
        "plus_and_zero_padded": set_cells(perfect, "Sequence", [0, 1], ['"+1 02 3"', '"007 8"']),
        "underscore_int": set_cells(noisy, "Sequence", [0], ['"1_0 2"']),
        "arabic_indic_digits": set_cells(noisy, "Sequence", [0], ['"١٢ ٣"']),
        "negative_numbers": set_cells(noisy, "Sequence", [0], ['"-1 -2 3"']),
        "float_token": set_cells(noisy, "Sequence", [0], ['"1.0 2"']),
        "comma_separated": set_cells(noisy, "Sequence", [0], ['"1,2,3"']),
        "huge_int": set_cells(noisy, "Sequence", [0], ['"99999999999999999999999 1"']),
        "tabs_and_nbsp": set_cells(noisy, "Sequence", [0, 1], ['"1\t2  3"', '"4\u00a05"']),
        "whitespace_only": set_cells(noisy, "Sequence", [0], ['" "']),
        "single_int_column": render(
            text(noisy).with_columns(pl.Series("Sequence", [str(i % 20 + 1) for i in range(n)]))
        ),
        "single_float_column": render(
            text(noisy).with_columns(pl.Series("Sequence", [f"{i % 20 + 1}.0" for i in range(n)]))
        ),
        "reversed_sequences": to_csv_bytes(
            perfect.with_columns(pl.col("Sequence").str.split(" ").list.reverse().list.join(" "))
        ),
        "longer_sequences": to_csv_bytes(
            perfect.with_columns((pl.col("Sequence") + " " + pl.col("Sequence")).alias("Sequence"))
        ),
        "ids_zero_padded_text": render(
            text(perfect).with_columns(pl.format('"0{}"', pl.col("Id")).alias("Id"))
        ),
        "bool_sequence": set_cells(noisy, "Sequence", [0], ["True"]),
    }


SPEC = Spec(40, "Sequence", "21", numeric_target=False, extra=extra_cases)
