"""invasive-species-monitoring: ROC AUC of ``invasive``; ``name`` is the integer image number, in
train_test_split's shuffled order."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._auroc import BinaryAurocGenerator
from mlebench_fast.synthetic._base import unique_ints


class InvasiveSpeciesMonitoring(BinaryAurocGenerator):
    competition_id = "invasive-species-monitoring"
    default_rows = 459
    id_column = "name"
    target_column = "invasive"
    positive_rate = 0.63
    leaderboard_teams = 511

    def _ids(self, rows: int, rng: np.random.Generator) -> pl.Series:
        return pl.Series(unique_ints(rows, 1, max(2296, rows + 1), rng).astype(np.int64))


GENERATOR = InvasiveSpeciesMonitoring()
