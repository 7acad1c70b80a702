"""Golden cases of seti-breakthrough-listen: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec
from golden_cases._auroc import binary_auroc_cases

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    cases = binary_auroc_cases(ctx, "target")
    noisy = ctx.sub("noisy")
    cases["ids_uppercase"] = to_csv_bytes(noisy.with_columns(pl.col("id").str.to_uppercase()))
    return cases


SPEC = Spec(40, "target", "1.5", digit_id="123456789012345", extra=extra_cases)
