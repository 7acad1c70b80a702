"""multi-modal-gesture-recognition: each test video's gesture sequence (ints 1..20, 8-20 long)."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, unique_ints


def _sequences(rows: int, low: int, high: int, rng: np.random.Generator) -> pl.Series:
    lengths = rng.integers(low, high + 1, size=rows)
    values = rng.integers(1, 21, size=int(lengths.sum()))
    frame = pl.DataFrame({"row": np.repeat(np.arange(rows), lengths), "v": values})
    out = frame.group_by("row", maintain_order=True).agg(pl.col("v").cast(pl.String).str.join(" "))
    full = pl.DataFrame({"row": np.arange(rows)}).join(out, on="row", how="left")
    return full["v"].fill_null("")


class MultiModalGestureRecognition(Generator):
    competition_id = "multi-modal-gesture-recognition"
    default_rows = 100
    id_column = "Id"
    is_lower_better = True
    leaderboard_teams = 54
    leaderboard_best = 0.12
    leaderboard_worst = 0.9

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        # Ids are the video numbers ("0300" in the file, read back as 300), in ascending order.
        ids = np.sort(unique_ints(rows, 300, 300 + 4 * rows, rng)).astype(np.int64)
        return pl.DataFrame({"Id": ids, "Sequence": _sequences(rows, 8, 20, rng)})

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        # prepare.py's randomPredictions.csv: random sequences
        return answers.with_columns(
            _sequences(answers.height, 8, 20, np.random.default_rng(0)).alias("Sequence")
        )

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        if quality == "perfect":
            return answers
        if quality == "random":
            return self.sample_submission(answers).with_columns(
                _sequences(answers.height, 8, 20, rng).alias("Sequence")
            )
        # Drop one gesture and change another in most rows.
        tokens = answers["Sequence"].str.split(" ")
        n = answers.height
        drop = rng.integers(0, 8, size=n)
        noisy = pl.DataFrame({"t": tokens, "d": drop}).select(
            pl.concat_list(pl.col("t").list.head(pl.col("d")), pl.col("t").list.slice(pl.col("d") + 1))
            .list.join(" ")
        ).to_series()
        return answers.with_columns(noisy.alias("Sequence"))


GENERATOR = MultiModalGestureRecognition()
