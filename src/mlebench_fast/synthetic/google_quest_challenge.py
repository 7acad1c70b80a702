"""google-quest-challenge: mean column-wise Spearman over 30 rater-average targets."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, unique_ints

CLASSES = tuple(
    (Path(__file__).parents[1] / "competitions" / "google_quest_classes.txt").read_text().split()
)
# Rater averages: thirds, fifths... written as e.g. 0.333333333333333 in the real file.
_LEVELS = np.array([0.0, 1 / 3, 0.5, 2 / 3, 0.777777777777778, 0.833333333333333, 1.0])


class GoogleQuestChallenge(Generator):
    competition_id = "google-quest-challenge"
    default_rows = 608
    id_column = "qa_id"
    is_lower_better = False
    leaderboard_teams = 1571
    leaderboard_best = 0.43
    leaderboard_worst = 0.2

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        cols = {"qa_id": unique_ints(rows, 0, 9700, rng).astype(np.int64)}
        for c in CLASSES:
            p = rng.dirichlet(np.full(len(_LEVELS), 0.7))
            values = rng.choice(_LEVELS, size=rows, p=p)
            values[:2] = _LEVELS[[0, -1]]  # prepare.py asserts no column is constant
            cols[c] = values
        return pl.DataFrame(cols)

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        ramp = np.linspace(0, 1, answers.height)
        return answers.select("qa_id").with_columns([pl.Series(c, ramp) for c in CLASSES])

    def _predict(self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator) -> pl.DataFrame:
        n = answers.height
        cols = {"qa_id": answers["qa_id"]}
        for c in CLASSES:
            truth = answers[c].to_numpy()
            if quality == "perfect":
                cols[c] = truth
            elif quality == "noisy":
                cols[c] = np.round(np.clip(truth + rng.normal(0, 0.3, n), 0, 1), 5)
            else:
                cols[c] = np.round(rng.random(n), 5)
        return pl.DataFrame(cols)


GENERATOR = GoogleQuestChallenge()
