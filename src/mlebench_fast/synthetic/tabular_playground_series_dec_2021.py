"""tabular-playground-series-dec-2021: accuracy on ``Cover_Type`` (1-7); the answers are the whole
test split of train.csv, 56 int64 columns (Id, 10 features, 4 wilderness and 40 soil flags,
Cover_Type), in split order."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality
from mlebench_fast.synthetic._labels import distinct_ints, predict_labels

# Cover_Type frequencies of the real (synthetic, CTGAN-made) train.csv.
_COVER_P = np.array([1468136, 2262087, 195712, 377, 1, 11426, 62261]) / 4_000_000
# (low, high) of each numeric feature; the competition's data reach below zero.
_FEATURES = {
    "Elevation": (1773, 4383),
    "Aspect": (-33, 407),
    "Slope": (-3, 64),
    "Horizontal_Distance_To_Hydrology": (-92, 1602),
    "Vertical_Distance_To_Hydrology": (-317, 647),
    "Horizontal_Distance_To_Roadways": (-287, 7666),
    "Hillshade_9am": (-4, 301),
    "Hillshade_Noon": (49, 279),
    "Hillshade_3pm": (-53, 272),
    "Horizontal_Distance_To_Fire_Points": (-277, 8075),
}
FLAGS = [f"Wilderness_Area{i}" for i in range(1, 5)] + [f"Soil_Type{i}" for i in range(1, 41)]


class TabularPlaygroundSeriesDec2021(Generator):
    competition_id = "tabular-playground-series-dec-2021"
    default_rows = 400_000
    id_column = "Id"
    is_lower_better = False
    leaderboard_teams = 1188
    leaderboard_best = 0.95659
    leaderboard_worst = 0.6

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        columns: dict[str, np.ndarray] = {
            "Id": distinct_ints(rows, 0, max(4_000_000, 2 * rows), rng)
        }
        for name, (low, high) in _FEATURES.items():
            columns[name] = rng.integers(low, high + 1, size=rows, dtype=np.int64)
        flags = (rng.random((rows, len(FLAGS))) < 0.05).astype(np.int64)
        columns |= {name: flags[:, k] for k, name in enumerate(FLAGS)}
        columns["Cover_Type"] = 1 + rng.choice(7, size=rows, p=_COVER_P).astype(np.int64)
        return pl.DataFrame(columns)

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("Id", pl.lit(2, dtype=pl.Int64).alias("Cover_Type"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        pred = predict_labels(
            answers["Cover_Type"].to_numpy(), np.arange(1, 8), quality, rng, noise=0.06
        )
        return pl.DataFrame({"Id": answers["Id"], "Cover_Type": pred.astype(np.int64)})


GENERATOR = TabularPlaygroundSeriesDec2021()
