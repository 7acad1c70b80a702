"""Fixtures shared by the end-to-end tests."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from hypothesis import settings

from mlebench_fast.synthetic import get_generator, write_csv

# `make test` replays the same examples every run, so a red CI is a regression, never an unlucky
# draw; HYPOTHESIS_PROFILE=explore draws new ones (what to run when hunting for new traps).
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def prepared(tmp_path_factory) -> dict[str, Path]:
    """A data dir and a leaderboards dir laid out as the reference lays them out."""
    root = tmp_path_factory.mktemp("suite")
    generator = get_generator("spaceship-titanic")
    rng = np.random.default_rng(3)
    answers = generator.answers(60, rng)
    data_dir = root / "data"
    answers_path = data_dir / "spaceship-titanic" / "prepared" / "private" / "test.csv"
    write_csv(answers, answers_path)
    leaderboards = root / "leaderboards"
    write_csv(generator.leaderboard(rng), leaderboards / "spaceship-titanic" / "leaderboard.csv")
    perfect = root / "perfect.csv"
    write_csv(generator.submission(answers, "perfect", rng), perfect)
    broken = root / "broken.csv"
    broken.write_text("PassengerId,Transported\n0001_01,True\n")
    return {"data": data_dir, "answers": answers_path, "leaderboards": leaderboards,
            "perfect": perfect, "broken": broken, "root": root}
