"""Golden cases of invasive-species-monitoring: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec
from golden_cases._auroc import binary_auroc_cases

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    cases = binary_auroc_cases(ctx, "invasive")
    noisy = ctx.sub("noisy")
    cases["ids_float"] = to_csv_bytes(noisy.with_columns(pl.col("name").cast(pl.Float64)))
    cases["ids_as_file_names"] = to_csv_bytes(
        noisy.with_columns(pl.col("name").cast(pl.String) + ".jpg")
    )
    return cases


SPEC = Spec(40, "invasive", "1.5", extra=extra_cases)
