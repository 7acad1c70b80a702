"""ml2021spring-hw2: accuracy on the phoneme ``ClassId`` (0-38) of frames ``Id`` = 0..n-1."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality
from mlebench_fast.synthetic._labels import predict_labels


class Ml2021springHw2(Generator):
    competition_id = "ml2021spring-hw2"
    default_rows = 330_291
    id_column = "Id"
    is_lower_better = False
    leaderboard_teams = 1100
    leaderboard_best = 0.7897
    leaderboard_worst = 0.3

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        weights = rng.gamma(2.0, 1.0, size=39)
        labels = rng.choice(39, size=rows, p=weights / weights.sum())
        return pl.DataFrame(
            {"Id": np.arange(rows, dtype=np.int64), "ClassId": labels.astype(np.int64)}
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.with_columns(pl.lit(0, dtype=pl.Int64).alias("ClassId"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        pred = predict_labels(answers["ClassId"].to_numpy(), np.arange(39), quality, rng)
        return pl.DataFrame({"Id": answers["Id"], "ClassId": pred.astype(np.int64)})


GENERATOR = Ml2021springHw2()
