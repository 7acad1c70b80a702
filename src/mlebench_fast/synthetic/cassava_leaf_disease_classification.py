"""cassava-leaf-disease-classification: accuracy on the integer ``label`` (0-4) of ``<digits>.jpg``
images; the answers keep train.csv's row order."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality
from mlebench_fast.synthetic._labels import distinct_ints, predict_labels

# Class frequencies of the real train.csv (CBB, CBSD, CGM, CMD, healthy).
_LABEL_P = np.array([1087, 2189, 2386, 13158, 2577]) / 21397


class CassavaLeafDiseaseClassification(Generator):
    competition_id = "cassava-leaf-disease-classification"
    default_rows = 2676
    id_column = "image_id"
    is_lower_better = False
    leaderboard_teams = 3900
    leaderboard_best = 0.9132
    leaderboard_worst = 0.45

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        ids = distinct_ints(rows, 1_000_000, 4_294_967_295, rng)
        return pl.DataFrame(
            {
                "image_id": pl.Series(ids).cast(pl.String) + ".jpg",
                "label": rng.choice(5, size=rows, p=_LABEL_P).astype(np.int64),
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.with_columns(pl.lit(4, dtype=pl.Int64).alias("label"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        pred = predict_labels(answers["label"].to_numpy(), np.arange(5), quality, rng)
        return pl.DataFrame({"image_id": answers["image_id"], "label": pred.astype(np.int64)})


GENERATOR = CassavaLeafDiseaseClassification()
