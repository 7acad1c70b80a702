"""whale-categorization-playground: MAP@5 over space-separated whale ids (``w_`` + 7 hex, new_whale)."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex

SAMPLE_PREDICTION = "new_whale w_1287fbc w_98baff9 w_7554f44 w_1eafe46"


class WhaleCategorizationPlayground(Generator):
    competition_id = "whale-categorization-playground"
    default_rows = 2610
    id_column = "Image"
    is_lower_better = False
    leaderboard_teams = 528
    leaderboard_best = 0.78
    leaderboard_worst = 0.05

    def _whale_pool(self, rows: int, rng: np.random.Generator) -> np.ndarray:
        return ("w_" + random_hex(max(8, rows // 2), 7, rng)).to_numpy()

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        pool = self._whale_pool(rows, rng)
        # A few whales have many photos, most have one or two (Zipf-like), and every id seen only
        # in the test split was relabelled new_whale by prepare.py.
        weights = 1.0 / np.arange(1, len(pool) + 1) ** 0.8
        ids = rng.choice(pool, size=rows, p=weights / weights.sum()).astype(object)
        ids[rng.random(rows) < 0.3] = "new_whale"
        ids[0] = "new_whale"
        return pl.DataFrame({"Image": random_hex(rows, 8, rng) + ".jpg", "Id": ids.astype(str)})

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.with_columns(pl.lit(SAMPLE_PREDICTION).alias("Id"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        truth = answers["Id"].to_numpy()
        n = len(truth)
        candidates = np.unique(np.concatenate([truth, ["new_whale"]]))
        guesses = rng.choice(candidates, size=(n, 5))
        if quality == "perfect":
            guesses[:, 0] = truth
        elif quality == "noisy":
            # The true id at a random rank, or missing from the five guesses for a third of rows.
            rank = rng.integers(0, 5, size=n)
            hit = rng.random(n) < 0.67
            guesses[np.flatnonzero(hit), rank[hit]] = truth[hit]
        joined = [" ".join(row) for row in guesses.tolist()]
        return pl.DataFrame({"Image": answers["Image"], "Id": joined})


GENERATOR = WhaleCategorizationPlayground()
