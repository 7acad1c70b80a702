"""iwildcam-2020-fgvc7: accuracy on the integer ``Category`` of camera-trap images ``Id``
(``8-hex-21bc-11ea-a13a-137349068a90`` style uuids)."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex
from mlebench_fast.synthetic._labels import predict_labels

# About 200 of the 676 category ids occur in the train annotations; empty (0) dominates.
_USED = np.unique(
    np.concatenate([[0, 1, 2, 3, 6, 8, 10], np.random.default_rng(676).choice(676, 200)])
)


class Iwildcam2020Fgvc7(Generator):
    competition_id = "iwildcam-2020-fgvc7"
    default_rows = 60_760
    id_column = "Id"
    is_lower_better = False
    leaderboard_teams = 126
    leaderboard_best = 0.761
    leaderboard_worst = 0.2

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        weights = 1.0 / np.arange(1, len(_USED) + 1) ** 1.5
        labels = _USED[rng.choice(len(_USED), size=rows, p=weights / weights.sum())]
        ids = random_hex(rows, 8, rng) + "-21bc-11ea-a13a-137349068a90"
        return pl.DataFrame({"Id": ids, "Category": labels.astype(np.int64)})

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        rng = np.random.RandomState(0)
        return answers.with_columns(
            pl.Series("Category", rng.randint(0, 676, size=answers.height).astype(np.int64))
        )

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        pred = predict_labels(answers["Category"].to_numpy(), _USED, quality, rng)
        return pl.DataFrame({"Id": answers["Id"], "Category": pred.astype(np.int64)})


GENERATOR = Iwildcam2020Fgvc7()
