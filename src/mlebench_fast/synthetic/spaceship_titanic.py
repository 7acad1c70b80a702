"""spaceship-titanic: accuracy on the bool ``Transported``; answers carry every passenger column."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, unique_ints

_PLANETS = np.array(["Earth", "Europa", "Mars"])
_DESTINATIONS = np.array(["TRAPPIST-1e", "55 Cancri e", "PSO J318.5-22"])
_FIRST = np.array(["Maham", "Juanna", "Altark", "Solam", "Willy", "Sandie", "Billex", "Candra"])
_LAST = np.array(["Ofracculy", "Vines", "Susent", "Santantines", "Hinetthews", "Jacostaffey"])


def _with_missing(values: np.ndarray, rng: np.random.Generator, rate: float = 0.02) -> list:
    # About 2% of every feature column of the real train.csv is empty.
    out = values.tolist()
    missing = rng.random(len(out)) < rate
    if len(out) >= 20:
        # At least one gap, so pandas types CryoSleep/VIP as object as in the real file.
        missing[rng.integers(len(out))] = True
    for i in np.flatnonzero(missing):
        out[i] = None
    return out


class SpaceshipTitanic(Generator):
    competition_id = "spaceship-titanic"
    default_rows = 870
    id_column = "PassengerId"
    is_lower_better = False
    leaderboard_teams = 2700
    leaderboard_best = 0.82
    leaderboard_worst = 0.5

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        # PassengerId is gggg_pp (group, member); the test split is a shuffled sample of train.
        group = unique_ints(rows, 1, 9281, rng)
        member = rng.integers(1, 4, size=rows)
        ids = [f"{g:04d}_{m:02d}" for g, m in zip(group, member, strict=True)]
        cryo = rng.random(rows) < 0.35
        spend = {
            col: np.where(
                cryo, 0.0, np.round(rng.exponential(300.0, rows) * (rng.random(rows) < 0.4))
            )
            for col in ("RoomService", "FoodCourt", "ShoppingMall", "Spa", "VRDeck")
        }
        decks = rng.choice(list("ABCDEFGT"), size=rows)
        cabin = [
            f"{d}/{n}/{s}"
            for d, n, s in zip(
                decks, rng.integers(0, 1900, rows), rng.choice(["P", "S"], rows), strict=True
            )
        ]
        transported = np.where(cryo, rng.random(rows) < 0.8, rng.random(rows) < 0.35)
        return pl.DataFrame(
            {
                "PassengerId": ids,
                "HomePlanet": pl.Series(
                    _with_missing(rng.choice(_PLANETS, rows), rng), dtype=pl.String
                ),
                "CryoSleep": pl.Series(_with_missing(cryo, rng), dtype=pl.Boolean),
                "Cabin": pl.Series(_with_missing(np.array(cabin), rng), dtype=pl.String),
                "Destination": pl.Series(
                    _with_missing(rng.choice(_DESTINATIONS, rows), rng), dtype=pl.String
                ),
                "Age": pl.Series(
                    _with_missing(rng.integers(0, 80, rows).astype(float), rng), dtype=pl.Float64
                ),
                "VIP": pl.Series(_with_missing(rng.random(rows) < 0.03, rng), dtype=pl.Boolean),
                **{c: pl.Series(_with_missing(v, rng), dtype=pl.Float64) for c, v in spend.items()},
                "Name": pl.Series(
                    _with_missing(
                        np.char.add(
                            np.char.add(rng.choice(_FIRST, rows), " "), rng.choice(_LAST, rows)
                        ),
                        rng,
                    ),
                    dtype=pl.String,
                ),
                "Transported": transported,
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("PassengerId", pl.lit(False).alias("Transported"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        truth = answers["Transported"].to_numpy()
        if quality == "perfect":
            pred = truth
        elif quality == "noisy":
            pred = truth ^ (rng.random(len(truth)) < 0.2)
        else:
            pred = rng.random(len(truth)) < 0.5
        return pl.DataFrame({"PassengerId": answers["PassengerId"], "Transported": pred})


GENERATOR = SpaceshipTitanic()
