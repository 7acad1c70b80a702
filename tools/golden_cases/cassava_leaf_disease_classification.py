"""Golden cases of cassava-leaf-disease-classification: int labels 0-4, ``<digits>.jpg`` ids."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, text

from golden_cases._label_traps import int_label_cases

NAMES = {"0": "CBB", "1": "CBSD", "2": "CGM", "3": "CMD", "4": "Healthy"}


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    tf = text(perfect)
    return {
        **int_label_cases(ctx, "label", NAMES),
        "ids_without_extension": render(
            tf.with_columns(pl.col("image_id").str.replace(r"\.jpg$", ""))
        ),
        "ids_uppercase_extension": render(
            tf.with_columns(pl.col("image_id").str.replace(r"\.jpg$", ".JPG"))
        ),
    }


SPEC = Spec(40, "label", "9", int_target=True, extra=extra_cases)
