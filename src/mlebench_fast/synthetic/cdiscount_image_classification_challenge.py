"""cdiscount-image-classification-challenge: accuracy on the 10-digit ``category_id`` (5,270
classes) of products ``_id``; the answers are sorted by ``_id``."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality
from mlebench_fast.synthetic._labels import distinct_ints, predict_labels

_N_CLASSES = 5270


def _categories() -> np.ndarray:
    # Real category ids are 10-digit numbers from 1000000271 up, spread unevenly.
    rng = np.random.default_rng(5270)
    return np.sort(distinct_ints(_N_CLASSES, 1_000_000_000, 1_000_030_000, rng))


class CdiscountImageClassificationChallenge(Generator):
    competition_id = "cdiscount-image-classification-challenge"
    default_rows = 706_990
    id_column = "_id"
    is_lower_better = False
    leaderboard_teams = 627
    leaderboard_best = 0.79567
    leaderboard_worst = 0.05

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        # A long-tailed class distribution, as in the real train set.
        weights = 1.0 / np.arange(1, _N_CLASSES + 1) ** 0.9
        classes = _categories()[rng.permutation(_N_CLASSES)]
        labels = classes[rng.choice(_N_CLASSES, size=rows, p=weights / weights.sum())]
        ids = np.sort(distinct_ints(rows, 0, max(7_069_896, 2 * rows), rng))
        return pl.DataFrame({"_id": ids, "category_id": labels.astype(np.int64)})

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("_id", pl.lit(1000010653, dtype=pl.Int64).alias("category_id"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        pred = predict_labels(
            answers["category_id"].to_numpy(), _categories(), quality, rng, noise=0.3
        )
        return pl.DataFrame({"_id": answers["_id"], "category_id": pred.astype(np.int64)})


GENERATOR = CdiscountImageClassificationChallenge()
