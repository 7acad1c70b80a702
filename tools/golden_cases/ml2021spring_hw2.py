"""Golden cases of ml2021spring-hw2: int ``ClassId`` 0-38, ``Id`` = 0..n-1."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, text

from golden_cases._label_traps import int_label_cases
from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    tf = text(perfect)
    names = {str(i): f"phone{i}" for i in range(39)}
    return {
        **int_label_cases(ctx, "ClassId", names),
        "ids_as_float": render(tf.with_columns(pl.col("Id") + ".0")),
        "ids_from_one": to_csv_bytes(perfect.with_columns(pl.col("Id") + 1)),
        "ids_as_bool_like": to_csv_bytes(
            perfect.head(2).with_columns(pl.Series("Id", [False, True]))
        ),
        "class_as_string_padded": render(tf.with_columns(pl.col("ClassId").str.zfill(2))),
    }


SPEC = Spec(40, "ClassId", "39", int_target=True, extra=extra_cases)
