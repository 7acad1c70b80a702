"""Golden cases of h-and-m-personalized-fashion-recommendations: generic traps and its own."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    answers = ctx.answers
    n = answers.height
    first = answers["prediction"].str.split(" ").list.first()
    only_buyers = perfect.head(n)
    return {
        "only_answer_customers": to_csv_bytes(only_buyers),
        "answers_themselves": to_csv_bytes(answers),
        "one_buyer_missing": to_csv_bytes(perfect.slice(1)),
        # a buyer listed twice shifts every later buyer's row in the reference's zip
        "buyer_listed_twice": to_csv_bytes(pl.concat([perfect, perfect.slice(5, 1)])),
        "buyer_listed_twice_first": to_csv_bytes(pl.concat([perfect.head(1), perfect])),
        "leading_zero_articles": to_csv_bytes(
            only_buyers.with_columns(("0" + first).alias("prediction"))
        ),
        "single_int_article": to_csv_bytes(only_buyers.with_columns(first.cast(pl.Int64).alias("prediction"))),
        "single_float_article": render(
            text(only_buyers).with_columns((first + ".0").alias("prediction"))
        ),
        "nan_predictions": set_cells(noisy, "prediction", [0, 1, 2], ["", "nan", "NA"]),
        "repeated_articles": to_csv_bytes(
            only_buyers.with_columns((first + " " + first + " " + first).alias("prediction"))
        ),
        "more_than_twelve": to_csv_bytes(
            only_buyers.with_columns(
                (pl.lit("1 2 3 4 5 6 7 8 9 10 11 12 ") + first).alias("prediction")
            )
        ),
        "double_spaces": to_csv_bytes(
            only_buyers.with_columns((pl.lit("1  ") + first).alias("prediction"))
        ),
        "uppercase_ids": to_csv_bytes(perfect.with_columns(pl.col("customer_id").str.to_uppercase())),
        "rank_column": to_csv_bytes(perfect.with_columns(pl.lit(1).alias("rank"))),
        "nan_customer_extra": set_cells(perfect, "customer_id", [perfect.height - 1], [""]),
        "int_customer_ids": render(
            text(perfect).with_columns(pl.Series("customer_id", [str(i) for i in range(perfect.height)]))
        ),
    }


SPEC = Spec(40, "prediction", "-1", numeric_target=False, extra=extra_cases)
