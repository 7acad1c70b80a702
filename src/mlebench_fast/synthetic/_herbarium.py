"""The herbarium competitions (2020-2022): images ``Id`` 0..N-1 in the shuffled order prepare.py
writes, each with an int category ``Predicted``; every category occurs at least once in the test
split (ceil(0.2 n) of its n images, 1 when n < 5), with a long tail of rare ones."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality
from mlebench_fast.synthetic._labels import predict_labels


class HerbariumGenerator(Generator):
    id_column = "Id"
    is_lower_better = False
    categories: np.ndarray  # the category ids that have images
    sample_prediction: int  # what prepare.py writes into every row of the sample submission

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        classes = self.categories
        if rows < classes.size:  # a small file (tests): a few categories, each several times
            classes = np.sort(rng.choice(classes, size=max(1, rows // 3), replace=False))
        weights = rng.lognormal(0.0, 1.2, size=classes.size)
        counts = 1 + rng.multinomial(rows - classes.size, weights / weights.sum())
        labels = np.repeat(classes, counts)[rng.permutation(rows)]
        return pl.DataFrame(
            {"Id": np.arange(rows, dtype=np.int64), "Predicted": labels.astype(np.int64)}
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        prediction = pl.lit(self.sample_prediction, dtype=pl.Int64)
        return answers.with_columns(prediction.alias("Predicted"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        truth = answers["Predicted"].to_numpy()
        pred = predict_labels(truth, self.categories, quality, rng, noise=0.3)
        return pl.DataFrame({"Id": answers["Id"], "Predicted": pred.astype(np.int64)})
