"""imet-2020-fgvc7: images (32-hex ids) with 1-10 space-separated attribute ids out of 3,474,
unsorted, in train_test_split's shuffled order."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex
from mlebench_fast.synthetic._multilabel import draw_label_sets, predict_label_sets

ATTRIBUTES = np.arange(3474).astype(str)


class Imet2020Fgvc7(Generator):
    competition_id = "imet-2020-fgvc7"
    default_rows = 21_318
    id_column = "id"
    is_lower_better = False
    leaderboard_teams = 113
    leaderboard_best = 0.70
    leaderboard_worst = 0.0

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        counts = np.minimum(1 + rng.poisson(3.5, rows), 10)
        counts[:1] = 3  # a multi-label cell keeps the column text even in a tiny file
        pool = ATTRIBUTES[rng.permutation(len(ATTRIBUTES))]
        labels = draw_label_sets(rows, pool, counts, rng)
        return pl.DataFrame({"id": random_hex(rows, 32, rng), "attribute_ids": labels})

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.with_columns(pl.lit("0 1 2").alias("attribute_ids"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        labels = predict_label_sets(answers["attribute_ids"], ATTRIBUTES, quality, rng)
        return pl.DataFrame({"id": answers["id"], "attribute_ids": labels})


GENERATOR = Imet2020Fgvc7()
