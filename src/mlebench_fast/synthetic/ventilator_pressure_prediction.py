"""ventilator-pressure-prediction: 80 time steps per breath, ids renumbered 1..n by prepare.py."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality

_STEPS = 80


def _g10(values: np.ndarray) -> np.ndarray:
    # prepare.py writes floats with float_format="%.10g"; pandas reads those decimals back.
    return np.char.mod("%.10g", values).astype(np.float64)


class VentilatorPressurePrediction(Generator):
    competition_id = "ventilator-pressure-prediction"
    default_rows = 603_600
    id_column = "id"
    is_lower_better = True
    leaderboard_teams = 2605
    leaderboard_best = 0.1
    leaderboard_worst = 1.5

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        breaths = -(-rows // _STEPS)
        breath_ids = np.sort(rng.choice(np.arange(1, 125_750), size=breaths, replace=False))
        rng.shuffle(breath_ids)
        step = np.tile(np.arange(_STEPS), breaths)[:rows]
        breath = np.repeat(breath_ids, _STEPS)[:rows]
        r = np.repeat(rng.choice([5, 20, 50], size=breaths), _STEPS)[:rows]
        c = np.repeat(rng.choice([10, 20, 50], size=breaths), _STEPS)[:rows]
        time_step = _g10(step * 0.0336 + rng.uniform(0, 0.002, rows))
        u_out = (step >= 30).astype(np.int64)
        u_in = _g10(np.where(u_out == 0, rng.uniform(0, 40, rows), rng.uniform(0, 5, rows)))
        # Pressures sit on the sensor's grid (multiples of ~0.0703 cmH2O).
        pressure = _g10(np.round(rng.uniform(5, 40, rows) / 0.0703021454) * 0.0703021454 - 1.895744294564641)
        return pl.DataFrame(
            {
                "id": np.arange(1, rows + 1, dtype=np.int64),
                "breath_id": breath.astype(np.int64),
                "R": r.astype(np.int64),
                "C": c.astype(np.int64),
                "time_step": time_step,
                "u_in": u_in,
                "u_out": u_out,
                "pressure": pressure,
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("id", pl.lit(0).alias("pressure"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        truth = answers["pressure"].to_numpy()
        n = len(truth)
        if quality == "perfect":
            pred = truth
        elif quality == "noisy":
            pred = truth + rng.normal(0, 0.5, n)
        else:
            pred = rng.uniform(5, 40, n)
        return pl.DataFrame({"id": answers["id"], "pressure": pred})


GENERATOR = VentilatorPressurePrediction()
