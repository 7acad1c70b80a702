"""plant-seedlings-classification: micro F1 on the ``species`` names (12, with spaces and
hyphens) of images ``file`` (9 hex digits + ``.png``), in train_test_split's shuffled order; the
sample submission says "Sugar beet" everywhere."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex
from mlebench_fast.synthetic._labels import predict_labels

SPECIES = np.array([
    "Black-grass", "Charlock", "Cleavers", "Common Chickweed", "Common wheat", "Fat Hen",
    "Loose Silky-bent", "Maize", "Scentless Mayweed", "Shepherds Purse",
    "Small-flowered Cranesbill", "Sugar beet",
])
_COUNTS = np.array([263, 390, 287, 611, 221, 475, 654, 221, 516, 231, 496, 385], dtype=np.float64)


class PlantSeedlingsClassification(Generator):
    competition_id = "plant-seedlings-classification"
    default_rows = 666
    id_column = "file"
    is_lower_better = False
    leaderboard_teams = 833
    leaderboard_best = 1.0
    leaderboard_worst = 0.05

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        files = random_hex(rows, 9, rng) + ".png"
        species = SPECIES[rng.choice(len(SPECIES), size=rows, p=_COUNTS / _COUNTS.sum())]
        return pl.DataFrame({"file": files, "species": species})

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.with_columns(pl.lit("Sugar beet").alias("species"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        pred = predict_labels(answers["species"].to_numpy(), SPECIES, quality, rng, noise=0.1)
        return pl.DataFrame({"file": answers["file"], "species": pred})


GENERATOR = PlantSeedlingsClassification()
