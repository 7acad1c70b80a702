"""iwildcam-2019-fgvc6: macro F1 on the int ``Category`` (the 14 CCT classes present, empty = 0
dominating) of camera-trap images ``Id`` (time-based uuids). prepare.py writes the sample
submission with its index, the rows' positions in the original train.csv."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex
from mlebench_fast.synthetic._labels import predict_labels

_CLASSES = np.array([0, 1, 3, 4, 8, 10, 11, 13, 14, 16, 17, 18, 19, 22], dtype=np.int64)
_WEIGHTS = np.array([65, 8, 3, 6, 2, 2, 3, 4, 1, 2, 1, 1, 1, 1], dtype=np.float64)
_SUFFIXES = ("-23d2-11e8-a6a3-ec086b02610b", "-23d3-11e8-a6a3-ec086b02610b",
             "-21bc-11e8-a6a3-ec086b02610b", "-2a5f-11e8-a6a3-ec086b02610b")
_TRAIN_ROWS = 196_157


class Iwildcam2019Fgvc6(Generator):
    competition_id = "iwildcam-2019-fgvc6"
    default_rows = 86_309
    id_column = "Id"
    is_lower_better = False
    leaderboard_teams = 336
    leaderboard_best = 0.725
    leaderboard_worst = 0.0

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        suffix = np.array(_SUFFIXES)[rng.integers(0, len(_SUFFIXES), size=rows)]
        ids = random_hex(rows, 8, rng) + pl.Series(suffix)
        labels = _CLASSES[rng.choice(len(_CLASSES), size=rows, p=_WEIGHTS / _WEIGHTS.sum())]
        return pl.DataFrame({"Id": ids, "Category": labels})

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        rng = np.random.default_rng(8)
        n = answers.height
        index = np.sort(rng.choice(max(_TRAIN_ROWS, 2 * n), size=n, replace=False))
        return pl.DataFrame(
            {"": index.astype(np.int64), "Id": answers["Id"], "Category": np.zeros(n, np.int64)}
        )

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        pred = predict_labels(answers["Category"].to_numpy(), _CLASSES, quality, rng, noise=0.3)
        return pl.DataFrame({"Id": answers["Id"], "Category": pred.astype(np.int64)})


GENERATOR = Iwildcam2019Fgvc6()
