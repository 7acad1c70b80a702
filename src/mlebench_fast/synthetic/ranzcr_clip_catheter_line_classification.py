"""ranzcr-clip-catheter-line-classification: mean ROC AUC over the first nine of eleven labels.

Answers: StudyInstanceUID (a DICOM UID), the 11 label columns, PatientID. The sample submission
has the nine graded classes (filled with 0); agents usually submit all eleven.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._auroc import ColumnwiseAurocGenerator
from mlebench_fast.synthetic._base import random_hex

_RATES = {
    "ETT - Abnormal": 0.003,
    "ETT - Borderline": 0.016,
    "ETT - Normal": 0.24,
    "NGT - Abnormal": 0.01,
    "NGT - Borderline": 0.018,
    "NGT - Incompletely Imaged": 0.09,
    "NGT - Normal": 0.16,
    "CVC - Abnormal": 0.106,
    "CVC - Borderline": 0.28,
    "CVC - Normal": 0.71,
    "Swan Ganz Catheter Present": 0.028,
}
LABELS = tuple(_RATES)
CLASSES = LABELS[:9]


class RanzcrClipCatheterLineClassification(ColumnwiseAurocGenerator):
    competition_id = "ranzcr-clip-catheter-line-classification"
    default_rows = 3009
    id_column = "StudyInstanceUID"
    classes = CLASSES
    sample_value = 0
    leaderboard_teams = 1547

    def _prediction_columns(self) -> tuple[str, ...]:
        return LABELS

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select(self.id_column, *CLASSES).with_columns(
            pl.lit(0, dtype=pl.Int64).alias(c) for c in CLASSES
        )

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        tails = rng.integers(10**11, 10**12, size=rows) * 10**6 + rng.integers(0, 10**6, rows)
        uids = "1.2.826.0.1.3680043.8.498." + pl.Series(np.unique(tails)).cast(pl.String)
        uids = uids.sample(fraction=1.0, shuffle=True, seed=int(rng.integers(2**31)))
        while uids.len() < rows:  # a draw repeated a tail: top up (practically never)
            uids = pl.concat([uids, uids.head(rows - uids.len()) + "1"]).unique(maintain_order=True)
        labels = np.stack([(rng.random(rows) < r) for r in _RATES.values()], axis=1)
        labels = labels.astype(np.int64)
        if rows >= 2:
            labels[:2] = [[0], [1]]
        frame = pl.DataFrame({self.id_column: uids[:rows]}).hstack(
            pl.DataFrame(labels, schema=list(LABELS))
        )
        return frame.with_columns(PatientID=random_hex(rows, 9, rng))


GENERATOR = RanzcrClipCatheterLineClassification()
