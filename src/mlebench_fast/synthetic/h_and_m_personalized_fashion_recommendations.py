"""h-and-m-personalized-fashion-recommendations: MAP@12 of article ids over purchasing customers.

Answers are the customers who bought in the test week (sorted by id, the groupby order), their
purchases as space-separated int article ids (no leading 0, purchase order, repeats kept).
Submissions list every customer (~17.6x the answers at the real size).
"""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex

# Kaggle's sample_submission.csv: the same 12 zero-padded articles for everyone.
SAMPLE_PREDICTION = (
    "0706016001 0706016002 0372860001 0610776002 0759871002 0464297007 "
    "0372860002 0610776001 0399223001 0706016003 0720125001 0156231001"
)
ALL_CUSTOMERS, BUYERS = 1_371_980, 78_000


def _join(matrix: np.ndarray, lengths: np.ndarray | None = None) -> pl.Series:
    frame = pl.DataFrame(matrix.astype(np.int64))
    if lengths is None:
        return frame.select(pl.concat_str(pl.all(), separator=" ")).to_series()
    lists = frame.select(pl.concat_list(pl.all().cast(pl.String)).alias("l")).with_columns(
        pl.Series("n", lengths)
    )
    return lists.select(pl.col("l").list.head(pl.col("n")).list.join(" ")).to_series()


class HAndMPersonalizedFashionRecommendations(Generator):
    competition_id = "h-and-m-personalized-fashion-recommendations"
    default_rows = BUYERS
    id_column = "customer_id"
    is_lower_better = False
    leaderboard_teams = 2952
    leaderboard_best = 0.0369
    leaderboard_worst = 0.0

    def _articles(self, rng: np.random.Generator) -> np.ndarray:
        return np.unique(rng.integers(108_775_015, 959_461_001, size=5000))

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        articles = self._articles(rng)
        bought = np.minimum(rng.geometric(0.35, size=rows), 12)
        picks = articles[rng.integers(0, articles.size, size=(rows, 12))]
        ids = random_hex(rows, 64, rng).sort()
        return pl.DataFrame({"customer_id": ids, "prediction": _join(picks, bought)})

    def _all_customers(self, answers: pl.DataFrame, rng: np.random.Generator) -> pl.Series:
        n = answers.height
        others = round(n * (ALL_CUSTOMERS / BUYERS - 1)) if n >= 10_000 else n // 4
        return pl.concat([answers["customer_id"], random_hex(others, 64, rng)])

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        ids = self._all_customers(answers, np.random.default_rng(0)).sort()
        return pl.DataFrame({"customer_id": ids}).with_columns(
            pl.lit(SAMPLE_PREDICTION).alias("prediction")
        )

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        ids = self._all_customers(answers, rng)
        total, n = ids.len(), answers.height
        articles = self._articles(rng)
        guesses = articles[rng.integers(0, articles.size, size=(total, 12))]
        if quality != "random":
            first = answers["prediction"].str.split(" ").list.first().cast(pl.Int64).to_numpy()
            hit = np.ones(n, dtype=bool) if quality == "perfect" else rng.random(n) < 0.3
            rank = np.zeros(n, dtype=np.int64) if quality == "perfect" else rng.integers(0, 12, n)
            guesses[np.flatnonzero(hit), rank[hit]] = first[hit]
        if quality == "perfect":
            truth = answers["prediction"]
            rest = _join(guesses[n:])
            return pl.DataFrame({"customer_id": ids, "prediction": pl.concat([truth, rest])})
        return pl.DataFrame({"customer_id": ids, "prediction": _join(guesses)})


GENERATOR = HAndMPersonalizedFashionRecommendations()
