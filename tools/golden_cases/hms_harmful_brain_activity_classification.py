"""Golden cases of hms-harmful-brain-activity-classification: repeated eeg_ids paired by position,
round(sum, 5) == 1, Kaggle's verify_valid_probabilities over every non-id column, NaN skipped."""

from __future__ import annotations

import numpy as np
import polars as pl
from _golden_cases import Context, Spec
from golden_cases._probability_traps import matrix_cases

from mlebench_fast.synthetic._csv import to_csv_bytes

TARGETS = ["seizure_vote", "lpd_vote", "gpd_vote", "lrda_vote", "grda_vote", "other_vote"]


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    ids = ctx.answers["eeg_id"].to_list()
    counts = ctx.answers["eeg_id"].value_counts().sort("count", descending=True)
    repeated = counts["eeg_id"][0]
    single_or_other = counts["eeg_id"][-1]
    # one row's id swapped for another id that stays present: same set, other multiplicities
    keep_set = list(ids)
    donor = next(i for i, v in enumerate(ids) if v == repeated)
    keep_set[donor] = single_or_other
    raw_votes = ctx.answers.select("eeg_id", *TARGETS).with_columns(pl.col(TARGETS).cast(pl.Float64))
    one_hot = perfect.select(TARGETS).to_numpy()
    one_hot = (one_hot == one_hot.max(axis=1, keepdims=True)).astype(np.int64)
    one_hot[one_hot.sum(axis=1) > 1] = np.eye(len(TARGETS), dtype=np.int64)[0]
    return {
        **matrix_cases(ctx, TARGETS),
        "perfect_reversed": to_csv_bytes(perfect.reverse()),
        "perfect_ids_rearranged_same_set": to_csv_bytes(
            perfect.with_columns(pl.Series("eeg_id", keep_set))
        ),
        "raw_vote_counts": to_csv_bytes(raw_votes),
        "extra_zero_column": to_csv_bytes(noisy.with_columns(pl.lit(0).alias("extra"))),
        "extra_one_column": to_csv_bytes(noisy.with_columns(pl.lit(1).alias("extra"))),
        "extra_text_column": to_csv_bytes(noisy.with_columns(pl.lit("a").alias("note"))),
        "extra_bool_column": to_csv_bytes(noisy.with_columns(pl.lit(False).alias("flag"))),
        "int_one_hot_predictions": to_csv_bytes(
            perfect.select("eeg_id").hstack(pl.DataFrame(one_hot, schema=TARGETS))
        ),
    }


SPEC = Spec(40, "seizure_vote", "1.5", extra=extra_cases)
