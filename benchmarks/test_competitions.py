"""Whole-competition grading speed at the real test-set size, warm, against the read floor.

The floor (the faster of Polars' and pyarrow's CSV readers on the submission alone) is measured
in the same run, so the gate is a ratio that holds on any machine: a grader slower than its
recorded ceiling times the floor fails. The reference's times on the same files come from
``tools/time_reference.py`` (run with a hand-installed reference) and go into the README table.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.data import competition_files
from benchmarks.timing import paired_seconds
from mlebench_fast import grade_submission, implemented_competition_ids
from mlebench_fast.synthetic import generator_ids

CEILINGS = json.loads((Path(__file__).parent / "ceilings.json").read_text())["competitions"]
IDS = sorted(set(implemented_competition_ids()) & set(generator_ids()))


@pytest.mark.parametrize("competition_id", IDS)
def test_grading_stays_close_to_the_read_floor(competition_id, competition_results):
    answers, submission = competition_files(competition_id)
    warm = grade_submission(submission, competition_id, answers=answers)
    assert warm.valid, warm.error
    ours, floor = paired_seconds(
        lambda: grade_submission(submission, competition_id, answers=answers), str(submission)
    )
    ratio = ours / floor
    competition_results[competition_id] = {
        "rows": submission.read_bytes().count(b"\n") - 1,
        "ours_seconds": ours,
        "floor_seconds": floor,
        "ours_over_floor": ratio,
    }
    ceiling = CEILINGS.get(competition_id)
    assert ceiling is not None, (
        f"{competition_id}: no ceiling recorded in benchmarks/ceilings.json (measured "
        f"{ratio:.1f}x the floor); record one"
    )
    assert ratio <= ceiling, (
        f"{competition_id}: grading takes {ratio:.1f}x the read floor, above the recorded "
        f"ceiling of {ceiling}x"
    )
