"""AI4Code: each notebook's cell ids (8 hex) in their true order; predictions reorder them."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex


class AI4Code(Generator):
    competition_id = "AI4Code"
    default_rows = 20000
    id_column = "id"
    is_lower_better = False
    leaderboard_teams = 1135
    leaderboard_best = 0.9
    leaderboard_worst = 0.4

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        lengths = np.minimum(rng.geometric(1 / 45, size=rows) + 1, 1000)
        cells = random_hex(int(lengths.sum()), 8, rng)
        frame = pl.DataFrame({"row": np.repeat(np.arange(rows), lengths), "c": cells})
        orders = frame.group_by("row", maintain_order=True).agg(pl.col("c").str.join(" "))["c"]
        return pl.DataFrame({"id": random_hex(rows, 14, rng), "cell_order": orders})

    def _shuffle(self, answers: pl.DataFrame, share: float, rng: np.random.Generator) -> pl.Series:
        # Move a share of each notebook's cells (the "markdown" ones) to random places.
        lists = answers["cell_order"].str.split(" ")
        flat = lists.explode()
        row = np.repeat(np.arange(answers.height), lists.list.len().to_numpy())
        key = np.arange(row.size, dtype=np.float64)
        moved = rng.random(row.size) < share
        starts = np.concatenate([[0], np.cumsum(lists.list.len().to_numpy())[:-1]])
        lengths = lists.list.len().to_numpy()
        key[moved] = starts[row[moved]] + rng.random(int(moved.sum())) * lengths[row[moved]]
        frame = pl.DataFrame({"row": row, "key": key, "c": flat}).sort("row", "key")
        return frame.group_by("row", maintain_order=True).agg(pl.col("c").str.join(" "))["c"]

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        # The test notebooks' json order: code cells in order, markdown cells after them.
        return answers.with_columns(self._shuffle(answers, 0.4, np.random.default_rng(0)).alias("cell_order"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        if quality == "perfect":
            return answers
        share = 0.3 if quality == "noisy" else 1.0
        return answers.with_columns(self._shuffle(answers, share, rng).alias("cell_order"))


GENERATOR = AI4Code()
