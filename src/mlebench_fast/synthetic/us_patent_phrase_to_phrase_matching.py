"""us-patent-phrase-to-phrase-matching: Pearson correlation of the similarity ``score``."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex

_ANCHORS = np.array(["abatement", "acid absorption", "adjustable cover", "wood article",
                     "hydrocarbon mixture", "electrical connection", "inorganic photoconductor"])
_TARGETS = np.array(["forest region", "eliminating process", "rotating shaft", "metal layer",
                     "reducing noise", "fluid pressure", "optical sensor drum", "cover, adjustable"])
_CONTEXTS = np.array(["A47", "B60", "C08", "F16", "G01", "H01", "H04"])


class UsPatentPhraseToPhraseMatching(Generator):
    competition_id = "us-patent-phrase-to-phrase-matching"
    default_rows = 3648
    id_column = "id"
    is_lower_better = False
    leaderboard_teams = 1889
    leaderboard_best = 0.87
    leaderboard_worst = 0.2

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        return pl.DataFrame(
            {
                "id": random_hex(rows, 16, rng),
                "anchor": _ANCHORS[rng.integers(0, len(_ANCHORS), rows)],
                "target": _TARGETS[rng.integers(0, len(_TARGETS), rows)],
                "context": _CONTEXTS[rng.integers(0, len(_CONTEXTS), rows)],
                "score": rng.choice([0.0, 0.25, 0.5, 0.75, 1.0], size=rows, p=[0.2, 0.32, 0.34, 0.11, 0.03]),
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("id", pl.lit(0, dtype=pl.Int64).alias("score"))

    def _predict(self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator) -> pl.DataFrame:
        truth = answers["score"].to_numpy()
        n = len(truth)
        if quality == "perfect":
            pred = truth
        elif quality == "noisy":
            pred = np.round(np.clip(truth + rng.normal(0, 0.2, n), 0, 1), 4)
        else:
            pred = np.round(rng.random(n), 4)
        return pl.DataFrame({"id": answers["id"], "score": pred})


GENERATOR = UsPatentPhraseToPhraseMatching()
