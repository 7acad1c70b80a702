"""Golden cases of rsna-miccai-brain-tumor-radiogenomic-classification: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec
from golden_cases._auroc import binary_auroc_cases

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    cases = binary_auroc_cases(ctx, "MGMT_value")
    noisy = ctx.sub("noisy")
    ids = pl.col("BraTS21ID")
    cases["ids_unpadded"] = to_csv_bytes(noisy.with_columns(ids.cast(pl.Int64)))
    cases["ids_float"] = to_csv_bytes(noisy.with_columns(ids.cast(pl.Float64)))
    cases["ids_prefixed"] = to_csv_bytes(noisy.with_columns("BraTS_" + ids))
    cases["ids_one_padded_differently"] = to_csv_bytes(
        noisy.with_columns(
            pl.when(pl.int_range(pl.len()) == 0).then("0" + ids).otherwise(ids).alias("BraTS21ID")
        )
    )
    return cases


SPEC = Spec(40, "MGMT_value", "1.5", extra=extra_cases)
