"""dogs-vs-cats-redux-kernels-edition: binary log loss, ``id`` 1..N, ``label`` 1 for a dog."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality
from mlebench_fast.synthetic._probabilities import noisy_binary


class DogsVsCats(Generator):
    competition_id = "dogs-vs-cats-redux-kernels-edition"
    default_rows = 2500
    id_column = "id"
    is_lower_better = True
    leaderboard_teams = 1314
    leaderboard_best = 0.033
    leaderboard_worst = 17.0

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        return pl.DataFrame(
            {"id": np.arange(1, rows + 1, dtype=np.int64), "label": rng.integers(0, 2, rows)}
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.with_columns(pl.lit(0.5).alias("label"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        pred = noisy_binary(answers["label"].to_numpy(), quality, rng)
        return pl.DataFrame({"id": answers["id"], "label": pred})


GENERATOR = DogsVsCats()
