"""predict-volcanic-eruptions-ingv-oe: MAE of the integer ``time_to_eruption`` per segment."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality


class PredictVolcanicEruptionsIngvOe(Generator):
    competition_id = "predict-volcanic-eruptions-ingv-oe"
    default_rows = 444
    id_column = "segment_id"
    is_lower_better = True
    leaderboard_teams = 620
    leaderboard_best = 3_500_000.0
    leaderboard_worst = 20_000_000.0

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        ids = rng.choice(2_147_000_000, size=rows, replace=False).astype(np.int64) + 500_000
        return pl.DataFrame(
            {
                "segment_id": ids,
                "time_to_eruption": rng.integers(6_250, 49_046_087, rows).astype(np.int64),
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.with_columns(pl.lit(0, dtype=pl.Int64).alias("time_to_eruption"))

    def _predict(self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator) -> pl.DataFrame:
        truth = answers["time_to_eruption"].to_numpy()
        n = len(truth)
        if quality == "perfect":
            pred = truth.astype(np.float64)
        elif quality == "noisy":
            pred = np.maximum(0.0, np.round(truth + rng.normal(0, 5e6, n), 2))
        else:
            pred = np.round(rng.uniform(0, 5e7, n), 2)
        return pl.DataFrame({"segment_id": answers["segment_id"], "time_to_eruption": pred})


GENERATOR = PredictVolcanicEruptionsIngvOe()
