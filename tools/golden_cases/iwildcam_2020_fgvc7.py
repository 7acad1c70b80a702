"""Golden cases of iwildcam-2020-fgvc7: int ``Category``, uuid-like string ``Id``."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, text

from golden_cases._label_traps import int_label_cases


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    tf = text(perfect)
    names = {v: f"species_{v}" for v in tf["Category"].unique().to_list()}
    return {
        **int_label_cases(ctx, "Category", names),
        "ids_uppercase": render(tf.with_columns(pl.col("Id").str.to_uppercase())),
        "category_as_zero_padded": render(tf.with_columns(pl.col("Category").str.zfill(4))),
    }


SPEC = Spec(40, "Category", "999", int_target=True, extra=extra_cases)
