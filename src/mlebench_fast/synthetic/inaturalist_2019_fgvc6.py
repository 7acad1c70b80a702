"""inaturalist-2019-fgvc6: top-1 error on ``predicted`` (category 0-1009) of images ``id``; the
answers are the test split's images in shuffled order. Agents write Kaggle's format, the top 5
categories separated by spaces, or a single int."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality
from mlebench_fast.synthetic._labels import distinct_ints, predict_labels

_CLASSES = np.arange(1010)
# prepare.py draws every row from a fresh random.Random(42): the same category everywhere.
_SAMPLE_CATEGORY = 654


class Inaturalist2019Fgvc6(Generator):
    competition_id = "inaturalist-2019-fgvc6"
    default_rows = 32_214
    id_column = "id"
    is_lower_better = True
    leaderboard_teams = 214
    leaderboard_best = 0.26
    leaderboard_worst = 0.9

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        ids = distinct_ints(rows, 0, max(300_000, 2 * rows), rng)
        weights = rng.gamma(1.0, 1.0, size=len(_CLASSES))
        labels = rng.choice(_CLASSES, size=rows, p=weights / weights.sum())
        return pl.DataFrame({"id": ids, "predicted": labels.astype(np.int64)})

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.with_columns(pl.lit(_SAMPLE_CATEGORY, dtype=pl.Int64).alias("predicted"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        first = predict_labels(answers["predicted"].to_numpy(), _CLASSES, quality, rng, noise=0.3)
        if quality != "noisy":
            return pl.DataFrame({"id": answers["id"], "predicted": first.astype(np.int64)})
        others = rng.integers(0, 1010, size=(len(first), 4))
        top5 = pl.DataFrame(
            [pl.Series(first).cast(pl.String)]
            + [pl.Series(others[:, k]).cast(pl.String) for k in range(4)]
        )
        joined = top5.select(pl.concat_str(pl.all(), separator=" ").alias("predicted"))["predicted"]
        return pl.DataFrame({"id": answers["id"], "predicted": joined})


GENERATOR = Inaturalist2019Fgvc6()
