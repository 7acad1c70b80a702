"""aptos2019-blindness-detection: quadratic weighted kappa on the integer ``diagnosis`` (0-4)."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex

# Grade frequencies of the real train.csv (no DR, mild, moderate, severe, proliferative).
_GRADE_P = np.array([1805, 370, 999, 193, 295]) / 3662


class Aptos2019BlindnessDetection(Generator):
    competition_id = "aptos2019-blindness-detection"
    default_rows = 367
    id_column = "id_code"
    is_lower_better = False
    leaderboard_teams = 2928
    leaderboard_best = 0.936
    leaderboard_worst = 0.2

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        return pl.DataFrame(
            {
                "id_code": random_hex(rows, 12, rng),
                "diagnosis": rng.choice(5, size=rows, p=_GRADE_P).astype(np.int64),
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.with_columns(pl.lit(0, dtype=pl.Int64).alias("diagnosis"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        truth = answers["diagnosis"].to_numpy()
        n = len(truth)
        if quality == "perfect":
            pred = truth
        elif quality == "noisy":
            step = rng.choice([-1, 0, 0, 0, 0, 1], size=n)
            pred = np.clip(truth + step, 0, 4)
        else:
            pred = rng.integers(0, 5, size=n)
        return pl.DataFrame({"id_code": answers["id_code"], "diagnosis": pred.astype(np.int64)})


GENERATOR = Aptos2019BlindnessDetection()
