"""Golden cases of random-acts-of-pizza: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec
from golden_cases._auroc import binary_auroc_cases

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    cases = binary_auroc_cases(ctx, "requester_received_pizza")
    noisy = ctx.sub("noisy")
    cases["ids_uppercase"] = to_csv_bytes(noisy.with_columns(pl.col("request_id").str.to_uppercase()))
    cases["bool_target"] = to_csv_bytes(
        ctx.sub("perfect").with_columns(pl.col("requester_received_pizza") > 0.5)
    )
    return cases


SPEC = Spec(40, "requester_received_pizza", "1.5", extra=extra_cases)
