"""siim-isic-melanoma-classification: ROC AUC of ``target`` (about 1.8 % melanoma); ids are
``ISIC_<7 digits>``."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._auroc import BinaryAurocGenerator
from mlebench_fast.synthetic._base import unique_ints


class SiimIsicMelanomaClassification(BinaryAurocGenerator):
    competition_id = "siim-isic-melanoma-classification"
    default_rows = 4142
    id_column = "image_name"
    target_column = "target"
    positive_rate = 0.018
    sample_value = 0
    leaderboard_teams = 3308

    def _ids(self, rows: int, rng: np.random.Generator) -> pl.Series:
        numbers = unique_ints(rows, 15_000, 15_000 + max(10 * rows, 100), rng)
        return "ISIC_" + pl.Series(numbers).cast(pl.String).str.zfill(7)


GENERATOR = SiimIsicMelanomaClassification()
