"""new-york-city-taxi-fare-prediction: RMSE on ``fare_amount``, rows aligned by the ``key`` string."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality

_START = np.datetime64("2009-01-01T00:00:00", "s")
_SPAN_SECONDS = int((np.datetime64("2015-06-30T23:59:59", "s") - _START).astype(int))


class NewYorkCityTaxiFarePrediction(Generator):
    competition_id = "new-york-city-taxi-fare-prediction"
    default_rows = 9914
    id_column = "key"
    is_lower_better = True
    leaderboard_teams = 1480
    leaderboard_best = 2.8
    leaderboard_worst = 9.5

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        # The key is the pickup time plus a per-second counter: "2015-01-27 13:08:24.0000002".
        seconds = np.sort(rng.choice(_SPAN_SECONDS, size=rows, replace=False))
        rng.shuffle(seconds)
        stamps = np.char.replace((_START + seconds.astype("timedelta64[s]")).astype(str), "T", " ")
        counter = rng.geometric(0.5, size=rows)
        keys = np.char.add(np.char.add(stamps, ".000000"), counter.astype(str))
        lon = np.round(-73.98 + rng.normal(0, 0.03, (2, rows)), 6)
        lat = np.round(40.75 + rng.normal(0, 0.03, (2, rows)), 6)
        distance = np.hypot(lon[0] - lon[1], lat[0] - lat[1]) * 80
        fare = np.round(2.5 + 2.0 * distance + rng.exponential(2.0, rows), 1)
        # Some fares in the real data carry cents (e.g. 4.5, 16.9, 10.33).
        cents = rng.random(rows) < 0.2
        fare = np.where(cents, np.round(fare + rng.integers(0, 10, rows) / 100, 2), fare)
        return pl.DataFrame(
            {
                "key": keys,
                "fare_amount": fare,
                "pickup_datetime": np.char.add(stamps, " UTC"),
                "pickup_longitude": lon[0],
                "pickup_latitude": lat[0],
                "dropoff_longitude": lon[1],
                "dropoff_latitude": lat[1],
                "passenger_count": rng.choice([1, 1, 1, 1, 2, 3, 5, 6], size=rows).astype(np.int64),
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("key", pl.lit(11.35).alias("fare_amount"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        truth = answers["fare_amount"].to_numpy()
        n = len(truth)
        if quality == "perfect":
            pred = truth
        elif quality == "noisy":
            pred = np.maximum(0.0, truth + rng.normal(0, 3.0, n))
        else:
            pred = rng.uniform(2.5, 60.0, n)
        return pl.DataFrame({"key": answers["key"], "fare_amount": pred})


GENERATOR = NewYorkCityTaxiFarePrediction()
