"""petfinder-pawpularity-score: RMSE of the integer ``Pawpularity`` (1-100), ids 32-hex."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex

_META = ("Subject Focus", "Eyes", "Face", "Near", "Action", "Accessory", "Group", "Collage",
         "Human", "Occlusion", "Info", "Blur")
_META_P = (0.03, 0.77, 0.9, 0.86, 0.01, 0.07, 0.13, 0.05, 0.17, 0.17, 0.06, 0.07)


class PetfinderPawpularityScore(Generator):
    competition_id = "petfinder-pawpularity-score"
    default_rows = 992
    id_column = "Id"
    is_lower_better = True
    leaderboard_teams = 3537
    leaderboard_best = 16.8
    leaderboard_worst = 25.0

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        meta = {name: (rng.random(rows) < p).astype(np.int64) for name, p in zip(_META, _META_P)}
        # The real scores are skewed: most pets sit around 25-45, a bump at 100.
        score = np.clip(np.round(rng.gamma(4.0, 9.5, rows)), 1, 100).astype(np.int64)
        score[rng.random(rows) < 0.03] = 100
        return pl.DataFrame({"Id": random_hex(rows, 32, rng), **meta, "Pawpularity": score})

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        rng = np.random.default_rng(0)
        pred = np.round(rng.uniform(1, 100, answers.height), 2)
        return pl.DataFrame({"Id": answers["Id"], "Pawpularity": pred})

    def _predict(self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator) -> pl.DataFrame:
        truth = answers["Pawpularity"].to_numpy().astype(np.float64)
        n = len(truth)
        if quality == "perfect":
            pred = truth
        elif quality == "noisy":
            pred = np.clip(np.round(0.4 * truth + 0.6 * 38 + rng.normal(0, 8, n), 3), 1, 100)
        else:
            pred = np.round(rng.uniform(1, 100, n), 3)
        return pl.DataFrame({"Id": answers["Id"], "Pawpularity": pred})


GENERATOR = PetfinderPawpularityScore()
