"""icecube-neutrinos-in-deep-ice: true directions of the held-out batches' events, by event id."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality


class IcecubeNeutrinosInDeepIce(Generator):
    competition_id = "icecube-neutrinos-in-deep-ice"
    default_rows = 13_200_000
    id_column = "event_id"
    is_lower_better = True
    leaderboard_teams = 812
    leaderboard_best = 0.976
    leaderboard_worst = 1.6

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        # Event ids grow through the batches with gaps (about 2e9 over 132M events).
        ids = np.cumsum(rng.integers(1, 32, size=rows, dtype=np.int64)) + 23
        return pl.DataFrame(
            {
                "event_id": ids,
                "azimuth": rng.uniform(0.0, 2 * np.pi, rows),
                "zenith": np.arccos(rng.uniform(-1.0, 1.0, rows)),
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("event_id", pl.lit(1).alias("azimuth"), pl.lit(1).alias("zenith"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        az = answers["azimuth"].to_numpy()
        zen = answers["zenith"].to_numpy()
        n = len(az)
        if quality == "noisy":
            az = np.mod(az + rng.normal(0, 0.8, n), 2 * np.pi)
            zen = np.clip(zen + rng.normal(0, 0.5, n), 0.0, np.pi)
        elif quality == "random":
            az = rng.uniform(0.0, 2 * np.pi, n)
            zen = rng.uniform(0.0, np.pi, n)
        return pl.DataFrame({"event_id": answers["event_id"], "azimuth": az, "zenith": zen})


GENERATOR = IcecubeNeutrinosInDeepIce()
