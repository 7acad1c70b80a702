"""Golden cases of dogs-vs-cats-redux-kernels-edition: binary log loss with a length check."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec
from golden_cases._binary_traps import binary_cases

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    return {
        **binary_cases(ctx, "label"),
        "float_ids": to_csv_bytes(noisy.with_columns(pl.col("id").cast(pl.Float64))),
    }


SPEC = Spec(40, "label", "1.5", extra=extra_cases)
