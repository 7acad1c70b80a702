"""nomad2018-predict-transparent-conductors: the test split of train.csv with both targets."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality

_SPACEGROUPS = np.array([12, 33, 167, 194, 206, 227])
_ATOMS = np.array([10.0, 20.0, 30.0, 40.0, 60.0, 80.0])


class Nomad2018PredictTransparentConductors(Generator):
    competition_id = "nomad2018-predict-transparent-conductors"
    default_rows = 240
    id_column = "id"
    is_lower_better = True
    leaderboard_teams = 879
    leaderboard_best = 0.0509
    leaderboard_worst = 0.2

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        fractions = rng.dirichlet([1.0, 1.0, 1.0], size=rows)
        fractions = np.round(fractions * 32) / 32
        fractions[:, 2] = 1.0 - fractions[:, 0] - fractions[:, 1]
        fractions = np.abs(np.round(fractions, 4))
        lattice = np.round(rng.uniform(3.0, 25.0, size=(rows, 3)), 4)
        angles = np.round(rng.normal(90.0, 8.0, size=(rows, 3)), 4)
        formation = np.round(np.abs(rng.gamma(2.0, 0.09, rows)), 4)
        bandgap = np.round(np.abs(rng.normal(2.0, 1.0, rows)), 4)
        return pl.DataFrame(
            {
                # prepare.py renumbers the split's rows 1..n in their (shuffled) order.
                "id": np.arange(1, rows + 1, dtype=np.int64),
                "spacegroup": rng.choice(_SPACEGROUPS, size=rows).astype(np.int64),
                "number_of_total_atoms": rng.choice(_ATOMS, size=rows),
                "percent_atom_al": fractions[:, 0],
                "percent_atom_ga": fractions[:, 1],
                "percent_atom_in": fractions[:, 2],
                "lattice_vector_1_ang": lattice[:, 0],
                "lattice_vector_2_ang": lattice[:, 1],
                "lattice_vector_3_ang": lattice[:, 2],
                "lattice_angle_alpha_degree": angles[:, 0],
                "lattice_angle_beta_degree": angles[:, 1],
                "lattice_angle_gamma_degree": angles[:, 2],
                "formation_energy_ev_natom": formation,
                "bandgap_energy_ev": bandgap,
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select(
            "id",
            pl.lit(0.1779).alias("formation_energy_ev_natom"),
            pl.lit(1.8892).alias("bandgap_energy_ev"),
        )

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        n = answers.height
        formation = answers["formation_energy_ev_natom"].to_numpy()
        bandgap = answers["bandgap_energy_ev"].to_numpy()
        if quality == "noisy":
            formation = np.round(np.abs(formation + rng.normal(0, 0.03, n)), 4)
            bandgap = np.round(np.abs(bandgap + rng.normal(0, 0.2, n)), 4)
        elif quality == "random":
            formation = np.round(rng.uniform(0.0, 0.5, n), 4)
            bandgap = np.round(rng.uniform(0.0, 5.0, n), 4)
        return pl.DataFrame(
            {"id": answers["id"], "formation_energy_ev_natom": formation, "bandgap_energy_ev": bandgap}
        )

    def submission(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        # Rows pair by position in the reference: agents write them in the test file's order.
        return self._predict(answers, quality, rng)


GENERATOR = Nomad2018PredictTransparentConductors()
