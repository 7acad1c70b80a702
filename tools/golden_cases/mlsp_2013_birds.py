"""Golden cases of mlsp-2013-birds: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec
from golden_cases._auroc import binary_auroc_cases

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    cases = binary_auroc_cases(ctx, "Probability")
    noisy = ctx.sub("noisy")
    cases["ids_float"] = to_csv_bytes(noisy.with_columns(pl.col("Id").cast(pl.Float64)))
    cases["ids_shifted"] = to_csv_bytes(noisy.with_columns(pl.col("Id") + 1))
    cases["ids_as_text"] = to_csv_bytes(noisy.with_columns("rec" + pl.col("Id").cast(pl.String)))
    return cases


SPEC = Spec(40, "Probability", "1.5", extra=extra_cases)
