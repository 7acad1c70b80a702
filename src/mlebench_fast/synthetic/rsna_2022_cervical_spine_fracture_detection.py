"""rsna-2022-cervical-spine-fracture-detection: train labels of held-out studies, melted into one
row per (study, target) in ``melt`` order (every study's patient_overall, then every C1, ...)."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, unique_ints
from mlebench_fast.synthetic._probabilities import noisy_binary

TARGETS = ("patient_overall", "C1", "C2", "C3", "C4", "C5", "C6", "C7")
# Fracture rates of C1..C7 in the real train labels.
_RATES = np.array([0.07, 0.14, 0.04, 0.05, 0.08, 0.14, 0.19])


class CervicalSpine(Generator):
    competition_id = "rsna-2022-cervical-spine-fracture-detection"
    default_rows = 14536
    id_column = "row_id"
    is_lower_better = True
    leaderboard_teams = 883
    leaderboard_best = 0.3122
    leaderboard_worst = 1.5

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        # Real sizes are multiples of 8; a smaller request is cut from one melted study.
        studies = max(1, -(-rows // len(TARGETS)))
        uids = "1.2.826.0.1.3680043." + pl.Series(unique_ints(studies, 1, 32_800, rng)).cast(pl.String)
        vertebrae = (rng.random((studies, 7)) < _RATES).astype(np.int64)
        labels = np.column_stack([vertebrae.max(axis=1), vertebrae])
        melted = pl.DataFrame(
            {
                "StudyInstanceUID": pl.concat([uids] * len(TARGETS)),
                "prediction_type": np.repeat(np.array(TARGETS), studies),
                "fractured": labels.T.ravel(),
            }
        )
        return melted.with_columns(
            (pl.col("StudyInstanceUID") + "_" + pl.col("prediction_type")).alias("row_id")
        ).head(rows)

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("row_id", pl.lit(0.5).alias("fractured"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        pred = noisy_binary(answers["fractured"].to_numpy(), quality, rng)
        return pl.DataFrame({"row_id": answers["row_id"], "fractured": pred})


GENERATOR = CervicalSpine()
