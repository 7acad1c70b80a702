"""plant-pathology-2021-fgvc8: images (16 hex + ``.jpg``) labelled with one of the 12 disease
combinations of the real data, at their real frequencies, in train_test_split's order."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex
from mlebench_fast.synthetic._multilabel import predict_label_sets

NAMES = np.array(
    ["healthy", "scab", "frog_eye_leaf_spot", "rust", "complex", "powdery_mildew"]
)
COMBINATIONS = np.array(
    [
        "scab", "healthy", "frog_eye_leaf_spot", "rust", "complex", "powdery_mildew",
        "scab frog_eye_leaf_spot", "scab frog_eye_leaf_spot complex", "frog_eye_leaf_spot complex",
        "rust frog_eye_leaf_spot", "rust complex", "powdery_mildew complex",
    ]
)
_FREQUENCIES = np.array([4826, 4624, 3181, 1860, 1602, 1184, 686, 200, 165, 120, 97, 87], float)


class PlantPathology2021Fgvc8(Generator):
    competition_id = "plant-pathology-2021-fgvc8"
    default_rows = 3727
    id_column = "image"
    is_lower_better = False
    leaderboard_teams = 626
    leaderboard_best = 0.88
    leaderboard_worst = 0.0

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        picks = rng.choice(len(COMBINATIONS), size=rows, p=_FREQUENCIES / _FREQUENCIES.sum())
        picks[: min(rows, len(COMBINATIONS))] = np.arange(min(rows, len(COMBINATIONS)))
        picks = picks[rng.permutation(rows)]
        return pl.DataFrame(
            {"image": random_hex(rows, 16, rng) + ".jpg", "labels": COMBINATIONS[picks]}
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.with_columns(pl.lit("healthy").alias("labels"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        labels = predict_label_sets(answers["labels"], NAMES, quality, rng, extra=0.3)
        return pl.DataFrame({"image": answers["image"], "labels": labels})


GENERATOR = PlantPathology2021Fgvc8()
