"""Golden cases of tabular-playground-series-may-2022: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec
from golden_cases._auroc import binary_auroc_cases

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    cases = binary_auroc_cases(ctx, "target")
    noisy = ctx.sub("noisy")
    cases["ids_float"] = to_csv_bytes(noisy.with_columns(pl.col("id").cast(pl.Float64)))
    cases["answers_columns"] = to_csv_bytes(
        ctx.answers.with_columns(pl.Series("target", noisy.sort("id")["target"]))
    )
    cases["ids_from_zero"] = to_csv_bytes(noisy.with_columns(pl.col("id") - 800_000))
    return cases


SPEC = Spec(40, "target", "1.5", extra=extra_cases)
