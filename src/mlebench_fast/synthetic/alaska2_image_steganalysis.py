"""alaska2-image-steganalysis: weighted AUC of ``Label``; ids ``0001.jpg`` .. in order, half the
images carrying a hidden message (label 1)."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._auroc import BinaryAurocGenerator


class Alaska2ImageSteganalysis(BinaryAurocGenerator):
    competition_id = "alaska2-image-steganalysis"
    default_rows = 5000
    id_column = "Id"
    target_column = "Label"
    positive_rate = 0.5
    sample_value = 0
    leaderboard_teams = 1095
    leaderboard_best = 0.95
    leaderboard_worst = 0.5

    def _ids(self, rows: int, rng: np.random.Generator) -> pl.Series:
        return pl.Series(np.arange(1, rows + 1)).cast(pl.String).str.zfill(4) + ".jpg"


GENERATOR = Alaska2ImageSteganalysis()
