"""leaf-classification: 99 one-hot species columns (int64), integer ``id`` in train order."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.competitions.leaf_classification import SPECIES
from mlebench_fast.synthetic._base import Generator, Quality, unique_ints
from mlebench_fast.synthetic._probabilities import noisy_probabilities


class LeafClassification(Generator):
    competition_id = "leaf-classification"
    default_rows = 99
    id_column = "id"
    is_lower_better = True
    leaderboard_teams = 1595
    leaderboard_best = 0.0
    leaderboard_worst = 4.6

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        # train_test_split shuffles: ids (1..1584 in the original train) come in random order.
        ids = unique_ints(rows, 1, max(1585, rows + 1), rng).astype(np.int64)
        labels = rng.integers(0, len(SPECIES), size=rows)
        onehot = np.zeros((rows, len(SPECIES)), dtype=np.int64)
        onehot[np.arange(rows), labels] = 1
        return pl.DataFrame({"id": ids}).hstack(pl.DataFrame(onehot, schema=list(SPECIES)))

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("id", *[pl.lit(1 / len(SPECIES)).alias(s) for s in SPECIES])

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        truth = answers.select(SPECIES).to_numpy().astype(np.float64)
        if quality == "perfect":
            probs = truth
        else:
            probs = noisy_probabilities(truth, 5.0 if quality == "noisy" else 0.0, rng)
        return pl.DataFrame({"id": answers["id"]}).hstack(pl.DataFrame(probs, schema=list(SPECIES)))


GENERATOR = LeafClassification()
