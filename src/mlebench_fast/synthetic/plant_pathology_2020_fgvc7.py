"""plant-pathology-2020-fgvc7: mean of four ROC AUCs over one-hot labels; ids ``Test_<i>``."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._auroc import ColumnwiseAurocGenerator

CLASSES = ("healthy", "multiple_diseases", "rust", "scab")


class PlantPathology2020Fgvc7(ColumnwiseAurocGenerator):
    competition_id = "plant-pathology-2020-fgvc7"
    default_rows = 183
    id_column = "image_id"
    classes = CLASSES
    sample_value = 0.25
    leaderboard_teams = 1317

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        label = rng.choice(4, size=rows, p=[0.28, 0.05, 0.34, 0.33])
        label[: min(rows, 4)] = np.arange(min(rows, 4))
        onehot = np.eye(4, dtype=np.int64)[label]
        ids = "Test_" + pl.Series(np.arange(rows)).cast(pl.String)
        return pl.DataFrame({"image_id": ids}).hstack(pl.DataFrame(onehot, schema=list(CLASSES)))


GENERATOR = PlantPathology2020Fgvc7()
