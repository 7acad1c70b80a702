"""random-acts-of-pizza: ROC AUC of ``requester_received_pizza``; ids are Reddit's ``t3_<base36>``."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._auroc import BinaryAurocGenerator

_BASE36 = np.frombuffer(b"0123456789abcdefghijklmnopqrstuvwxyz", dtype=np.uint8)


class RandomActsOfPizza(BinaryAurocGenerator):
    competition_id = "random-acts-of-pizza"
    default_rows = 1162
    id_column = "request_id"
    target_column = "requester_received_pizza"
    positive_rate = 0.25
    sample_value = 0
    leaderboard_teams = 462

    def _ids(self, rows: int, rng: np.random.Generator) -> pl.Series:
        numbers = rng.choice(np.arange(36**4, 36**5), size=rows, replace=False)
        digits = np.empty((rows, 5), dtype=np.uint8)
        for position in range(4, -1, -1):
            digits[:, position] = _BASE36[numbers % 36]
            numbers = numbers // 36
        return "t3_" + pl.Series(digits.view("S5").ravel()).cast(pl.String)


GENERATOR = RandomActsOfPizza()
