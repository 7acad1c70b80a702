"""tabular-playground-series-may-2022: ROC AUC of ``target``, rows matched by ``id``.

The answers are the whole test split (ids 800000.. ascending, 31 features, target); submissions
are ``id, target``.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._auroc import BinaryAurocGenerator

_LETTERS = np.frombuffer(b"ABCDEFGHIJKLMNOPQRST", dtype=np.uint8)


class TabularPlaygroundSeriesMay2022(BinaryAurocGenerator):
    competition_id = "tabular-playground-series-may-2022"
    default_rows = 100_000
    id_column = "id"
    target_column = "target"
    positive_rate = 0.49
    leaderboard_teams = 1151

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        columns: dict[str, object] = {"id": np.arange(800_000, 800_000 + rows, dtype=np.int64)}

        def floats() -> np.ndarray:
            return np.round(rng.normal(0.0, 1.5, rows), 6)

        for i in range(7):
            columns[f"f_{i:02d}"] = floats()
        for i in range(7, 19):
            columns[f"f_{i:02d}"] = rng.poisson(2.0, rows).astype(np.int64)
        for i in range(19, 27):
            columns[f"f_{i:02d}"] = floats()
        letters = _LETTERS[rng.integers(0, len(_LETTERS), size=(rows, 10))]
        columns["f_27"] = pl.Series(letters.view("S10").ravel()).cast(pl.String)
        columns["f_28"] = np.round(rng.normal(0.0, 240.0, rows), 6)
        columns["f_29"] = rng.integers(0, 2, rows).astype(np.int64)
        columns["f_30"] = rng.integers(0, 3, rows).astype(np.int64)
        columns["target"] = self._labels(rows, rng)
        return pl.DataFrame(columns)


GENERATOR = TabularPlaygroundSeriesMay2022()
