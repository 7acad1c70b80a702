"""playground-series-s3e18: macro ROC AUC over ``EC1`` and ``EC2``.

The answers are the whole test split (id, 31 molecular descriptors, EC1-EC6) in
train_test_split's shuffled order; submissions are ``id, EC1, EC2``.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._auroc import ColumnwiseAurocGenerator
from mlebench_fast.synthetic._base import unique_ints

_FLOAT_FEATURES = (
    "BertzCT Chi1 Chi1n Chi1v Chi2n Chi2v Chi3v Chi4n EState_VSA1 EState_VSA2 ExactMolWt "
    "FpDensityMorgan1 FpDensityMorgan2 FpDensityMorgan3 HallKierAlpha HeavyAtomMolWt Kappa3 "
    "MaxAbsEStateIndex MinEStateIndex"
).split()
_INT_FEATURES = ("NumHeteroatoms",)
_MORE_FLOATS = (
    "PEOE_VSA10 PEOE_VSA14 PEOE_VSA6 PEOE_VSA7 PEOE_VSA8 SMR_VSA10 SMR_VSA5 SlogP_VSA3 VSA_EState9"
).split()
_COUNTS = ("fr_COO", "fr_COO2")
_RATES = {"EC1": 0.67, "EC2": 0.8, "EC3": 0.07, "EC4": 0.13, "EC5": 0.06, "EC6": 0.05}


class PlaygroundSeriesS3e18(ColumnwiseAurocGenerator):
    competition_id = "playground-series-s3e18"
    default_rows = 1484
    id_column = "id"
    classes = ("EC1", "EC2")
    leaderboard_teams = 1016

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        columns: dict[str, object] = {"id": unique_ints(rows, 0, max(14_838, rows), rng)}
        for name in _FLOAT_FEATURES:
            columns[name] = np.round(rng.gamma(2.0, 20.0, rows), 6)
        for name in _INT_FEATURES:
            columns[name] = rng.integers(0, 20, rows).astype(np.int64)
        for name in _MORE_FLOATS:
            columns[name] = np.round(rng.gamma(1.5, 10.0, rows), 6)
        for name in _COUNTS:
            columns[name] = rng.integers(0, 3, rows).astype(np.int64)
        for name, rate in _RATES.items():
            labels = (rng.random(rows) < rate).astype(np.int64)
            if rows >= 2:
                labels[:2] = (0, 1)
            columns[name] = labels
        return pl.DataFrame(columns)


GENERATOR = PlaygroundSeriesS3e18()
