"""hotel-id-2021-fgvc8: MAP@5 over space-separated int hotel ids; answers are train.csv rows."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex

SAMPLE_PREDICTION = "36363 53586 18807 64314 60181"


class HotelId2021Fgvc8(Generator):
    competition_id = "hotel-id-2021-fgvc8"
    default_rows = 9756
    id_column = "image"
    is_lower_better = False
    leaderboard_teams = 92
    leaderboard_best = 0.73
    leaderboard_worst = 0.0

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        hotels = rng.choice(np.arange(1, 100_000), size=max(8, rows // 4), replace=False)
        hotel = hotels[rng.integers(0, len(hotels), size=rows)]
        start = np.datetime64("2015-01-01T00:00:00")
        stamps = (start + rng.integers(0, 6 * 365 * 86400, size=rows).astype("timedelta64[s]"))
        return pl.DataFrame(
            {
                "image": random_hex(rows, 16, rng) + ".jpg",
                "chain": (hotel % 90).astype(np.int64),
                "hotel_id": hotel.astype(np.int64),
                "timestamp": np.char.replace(stamps.astype(str), "T", " "),
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("image", pl.lit(SAMPLE_PREDICTION).alias("hotel_id"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        truth = answers["hotel_id"].to_numpy()
        n = len(truth)
        guesses = rng.choice(np.unique(truth), size=(n, 5))
        if quality == "perfect":
            guesses[:, 0] = truth
        elif quality == "noisy":
            rank = rng.integers(0, 5, size=n)
            hit = rng.random(n) < 0.6
            guesses[np.flatnonzero(hit), rank[hit]] = truth[hit]
        text = pl.DataFrame(guesses.astype(str)).select(
            pl.concat_str(pl.all(), separator=" ").alias("hotel_id")
        )
        return pl.DataFrame({"image": answers["image"]}).hstack(text)


GENERATOR = HotelId2021Fgvc8()
