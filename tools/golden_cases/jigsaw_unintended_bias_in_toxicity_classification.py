"""Golden cases of jigsaw-unintended-bias-in-toxicity-classification: the 0.5 threshold on
predictions (NaN 0, inf 1, bools, text), the answers file as a submission, a file with both
``prediction`` and ``toxicity``, inverted labels (AUCs of 0 in the power mean), float ids."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, set_cells

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy").with_columns(pl.col("prediction").round(4))
    perfect = ctx.sub("perfect")
    truth = ctx.answers["toxicity"]
    return {
        "answers_as_submission": to_csv_bytes(ctx.answers),
        "toxicity_column": to_csv_bytes(noisy.rename({"prediction": "toxicity"})),
        "both_columns": to_csv_bytes(noisy.with_columns(pl.col("prediction").alias("toxicity"))),
        "inverted": to_csv_bytes(perfect.with_columns((1 - pl.col("prediction")).alias("prediction"))),
        "half_inverted": to_csv_bytes(
            perfect.with_columns(
                pl.when(pl.int_range(pl.len()) % 2 == 0)
                .then(1 - pl.col("prediction"))
                .otherwise(pl.col("prediction"))
                .alias("prediction")
            )
        ),
        "at_threshold": to_csv_bytes(
            noisy.with_columns(
                pl.when(pl.int_range(pl.len()) % 3 == 0)
                .then(pl.lit(0.5))
                .when(pl.int_range(pl.len()) % 3 == 1)
                .then(pl.lit(0.49999999999999994))
                .otherwise(pl.col("prediction"))
                .alias("prediction")
            )
        ),
        "all_ones": to_csv_bytes(noisy.with_columns(pl.lit(1).alias("prediction"))),
        "negative_and_large": to_csv_bytes(
            noisy.with_columns((pl.col("prediction") * 200 - 100).alias("prediction"))
        ),
        "bool_prediction": to_csv_bytes(noisy.with_columns((pl.col("prediction") > 0.3).alias("prediction"))),
        "bool_with_na": set_cells(
            noisy.with_columns((pl.col("prediction") > 0.5).alias("prediction")), "prediction",
            [0, 4], ["", "NA"],
        ),
        "many_nan": to_csv_bytes(
            noisy.with_columns(
                pl.when(pl.col("prediction") > 0.6).then(None).otherwise(pl.col("prediction"))
                .alias("prediction")
            )
        ),
        "neg_inf": set_cells(noisy, "prediction", [0, 1], ["-inf", "-Infinity"]),
        "float_ids": to_csv_bytes(noisy.with_columns(pl.col("id").cast(pl.Float64))),
        "prefixed_ids": to_csv_bytes(noisy.with_columns(("c" + pl.col("id").cast(pl.String)).alias("id"))),
        "int_truth": to_csv_bytes(perfect.with_columns((pl.Series(truth) >= 0.5).cast(pl.Int64).alias("prediction"))),
        # Every AUC exactly 0: s ** -5 is infinite and each power mean 0.
        "inverted_labels": to_csv_bytes(
            perfect.with_columns((pl.Series(truth) < 0.5).cast(pl.Int64).alias("prediction"))
        ),
        "renamed_prediction": to_csv_bytes(noisy.rename({"prediction": "target"})),
    }


SPEC = Spec(300, "prediction", "1.5", extra=extra_cases)
