"""histopathologic-cancer-detection: ROC AUC of ``label``; ids are 40-hex tile hashes."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._auroc import BinaryAurocGenerator
from mlebench_fast.synthetic._base import random_hex


class HistopathologicCancerDetection(BinaryAurocGenerator):
    competition_id = "histopathologic-cancer-detection"
    default_rows = 45561
    id_column = "id"
    target_column = "label"
    positive_rate = 0.4
    sample_value = 0
    leaderboard_teams = 1149

    def _ids(self, rows: int, rng: np.random.Generator) -> pl.Series:
        return random_hex(rows, 40, rng)


GENERATOR = HistopathologicCancerDetection()
