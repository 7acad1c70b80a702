"""Golden cases of alaska2-image-steganalysis: the generic traps, the shared AUC traps, and its
own (no range check, float conversion of text, threshold insertion)."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, set_cells
from golden_cases._auroc import binary_auroc_cases

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    cases = binary_auroc_cases(ctx, "Label")
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    label = pl.col("Label")
    cases["logits"] = to_csv_bytes(noisy.with_columns((label * 20 - 10).alias("Label")))
    cases["huge_scores"] = to_csv_bytes(noisy.with_columns(label * 1e300))
    cases["coarse_scores"] = to_csv_bytes(noisy.with_columns((label * 4).round(0) / 4))
    cases["two_level_scores"] = to_csv_bytes(noisy.with_columns((label > 0.5).cast(pl.Int64)))
    cases["neg_inf_score"] = set_cells(noisy, "Label", [3], ["-inf"])
    cases["ids_without_jpg"] = to_csv_bytes(noisy.with_columns(pl.col("Id").str.replace(r"\.jpg$", "")))
    cases["ids_unpadded"] = to_csv_bytes(
        noisy.with_columns(pl.col("Id").str.strip_chars_start("0"))
    )
    cases["half_right"] = to_csv_bytes(
        perfect.with_columns(
            pl.when(pl.int_range(pl.len()) % 2 == 0).then(label).otherwise(0.5).alias("Label")
        )
    )
    return cases


SPEC = Spec(40, "Label", "1.5", extra=extra_cases)
