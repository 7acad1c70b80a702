"""Golden cases of tabular-playground-series-dec-2021: int ``Cover_Type`` 1-7 by ``Id``; the
answers are the wide test split (56 int columns)."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec

from golden_cases._label_traps import int_label_cases
from mlebench_fast.synthetic._csv import to_csv_bytes

NAMES = {str(i): f"cover{i}" for i in range(1, 8)}


def extra_cases(ctx: Context) -> dict[str, bytes]:
    return {
        **int_label_cases(ctx, "Cover_Type", NAMES),
        "whole_answers_submitted": to_csv_bytes(ctx.answers),
        "zero_based_classes": to_csv_bytes(
            ctx.sub("perfect").with_columns(pl.col("Cover_Type") - 1)
        ),
    }


SPEC = Spec(40, "Cover_Type", "8", int_target=True, extra=extra_cases)
