"""osic-pulmonary-fibrosis-progression: every patient x week grid, FVC only on measured weeks."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex

_WEEKS = np.arange(-3, 103)  # the test split's min..max week
_MEASURED = 9  # measurements per patient


class OsicPulmonaryFibrosisProgression(Generator):
    competition_id = "osic-pulmonary-fibrosis-progression"
    default_rows = 1908
    id_column = "Patient_Week"
    is_lower_better = False
    leaderboard_teams = 2097
    leaderboard_best = -6.8
    leaderboard_worst = -8.0

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        patients = max(1, -(-rows // _WEEKS.size))
        names = ("ID" + random_hex(patients, 23, rng).str.to_uppercase().str.replace_all("[A-F]", "0")).to_numpy()
        patient = np.repeat(names, _WEEKS.size)[:rows]
        weeks = np.tile(_WEEKS, patients)[:rows]
        # Each patient's measured weeks: the first one plus a random handful later.
        order = rng.random((patients, _WEEKS.size)).argsort(axis=1)[:, :_MEASURED]
        measured = np.zeros((patients, _WEEKS.size), dtype=bool)
        np.put_along_axis(measured, order, True, axis=1)
        measured = measured.ravel()[:rows]
        base = np.repeat(rng.normal(2700, 700, patients), _WEEKS.size)[:rows]
        fvc = np.where(measured, np.round(base - 3 * weeks + rng.normal(0, 120, rows)), np.nan)
        age = np.repeat(rng.integers(50, 85, patients).astype(np.float64), _WEEKS.size)[:rows]
        sex = np.repeat(rng.choice(["Male", "Female"], patients, p=[0.8, 0.2]), _WEEKS.size)[:rows]
        smoke = np.repeat(
            rng.choice(["Ex-smoker", "Never smoked", "Currently smokes"], patients), _WEEKS.size
        )[:rows]
        return pl.DataFrame(
            {
                "Patient": patient,
                "Weeks": weeks.astype(np.int64),
                "FVC": fvc,
                "Percent": np.where(measured, fvc / 35.0, np.nan),
                "Age": np.where(measured, age, np.nan),
                "Sex": pl.Series(sex).set(pl.Series(~measured), None),
                "SmokingStatus": pl.Series(smoke).set(pl.Series(~measured), None),
                "Patient_Week": np.char.add(np.char.add(patient.astype(str), "_"), weeks.astype(str)),
                "Confidence": np.full(rows, 100, dtype=np.int64),
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("Patient_Week", pl.lit(2000).alias("FVC"), pl.lit(100).alias("Confidence"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        truth = answers["FVC"].to_numpy()
        n = len(truth)
        filled = np.where(np.isnan(truth), 2500.0, truth)
        if quality == "perfect":
            pred, conf = filled, np.full(n, 70.0)
        elif quality == "noisy":
            pred = np.round(filled + rng.normal(0, 150, n), 1)
            conf = np.round(rng.uniform(50, 400, n), 1)
        else:
            pred = np.round(rng.uniform(1000, 4500, n), 1)
            conf = np.round(rng.uniform(50, 1000, n), 1)
        return pl.DataFrame({"Patient_Week": answers["Patient_Week"], "FVC": pred, "Confidence": conf})


GENERATOR = OsicPulmonaryFibrosisProgression()
