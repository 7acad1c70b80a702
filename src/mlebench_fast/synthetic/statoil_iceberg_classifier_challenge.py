"""statoil-iceberg-classifier-challenge: binary log loss, 8-hex ``id``, ``is_iceberg`` 0/1."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex
from mlebench_fast.synthetic._probabilities import noisy_binary


class StatoilIceberg(Generator):
    competition_id = "statoil-iceberg-classifier-challenge"
    default_rows = 321
    id_column = "id"
    is_lower_better = True
    leaderboard_teams = 3330
    leaderboard_best = 0.0822
    leaderboard_worst = 1.2

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        # Slightly under half of the train images are icebergs.
        return pl.DataFrame(
            {"id": random_hex(rows, 8, rng), "is_iceberg": (rng.random(rows) < 0.47).astype(np.int64)}
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.with_columns(pl.lit(0.5).alias("is_iceberg"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        pred = noisy_binary(answers["is_iceberg"].to_numpy(), quality, rng)
        return pl.DataFrame({"id": answers["id"], "is_iceberg": pred})


GENERATOR = StatoilIceberg()
