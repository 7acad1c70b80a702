"""the-icml-2013-whale-challenge-right-whale-redux: ROC AUC of ``probability`` (the 0/1 label);
``clip`` is ``<YYYYMMDD_HHMMSS>_<s>s<ms>ms_Test<i>.aif`` in time order."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._auroc import BinaryAurocGenerator


class IcmlWhaleRedux(BinaryAurocGenerator):
    competition_id = "the-icml-2013-whale-challenge-right-whale-redux"
    default_rows = 25149
    id_column = "clip"
    target_column = "probability"
    positive_rate = 0.1
    sample_value = 0
    leaderboard_teams = 130

    def _ids(self, rows: int, rng: np.random.Generator) -> pl.Series:
        # Two days of 2-second clips, sorted by their timestamp as prepare.py sorts file names.
        day = np.where(np.arange(rows) < rows // 2, 30, 31)
        offset = np.sort(rng.integers(0, 86_400 * 500, size=rows)) % (86_400 * 500)
        seconds, millis = offset // 500 % 86_400, (offset % 500) * 2
        hhmmss = (seconds // 3600) * 10_000 + (seconds // 60 % 60) * 100 + seconds % 60
        frame = pl.DataFrame(
            {"day": day, "hhmmss": hhmmss, "s": seconds % 60, "ms": millis, "i": np.arange(rows)}
        )
        return frame.select(
            pl.format(
                "200903{}_{}_{}s{}ms_Test{}.aif",
                pl.col("day"),
                pl.col("hhmmss").cast(pl.String).str.zfill(6),
                pl.col("s").cast(pl.String).str.zfill(3),
                pl.col("ms"),
                pl.col("i"),
            )
        ).to_series()


GENERATOR = IcmlWhaleRedux()
