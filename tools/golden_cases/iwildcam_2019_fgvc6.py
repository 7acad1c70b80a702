"""Golden cases of iwildcam-2019-fgvc6: uuid string ``Id``, ``[int(y) for y in Category]``."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, text

from golden_cases._int_f1_traps import int_f1_cases


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    tf = text(perfect)
    return {
        **int_f1_cases(ctx, "Category"),
        "ids_without_dashes": render(tf.with_columns(pl.col("Id").str.replace_all("-", ""))),
        "ids_with_jpg": render(tf.with_columns(pl.col("Id") + ".jpg")),
        "category_zero_padded": render(tf.with_columns(pl.col("Category").str.zfill(4))),
        "perfect_with_index_column": render(
            tf.with_columns(pl.int_range(pl.len()).cast(pl.String).alias("")).select(
                "", "Id", "Category"
            )
        ),
    }


SPEC = Spec(60, "Category", "23", int_target=True, extra=extra_cases)
