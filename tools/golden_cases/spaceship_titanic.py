"""Golden cases of spaceship-titanic: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    tf = text(noisy)
    t = "Transported"
    return {
        "transported_lowercase": render(tf.with_columns(pl.col(t).str.to_lowercase())),
        "transported_uppercase": render(tf.with_columns(pl.col(t).str.to_uppercase())),
        "transported_as_int": render(
            tf.with_columns(pl.col(t).replace({"True": "1", "False": "0"}))
        ),
        "transported_as_float": render(
            tf.with_columns(pl.col(t).replace({"True": "1.0", "False": "0.0"}))
        ),
        "transported_with_nan": set_cells(noisy, t, [0], [""]),
        "transported_yes_no": render(
            tf.with_columns(pl.col(t).replace({"True": "yes", "False": "no"}))
        ),
        "all_true": to_csv_bytes(noisy.with_columns(pl.lit(True).alias(t))),
        "passenger_id_underscore_digits_only": set_cells(noisy, "PassengerId", [0], ["0001_01"]),
    }


SPEC = Spec(40, "Transported", "2", numeric_target=False, extra=extra_cases)
