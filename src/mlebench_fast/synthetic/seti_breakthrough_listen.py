"""seti-breakthrough-listen: ROC AUC of ``target``; ids are 15-hex cadence names."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._auroc import BinaryAurocGenerator
from mlebench_fast.synthetic._base import random_hex


class SetiBreakthroughListen(BinaryAurocGenerator):
    competition_id = "seti-breakthrough-listen"
    default_rows = 6000
    id_column = "id"
    target_column = "target"
    positive_rate = 0.1
    leaderboard_teams = 768

    def _ids(self, rows: int, rng: np.random.Generator) -> pl.Series:
        return random_hex(rows, 15, rng)


GENERATOR = SetiBreakthroughListen()
