"""Golden cases of herbarium-2022-fgvc9: int ``Id`` 0..N-1, ``[int(y) for y in Predicted]``."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, text

from golden_cases._int_f1_traps import int_f1_cases


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    tf = text(perfect)
    return {
        **int_f1_cases(ctx, "Predicted"),
        "ids_shifted_by_one": render(
            tf.with_columns((pl.col("Id").cast(pl.Int64) + 1).cast(pl.String))
        ),
        "ids_zero_padded": render(tf.with_columns(pl.col("Id").str.zfill(6))),
        "columns_swapped": render(
            tf.select(pl.col("Predicted").alias("Id"), pl.col("Id").alias("Predicted"))
        ),
    }


SPEC = Spec(60, "Predicted", "99999", int_target=True, extra=extra_cases)
