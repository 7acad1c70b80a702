"""spooky-author-identification: ``id`` = "id" + 5 digits, one-hot ``EAP``/``HPL``/``MWS``."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, unique_ints
from mlebench_fast.synthetic._probabilities import noisy_probabilities

CLASSES = ("EAP", "HPL", "MWS")
# The class shares of the real train set.
_SHARES = (0.403, 0.288, 0.309)


class SpookyAuthor(Generator):
    competition_id = "spooky-author-identification"
    default_rows = 1958
    id_column = "id"
    is_lower_better = True
    leaderboard_teams = 1241
    leaderboard_best = 0.1574
    leaderboard_worst = 1.1

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        numbers = unique_ints(rows, 0, 100_000, rng)
        ids = pl.Series("id", numbers).cast(pl.String).str.zfill(5)
        labels = rng.choice(len(CLASSES), size=rows, p=_SHARES)
        onehot = np.zeros((rows, len(CLASSES)), dtype=np.int64)
        onehot[np.arange(rows), labels] = 1
        return pl.DataFrame({"id": "id" + ids}).hstack(pl.DataFrame(onehot, schema=list(CLASSES)))

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select(
            "id",
            pl.lit(0.403493538995863).alias("EAP"),
            pl.lit(0.287808366106543).alias("HPL"),
            pl.lit(0.308698094897594).alias("MWS"),
        )

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        truth = answers.select(CLASSES).to_numpy().astype(np.float64)
        if quality == "perfect":
            probs = truth
        else:
            probs = noisy_probabilities(truth, 2.0 if quality == "noisy" else 0.0, rng)
        return pl.DataFrame({"id": answers["id"]}).hstack(pl.DataFrame(probs, schema=list(CLASSES)))


GENERATOR = SpookyAuthor()
