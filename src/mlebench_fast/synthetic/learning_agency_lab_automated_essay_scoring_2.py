"""learning-agency-lab-automated-essay-scoring-2: QWK of the holistic ``score`` (1-6)."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex

_SCORE_P = np.array([1252, 4723, 6280, 3926, 970, 156]) / 17307
_WORDS = np.array("the students should be able to use cars because it is important for people "
                  "to think about venus and the face on mars in their community".split())


class LearningAgencyLabAutomatedEssayScoring2(Generator):
    competition_id = "learning-agency-lab-automated-essay-scoring-2"
    default_rows = 1731
    id_column = "essay_id"
    is_lower_better = False
    leaderboard_teams = 2708
    leaderboard_best = 0.84
    leaderboard_worst = 0.5

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        words = _WORDS[rng.integers(0, len(_WORDS), (rows, 40))]
        text = pl.Series(words.tolist()).list.join(" ")
        text = text + pl.Series(np.where(rng.random(rows) < 0.3, ",\n\nIn conclusion, yes.", "."))
        return pl.DataFrame(
            {
                "essay_id": random_hex(rows, 7, rng),
                "full_text": text,
                "score": (rng.choice(6, size=rows, p=_SCORE_P) + 1).astype(np.int64),
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        rng = np.random.RandomState(42)
        return answers.select("essay_id").with_columns(
            pl.Series("score", rng.randint(1, 7, size=answers.height).astype(np.int64))
        )

    def _predict(self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator) -> pl.DataFrame:
        truth = answers["score"].to_numpy()
        n = len(truth)
        if quality == "perfect":
            pred = truth
        elif quality == "noisy":
            pred = np.clip(truth + rng.choice([-1, 0, 0, 0, 1], size=n), 1, 6)
        else:
            pred = rng.integers(1, 7, n)
        return pl.DataFrame({"essay_id": answers["essay_id"], "score": pred.astype(np.int64)})


GENERATOR = LearningAgencyLabAutomatedEssayScoring2()
