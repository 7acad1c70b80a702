"""Golden cases of leaf-classification: exact column set, row sums within atol=1e-6, 99 classes."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec
from golden_cases._probability_traps import matrix_cases

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    classes = noisy.columns[1:]
    return {
        **matrix_cases(ctx, classes),
        "uniform": to_csv_bytes(ctx.gen.sample_submission(ctx.answers)),
        "float_ids": to_csv_bytes(noisy.with_columns(pl.col("id").cast(pl.Float64))),
    }


SPEC = Spec(12, "Acer_Capillipes", "1.5", extra=extra_cases)
