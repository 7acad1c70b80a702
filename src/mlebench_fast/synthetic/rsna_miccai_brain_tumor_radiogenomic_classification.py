"""rsna-miccai-brain-tumor-radiogenomic-classification: ROC AUC of ``MGMT_value``.

prepare.py reads the ids as ``str`` and writes them zero-padded (``00012``); every later read is
pandas' default, so the answers (and a sample submission) hold the int 12.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._auroc import BinaryAurocGenerator
from mlebench_fast.synthetic._base import unique_ints


class RsnaMiccaiBrainTumorRadiogenomicClassification(BinaryAurocGenerator):
    competition_id = "rsna-miccai-brain-tumor-radiogenomic-classification"
    default_rows = 59
    id_column = "BraTS21ID"
    target_column = "MGMT_value"
    positive_rate = 0.52
    leaderboard_teams = 1555

    def _ids(self, rows: int, rng: np.random.Generator) -> pl.Series:
        ids = unique_ints(rows, 0, max(1011, rows), rng)
        return pl.Series(ids).cast(pl.String).str.zfill(5)


GENERATOR = RsnaMiccaiBrainTumorRadiogenomicClassification()
