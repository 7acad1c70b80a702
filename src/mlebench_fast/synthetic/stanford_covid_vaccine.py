"""stanford-covid-vaccine: MCRMSE on 3 of 5 degradation targets, rows ``id_<9 hex>_<pos>``.

Each test sequence has 107 positions; the first 68 are scored (``keep``), the rest are 0.0.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex

TARGETS = ("reactivity", "deg_Mg_pH10", "deg_pH10", "deg_Mg_50C", "deg_50C")
_LENGTH, _SCORED = 107, 68


class StanfordCovidVaccine(Generator):
    competition_id = "stanford-covid-vaccine"
    default_rows = 25680
    id_column = "id_seqpos"
    is_lower_better = True
    leaderboard_teams = 1636
    leaderboard_best = 0.34
    leaderboard_worst = 0.6

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        seqs = -(-rows // _LENGTH)
        names = ("id_" + random_hex(seqs, 9, rng)).to_numpy()
        pos = np.tile(np.arange(_LENGTH), seqs)[:rows]
        seq = np.repeat(names, _LENGTH)[:rows]
        keep = pos < _SCORED
        ids = np.char.add(np.char.add(seq.astype(str), "_"), pos.astype(str))
        data = {"id_seqpos": ids}
        for t in TARGETS:
            values = np.round(rng.gamma(1.2, 0.4, rows) - 0.05, 10)
            data[t] = np.where(keep, values, 0.0)
        data["keep"] = keep
        return pl.DataFrame(data)

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("id_seqpos", *[pl.lit(0.0).alias(t) for t in TARGETS])

    def _predict(self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator) -> pl.DataFrame:
        n = answers.height
        cols = {"id_seqpos": answers["id_seqpos"]}
        for t in TARGETS:
            truth = answers[t].to_numpy()
            if quality == "perfect":
                cols[t] = truth
            elif quality == "noisy":
                cols[t] = np.round(0.6 * truth + 0.2 + rng.normal(0, 0.2, n), 6)
            else:
                cols[t] = np.round(rng.uniform(0, 2, n), 6)
        return pl.DataFrame(cols)


GENERATOR = StanfordCovidVaccine()
