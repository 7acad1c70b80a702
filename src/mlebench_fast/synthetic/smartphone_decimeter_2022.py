"""smartphone-decimeter-2022: ground-truth traces of the test drives, one trip per drive/phone,
concatenated in path order."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality

_PHONES = np.array(["GooglePixel4", "GooglePixel4XL", "GooglePixel5", "SamsungGalaxyS20Ultra", "XiaomiMi8"])
_PLACES = np.array(["US-MTV-1", "US-SJC-1", "US-SJC-2", "US-LAX-3", "US-SVL-1"])


class SmartphoneDecimeter2022(Generator):
    competition_id = "smartphone-decimeter-2022"
    default_rows = 37_087
    id_column = "tripId"
    is_lower_better = True
    leaderboard_teams = 810
    leaderboard_best = 1.4
    leaderboard_worst = 6.0

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        trips = int(np.clip(rows // 1800, min(4, rows), 20))
        days = rng.choice(np.arange(0, 700), size=trips, replace=True)
        dates = (np.datetime64("2020-05-01") + days.astype("timedelta64[D]")).astype(str)
        drives = np.char.add(np.char.add(dates, "-"), rng.choice(_PLACES, trips))
        names = np.char.add(np.char.add(drives, "-"), rng.choice(_PHONES, trips))
        names = np.unique(names)  # sorted path order
        while names.size < trips:  # draws can collide: pad with fresh phones
            names = np.unique(np.append(names, f"{names[0]}{names.size}"))
        sizes = np.full(trips, rows // trips)
        sizes[: rows - sizes.sum()] += 1
        if trips == 4 and rows >= 10:
            # Small files (golden fixtures) keep a one-point and a two-point trip: quantile edges.
            sizes = np.array([1, 2, (rows - 3) // 2, rows - 3 - (rows - 3) // 2])
        trip = np.repeat(names, sizes)
        start = np.repeat(1_600_000_000_000 + days * 86_400_000, sizes)
        step = np.concatenate([np.arange(s) for s in sizes])
        lat0 = np.repeat(rng.uniform(37.3, 37.5, trips), sizes)
        lng0 = np.repeat(rng.uniform(-122.2, -121.8, trips), sizes)
        walk = rng.normal(0, 2e-5, (2, rows)).cumsum(axis=1)
        return pl.DataFrame(
            {
                "tripId": trip,
                "UnixTimeMillis": (start + 1000 * step).astype(np.int64),
                "LatitudeDegrees": np.round(lat0 + walk[0], 9),
                "LongitudeDegrees": np.round(lng0 + walk[1], 9),
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.with_columns(
            pl.lit(37.904611315634504).alias("LatitudeDegrees"),
            pl.lit(-86.48107806249548).alias("LongitudeDegrees"),
        )

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        lat = answers["LatitudeDegrees"].to_numpy()
        lng = answers["LongitudeDegrees"].to_numpy()
        n = len(lat)
        if quality == "noisy":
            lat = np.round(lat + rng.normal(0, 3e-5, n), 9)
            lng = np.round(lng + rng.normal(0, 3e-5, n), 9)
        elif quality == "random":
            lat = np.round(lat + rng.normal(0, 1e-2, n), 9)
            lng = np.round(lng + rng.normal(0, 1e-2, n), 9)
        return answers.select("tripId", "UnixTimeMillis").with_columns(
            pl.Series("LatitudeDegrees", lat), pl.Series("LongitudeDegrees", lng)
        )

    def submission(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        # Rows pair by position inside a trip: agents keep the sample submission's order.
        return self._predict(answers, quality, rng)


GENERATOR = SmartphoneDecimeter2022()
