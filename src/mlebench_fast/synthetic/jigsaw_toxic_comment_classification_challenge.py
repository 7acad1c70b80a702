"""jigsaw-toxic-comment-classification-challenge: column-wise ROC AUC over six labels.

The answers are Kaggle's test_labels.csv unchanged: ids sorted, and about 58 % of the rows
labelled -1 in every column (not scored); the rest 0/1 at the real label rates.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._auroc import ColumnwiseAurocGenerator
from mlebench_fast.synthetic._base import random_hex

CLASSES = ("toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate")
_RATES = np.array([0.095, 0.0057, 0.058, 0.0033, 0.054, 0.011])


class JigsawToxicCommentClassificationChallenge(ColumnwiseAurocGenerator):
    competition_id = "jigsaw-toxic-comment-classification-challenge"
    default_rows = 153_164
    id_column = "id"
    classes = CLASSES
    leaderboard_teams = 4539

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        labels = (rng.random((rows, len(CLASSES))) < _RATES).astype(np.int64)
        labels[rng.random(rows) < 0.58] = -1
        if rows >= 4:
            # Every column keeps both classes among the scored rows, whatever the size.
            labels[:2] = [[0], [1]]
        frame = pl.DataFrame({"id": random_hex(rows, 16, rng)}).hstack(
            pl.DataFrame(labels, schema=list(CLASSES))
        )
        return frame.sort("id")


GENERATOR = JigsawToxicCommentClassificationChallenge()
