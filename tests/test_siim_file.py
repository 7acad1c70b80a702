"""siim-covid19-detection read straight into string views (score_file) against its Table path:
every golden case gets the same verdict and raw score; the view path takes the submissions of
the answers' ids and hands every other file to the Table path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mlebench_fast import answers_cache
from mlebench_fast.competitions import siim_covid19_detection as siim
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io import read_csv
from mlebench_fast.registry import get_competition

CID = "siim-covid19-detection"
GOLDEN = Path(__file__).parent / "golden" / CID
CASES = json.loads((GOLDEN / "expected.json").read_text())["cases"]


def _outcome(grade):
    try:
        raw = grade()
    except InvalidSubmissionError as exc:
        return "rejected", str(exc)
    return "graded", raw


@pytest.mark.parametrize("name", sorted(CASES))
def test_views_and_table_agree(name):
    answers = answers_cache.prepared_answers(get_competition(CID), GOLDEN / "answers.csv")
    path = GOLDEN / "submissions" / f"{name}.csv"
    by_views = _outcome(lambda: siim.GRADER.score_file(path, answers))
    if by_views[0] == "graded" and by_views[1] is None:
        return  # not taken: the Table path grades it (test_golden checks that)
    try:
        table = read_csv(path)
    except Exception:  # noqa: BLE001 - a file pandas cannot read is never taken
        pytest.fail("score_file took a file read_csv cannot read")
    by_table = _outcome(lambda: siim.GRADER.score(table, answers))
    assert by_views == by_table
    assert type(by_views[1]) is type(by_table[1])


def test_the_common_submission_is_taken():
    answers = answers_cache.prepared_answers(get_competition(CID), GOLDEN / "answers.csv")
    taken = {
        name for name in CASES
        if _outcome(lambda: siim.GRADER.score_file(GOLDEN / "submissions" / f"{name}.csv", answers))
        != ("graded", None)
    }
    assert {"perfect", "shuffled", "random", "sample_submission", "bom", "crlf"} <= taken
    assert not taken & {"missing_id", "fewer_rows", "unknown_id", "duplicated_id", "nan_prediction"}
