"""paddy-disease-classification: accuracy on the string ``label`` (10 classes) of ``<6 digits>.jpg``
images; the answers are train.csv rows (image_id, label, variety, age) in split order."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality
from mlebench_fast.synthetic._labels import distinct_ints, predict_labels

# Class and variety counts of the real train.csv (10,407 images).
LABELS = np.array(
    [
        "bacterial_leaf_blight",
        "bacterial_leaf_streak",
        "bacterial_panicle_blight",
        "blast",
        "brown_spot",
        "dead_heart",
        "downy_mildew",
        "hispa",
        "normal",
        "tungro",
    ]
)
_LABEL_N = np.array([479, 380, 337, 1738, 965, 1442, 620, 1594, 1764, 1088], dtype=float)
_VARIETIES = np.array(
    [
        "ADT45",
        "KarnatakaPonni",
        "Ponni",
        "AtchayaPonni",
        "Zonal",
        "AndraPonni",
        "Onthanel",
        "IR20",
        "RR",
        "Surya",
    ]
)
_VARIETY_N = np.array([6992, 988, 657, 461, 399, 377, 351, 114, 36, 32], dtype=float)


class PaddyDiseaseClassification(Generator):
    competition_id = "paddy-disease-classification"
    default_rows = 2602
    id_column = "image_id"
    is_lower_better = False
    leaderboard_teams = 470
    leaderboard_best = 0.98847
    leaderboard_worst = 0.5

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        ids = distinct_ints(rows, 100_001, max(110_408, 100_001 + 2 * rows), rng)
        return pl.DataFrame(
            {
                "image_id": pl.Series(ids).cast(pl.String) + ".jpg",
                "label": LABELS[rng.choice(10, size=rows, p=_LABEL_N / _LABEL_N.sum())],
                "variety": _VARIETIES[rng.choice(10, size=rows, p=_VARIETY_N / _VARIETY_N.sum())],
                "age": rng.choice(np.arange(45, 83, 5), size=rows).astype(np.int64),
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        # prepare.py writes label = "": an empty field, NaN once read.
        return answers.select("image_id", pl.lit(None, dtype=pl.String).alias("label"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        pred = predict_labels(answers["label"].to_numpy(), LABELS, quality, rng, noise=0.1)
        return pl.DataFrame({"image_id": answers["image_id"], "label": pred})


GENERATOR = PaddyDiseaseClassification()
