"""Golden cases of the-icml-2013-whale-challenge-right-whale-redux: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec
from golden_cases._auroc import binary_auroc_cases

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    cases = binary_auroc_cases(ctx, "probability")
    noisy = ctx.sub("noisy")
    cases["clip_without_extension"] = to_csv_bytes(
        noisy.with_columns(pl.col("clip").str.replace(r"\.aif$", ""))
    )
    return cases


SPEC = Spec(40, "probability", "1.5", extra=extra_cases)
