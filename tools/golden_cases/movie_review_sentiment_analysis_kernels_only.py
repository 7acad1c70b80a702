"""Golden cases of movie-review-sentiment-analysis-kernels-only: int ``Sentiment`` 0-4 by
``PhraseId``; answers carry SentenceId and Phrase (commas, quotes)."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec

from golden_cases._label_traps import int_label_cases
from mlebench_fast.synthetic._csv import to_csv_bytes

NAMES = {
    "0": "negative",
    "1": "somewhat negative",
    "2": "neutral",
    "3": "somewhat positive",
    "4": "positive",
}


def extra_cases(ctx: Context) -> dict[str, bytes]:
    return {
        **int_label_cases(ctx, "Sentiment", NAMES),
        "answers_columns_submitted": to_csv_bytes(ctx.answers),
        "sentence_id_instead_of_phrase_id": to_csv_bytes(
            ctx.answers.select(pl.col("SentenceId").alias("PhraseId"), "Sentiment")
        ),
    }


SPEC = Spec(40, "Sentiment", "5", int_target=True, extra=extra_cases)
