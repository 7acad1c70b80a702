"""Golden cases of histopathologic-cancer-detection: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec
from golden_cases._auroc import binary_auroc_cases

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    cases = binary_auroc_cases(ctx, "label")
    noisy = ctx.sub("noisy")
    cases["ids_with_tif"] = to_csv_bytes(noisy.with_columns(pl.col("id") + ".tif"))
    return cases


SPEC = Spec(40, "label", "1.5", digit_id="1234567890123456789012345678901234567890", extra=extra_cases)
