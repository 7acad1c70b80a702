"""Golden cases of cdiscount-image-classification-challenge: 10-digit int labels, int ``_id``."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from golden_cases._label_traps import int_label_cases


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    tf = text(perfect)
    names = {v: f"cat_{v}" for v in tf["category_id"].unique().to_list()}
    return {
        **int_label_cases(ctx, "category_id", names),
        "ids_as_float": render(tf.with_columns(pl.col("_id") + ".0")),
        "ids_quoted_with_leading_zeros": render(tf.with_columns('"00' + pl.col("_id") + '"')),
        "id_off_by_one": set_cells(perfect, "_id", [0], [str(int(perfect["_id"][0]) + 1)]),
        "category_minus_one": render(text(perfect.with_columns(pl.col("category_id") - 1))),
    }


SPEC = Spec(40, "category_id", "99", int_target=True, extra=extra_cases)
