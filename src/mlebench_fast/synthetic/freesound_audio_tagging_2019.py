"""freesound-audio-tagging-2019: label-weighted LRAP over 80 multi-hot classes per clip."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex

CLASS_NAMES = tuple(
    (Path(__file__).parents[1] / "competitions" / "freesound_classes.txt").read_text().split()
)


class FreesoundAudioTagging2019(Generator):
    competition_id = "freesound-audio-tagging-2019"
    default_rows = 3361
    id_column = "fname"
    is_lower_better = False
    leaderboard_teams = 880
    leaderboard_best = 0.76
    leaderboard_worst = 0.3

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        k = len(CLASS_NAMES)
        labels = np.zeros((rows, k), dtype=np.int64)
        counts = rng.choice([1, 1, 1, 1, 2, 2, 3], size=rows)
        for extra in range(3):  # at most 3 labels per clip: vectorised per slot
            rows_with = np.flatnonzero(counts > extra)
            labels[rows_with, rng.integers(0, k, rows_with.size)] = 1
        fname = random_hex(rows, 8, rng) + ".wav"
        return pl.DataFrame({"fname": fname}).hstack(pl.DataFrame(labels, schema=list(CLASS_NAMES)))

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("fname", *[pl.lit(0, dtype=pl.Int64).alias(c) for c in CLASS_NAMES])

    def _predict(self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator) -> pl.DataFrame:
        truth = answers.select(CLASS_NAMES).to_numpy().astype(np.float64)
        if quality == "perfect":
            pred = truth
        elif quality == "noisy":
            pred = np.round(np.clip(0.5 * truth + rng.random(truth.shape) * 0.6, 0, 1), 4)
        else:
            pred = np.round(rng.random(truth.shape), 4)
        return pl.DataFrame({"fname": answers["fname"]}).hstack(pl.DataFrame(pred, schema=list(CLASS_NAMES)))


GENERATOR = FreesoundAudioTagging2019()
