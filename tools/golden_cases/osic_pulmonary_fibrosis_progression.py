"""Golden cases of osic-pulmonary-fibrosis-progression: positional pairing after the sort, NaN
scores, caps on sd and error, the Patient_Week membership loop."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, set_cells

from mlebench_fast.synthetic._csv import to_csv_bytes


def _scored(answers: pl.DataFrame) -> set[str]:
    measured = answers.filter(pl.col("FVC").is_not_nan())
    latest = measured.sort("Weeks").group_by("Patient", maintain_order=True).tail(3)
    return set(latest["Patient_Week"].to_list())


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    scored = _scored(ctx.answers)
    weeks = noisy["Patient_Week"].to_list()
    hit = [i for i, w in enumerate(weeks) if w in scored]
    miss = [i for i, w in enumerate(weeks) if w not in scored]
    is_scored = pl.col("Patient_Week").is_in(list(scored))
    return {
        "scored_week_missing": to_csv_bytes(noisy.filter(pl.int_range(pl.len()) != hit[0])),
        "scored_week_repeated": to_csv_bytes(pl.concat([noisy, noisy[hit[0] : hit[0] + 1]])),
        "dummy_week_repeated": to_csv_bytes(pl.concat([noisy, noisy[miss[0] : miss[0] + 1]])),
        "only_scored_weeks": to_csv_bytes(noisy.filter(is_scored)),
        "one_scored_week": to_csv_bytes(noisy[hit[0] : hit[0] + 1]),
        "one_scored_week_twice": to_csv_bytes(pl.concat([noisy[hit[0] : hit[0] + 1]] * 2)),
        "no_scored_week": to_csv_bytes(noisy.filter(~is_scored)),
        "nan_fvc_scored": set_cells(noisy, "FVC", hit[:1], [""]),
        "nan_fvc_dummy": set_cells(noisy, "FVC", miss[:1], [""]),
        "inf_fvc_scored": set_cells(noisy, "FVC", hit[:1], ["inf"]),
        "nan_confidence": set_cells(noisy, "Confidence", hit[:2], ["", ""]),
        "inf_confidence": set_cells(noisy, "Confidence", hit[:1], ["inf"]),
        "negative_confidence": set_cells(noisy, "Confidence", hit[:1], ["-5"]),
        "text_confidence": set_cells(noisy, "Confidence", miss[:1], ["high"]),
        "bool_confidence": to_csv_bytes(noisy.with_columns((pl.col("Confidence") > 200).alias("Confidence"))),
        "int_columns": to_csv_bytes(
            noisy.with_columns(pl.col("FVC").round(0).cast(pl.Int64), pl.col("Confidence").round(0).cast(pl.Int64))
        ),
        "missing_confidence_column": to_csv_bytes(noisy.drop("Confidence")),
        "numeric_patient_week": to_csv_bytes(noisy.with_columns(pl.int_range(pl.len()).alias("Patient_Week"))),
        "nan_patient_week": set_cells(noisy, "Patient_Week", [3], [""]),
        "sorted_descending": to_csv_bytes(noisy.sort("Patient_Week", descending=True)),
        "huge_error": to_csv_bytes(noisy.with_columns(pl.lit(1e7).alias("FVC"))),
    }


SPEC = Spec(212, "FVC", "-1e9", extra=extra_cases)
