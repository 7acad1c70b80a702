"""aerial-cactus-identification: ROC AUC on ``has_cactus`` probabilities, ids are ``<32 hex>.jpg``."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex


class AerialCactusIdentification(Generator):
    competition_id = "aerial-cactus-identification"
    default_rows = 3325
    id_column = "id"
    is_lower_better = False
    leaderboard_teams = 1220
    leaderboard_best = 1.0
    leaderboard_worst = 0.5

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        ids = random_hex(rows, 32, rng) + ".jpg"
        # About three quarters of the real tiles contain a cactus.
        return pl.DataFrame({"id": ids, "has_cactus": (rng.random(rows) < 0.75).astype(np.int64)})

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.with_columns(pl.lit(0.5).alias("has_cactus"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        truth = answers["has_cactus"].to_numpy().astype(float)
        n = len(truth)
        if quality == "perfect":
            pred = truth
        elif quality == "noisy":
            pred = np.clip(0.15 + 0.7 * truth + rng.normal(0, 0.2, n), 0.0, 1.0)
        else:
            pred = rng.random(n)
        return pl.DataFrame({"id": answers["id"], "has_cactus": pred})


GENERATOR = AerialCactusIdentification()
