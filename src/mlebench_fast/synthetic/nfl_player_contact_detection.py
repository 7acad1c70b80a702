"""nfl-player-contact-detection: MCC of the 0/1 ``contact`` per player pair and step.

``contact_id`` is ``<game>_<play>_<step>_<player 1>_<player 2 or G>``; rows of a play are
grouped together as in train_labels.csv.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality


class NflPlayerContactDetection(Generator):
    competition_id = "nfl-player-contact-detection"
    default_rows = 472162
    id_column = "contact_id"
    is_lower_better = False
    leaderboard_teams = 939
    leaderboard_best = 0.79
    leaderboard_worst = 0.0

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        plays = max(1, rows // 19_000 + 1)
        game_play = np.char.add(
            np.char.add(rng.integers(58000, 58600, plays).astype(str), "_"),
            np.char.zfill(rng.integers(0, 5000, plays).astype(str), 6),
        )
        play = np.sort(rng.integers(0, plays, rows))
        # Distinct (step, pair) within a play: a running counter split into its parts.
        serial = np.arange(rows)
        step = (serial % 180).astype(np.int64)
        p1 = 25_000 + (serial // 180) % 30_000 * 2
        ground = rng.random(rows) < 0.12
        p2 = np.where(ground, "G", (p1 + 1 + rng.integers(0, 5, rows) * 0).astype(str))
        gp = game_play[play]
        contact_id = np.char.add(
            np.char.add(np.char.add(np.char.add(gp, "_"), step.astype(str)), "_"),
            np.char.add(np.char.add(p1.astype(str), "_"), p2),
        )
        seconds = (step * 0.1).round(1)
        stamp = np.char.add("2021-10-10T21:08:", np.char.zfill((seconds % 60).round(1).astype(str), 4))
        return pl.DataFrame(
            {
                "contact_id": contact_id,
                "game_play": gp,
                "datetime": np.char.add(stamp, "00Z"),
                "step": step,
                "nfl_player_id_1": p1.astype(np.int64),
                "nfl_player_id_2": p2,
                "contact": (rng.random(rows) < max(0.013, 8 / rows)).astype(np.int64),
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("contact_id", pl.lit(0, dtype=pl.Int64).alias("contact"))

    def _predict(self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator) -> pl.DataFrame:
        truth = answers["contact"].to_numpy()
        n = len(truth)
        if quality == "perfect":
            pred = truth
        elif quality == "noisy":
            flip = rng.random(n) < np.where(truth == 1, 0.3, 0.02)
            pred = np.where(flip, 1 - truth, truth)
        else:
            pred = (rng.random(n) < 0.013).astype(np.int64)
        return pl.DataFrame({"contact_id": answers["contact_id"], "contact": pred.astype(np.int64)})


GENERATOR = NflPlayerContactDetection()
