"""rsna-breast-cancer-detection: probabilistic F1 of ``cancer`` per ``<patient>_<L|R>``."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, unique_ints


class RsnaBreastCancerDetection(Generator):
    competition_id = "rsna-breast-cancer-detection"
    default_rows = 2384
    id_column = "prediction_id"
    is_lower_better = False
    leaderboard_teams = 1687
    leaderboard_best = 0.55
    leaderboard_worst = 0.0

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        patients = unique_ints(-(-rows // 2), 5, 65535, rng).astype(str)
        ids = np.sort(np.char.add(np.repeat(patients, 2), np.tile(["_L", "_R"], len(patients))))[:rows]
        cancer = (rng.random(rows) < 0.03).astype(np.int64)
        cancer[0] = 1  # at least one positive: pfbeta divides by the positives' count
        return pl.DataFrame({"prediction_id": ids, "cancer": cancer})

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.with_columns(pl.lit(0.021226).alias("cancer"))

    def _predict(self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator) -> pl.DataFrame:
        truth = answers["cancer"].to_numpy().astype(np.float64)
        n = len(truth)
        if quality == "perfect":
            pred = truth
        elif quality == "noisy":
            pred = np.round(np.clip(0.5 * truth + rng.beta(0.5, 8, n), 0, 1), 5)
        else:
            pred = np.round(rng.random(n), 5)
        return pl.DataFrame({"prediction_id": answers["prediction_id"], "cancer": pred})


GENERATOR = RsnaBreastCancerDetection()
