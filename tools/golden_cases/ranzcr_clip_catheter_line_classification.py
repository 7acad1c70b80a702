"""Golden cases of ranzcr-clip-catheter-line-classification: the generic traps on the first
class, and its own (nine of eleven classes scored, per-class checks in class order)."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, set_cells

from mlebench_fast.synthetic._csv import to_csv_bytes

CLASSES = (
    "ETT - Abnormal",
    "ETT - Borderline",
    "ETT - Normal",
    "NGT - Abnormal",
    "NGT - Borderline",
    "NGT - Incompletely Imaged",
    "NGT - Normal",
    "CVC - Abnormal",
    "CVC - Borderline",
)


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    return {
        "nine_classes_only": to_csv_bytes(noisy.select("StudyInstanceUID", *CLASSES)),
        "last_class_missing": to_csv_bytes(noisy.drop("CVC - Borderline")),
        "unscored_class_missing": to_csv_bytes(noisy.drop("Swan Ganz Catheter Present")),
        "out_of_range_last_class": set_cells(noisy, "CVC - Borderline", [2], ["1.5"]),
        "out_of_range_unscored_class": set_cells(noisy, "CVC - Normal", [2], ["1.5"]),
        "text_in_unscored_class": set_cells(noisy, "CVC - Normal", [2], ["abc"]),
        "nan_in_last_class": set_cells(noisy, "CVC - Borderline", [2], [""]),
        "constant_prediction": to_csv_bytes(noisy.with_columns(pl.lit(0.5).alias(c) for c in CLASSES)),
        "int_labels": to_csv_bytes(
            perfect.with_columns(pl.col(c).cast(pl.Int64) for c in perfect.columns[1:])
        ),
        "inverted_prediction": to_csv_bytes(perfect.with_columns((1 - pl.col(c)).alias(c) for c in CLASSES)),
    }


SPEC = Spec(40, "ETT - Abnormal", "1.5", extra=extra_cases)
