"""mlsp-2013-birds: ROC AUC over every (recording, species) pair; ``Id = rec_id * 100 + species``
(19 species per recording, recordings ascending), ``Probability`` is the 0/1 label."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._auroc import BinaryAurocGenerator


class Mlsp2013Birds(BinaryAurocGenerator):
    competition_id = "mlsp-2013-birds"
    default_rows = 1216
    id_column = "Id"
    target_column = "Probability"
    positive_rate = 0.06
    sample_value = 0
    leaderboard_teams = 79

    def _ids(self, rows: int, rng: np.random.Generator) -> pl.Series:
        recordings = -(-rows // 19)
        rec_ids = np.sort(rng.choice(np.arange(5 * recordings), size=recordings, replace=False))
        ids = (rec_ids[:, None] * 100 + np.arange(19)[None, :]).ravel()[:rows]
        return pl.Series(ids.astype(np.int64))


GENERATOR = Mlsp2013Birds()
