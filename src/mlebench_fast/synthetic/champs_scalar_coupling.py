"""champs-scalar-coupling: the test molecules' coupling rows, molecules in split order, original ids."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality

_TYPES = np.array(["1JHC", "1JHN", "2JHC", "2JHH", "2JHN", "3JHC", "3JHH", "3JHN"])
_TYPE_P = np.array([0.152, 0.009, 0.245, 0.081, 0.026, 0.324, 0.126, 0.037])
_TYPE_MEAN = np.array([94.9, 47.5, -0.3, -10.3, 3.1, 3.7, 4.8, 0.9])
_TYPE_SD = np.array([18.3, 10.9, 4.5, 3.7, 3.7, 3.1, 3.7, 1.3])
_PER_MOLECULE = 32  # ~4.66M train rows over ~85k molecules


class ChampsScalarCoupling(Generator):
    competition_id = "champs-scalar-coupling"
    default_rows = 467_813
    id_column = "id"
    is_lower_better = True
    leaderboard_teams = 2737
    leaderboard_best = -3.2
    leaderboard_worst = 1.0

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        # Molecules are consecutive id ranges of the original train.csv; prepare.py keeps a random
        # tenth of them, in shuffled order, with their original ids.
        molecules = -(-rows // _PER_MOLECULE)
        picked = np.sort(rng.choice(np.arange(10 * molecules), size=molecules, replace=False))
        rng.shuffle(picked)
        mol = np.repeat(picked, _PER_MOLECULE)[:rows]
        within = np.tile(np.arange(_PER_MOLECULE), molecules)[:rows]
        ids = mol.astype(np.int64) * _PER_MOLECULE + within
        types = rng.choice(len(_TYPES), size=rows, p=_TYPE_P)
        value = np.round(_TYPE_MEAN[types] + _TYPE_SD[types] * rng.standard_normal(rows), 4)
        names = np.char.add("dsgdb9nsd_", np.char.zfill((mol + 1).astype(str), 6))
        return pl.DataFrame(
            {
                "id": ids,
                "molecule_name": names,
                "atom_index_0": (9 + within % 10).astype(np.int64),
                "atom_index_1": (within // 4).astype(np.int64),
                "type": _TYPES[types],
                "scalar_coupling_constant": value,
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("id", pl.lit(0).alias("scalar_coupling_constant"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        truth = answers["scalar_coupling_constant"].to_numpy()
        n = len(truth)
        if quality == "perfect":
            pred = truth
        elif quality == "noisy":
            pred = np.round(truth + rng.normal(0, 0.5, n), 4)
        else:
            pred = np.round(rng.uniform(-20, 120, n), 4)
        return pl.DataFrame({"id": answers["id"], "scalar_coupling_constant": pred})


GENERATOR = ChampsScalarCoupling()
