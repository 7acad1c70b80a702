"""Golden parity: every fixture case graded by our engine as the reference graded it.

The fixtures under ``tests/golden/<competition>/`` (answers, submissions, ``expected.json``) are made
by ``tools/make_golden.py``, which runs the reference graders of openai/mle-bench. A case the
reference graded must be graded here with the same raw score (1e-9 relative), the same reported
score (exactly) and the same Python type of raw score (``round`` differs between ``float`` and
``numpy.float64``); a case it rejected, or crashed on while reading, must be rejected.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"


def _load() -> list[tuple[str, str, dict]]:
    cases = []
    for expected in sorted(GOLDEN.glob("*/expected.json")):
        data = json.loads(expected.read_text())
        for name, case in sorted(data["cases"].items()):
            cases.append((data["competition_id"], name, case))
    return cases


CASES = _load()
GRADED = [c for c in CASES if c[2]["verdict"] == "graded"]


def _ids(cases: list[tuple[str, str, dict]]) -> list[str]:
    return [f"{cid}/{name}" for cid, name, _ in cases]


def _number(value: float | str) -> float:
    # Non-finite scores are stored as "nan" / "inf" / "-inf" to keep the JSON standard.
    return float(value)


def _paths(cid: str, name: str) -> tuple[Path, Path]:
    answers = GOLDEN / cid / "answers.jsonl"  # where the reference's answers are JSON lines
    if not answers.is_file():
        answers = GOLDEN / cid / "answers.csv"
    return GOLDEN / cid / "submissions" / f"{name}.csv", answers


def _same(ours: float | None, theirs: float, *, exact: bool) -> bool:
    if ours is None:
        return False
    if math.isnan(theirs):
        return math.isnan(ours)
    if exact or math.isinf(theirs):
        return ours == theirs
    return math.isclose(ours, theirs, rel_tol=1e-9, abs_tol=1e-15)


def test_fixtures_present() -> None:
    assert len({cid for cid, _, _ in CASES}) >= 8
    for cid, name, _ in CASES:
        sub, answers = _paths(cid, name)
        assert sub.is_file(), sub
        assert answers.is_file(), answers


@pytest.mark.parametrize(("cid", "name", "case"), CASES, ids=_ids(CASES))
def test_verdict_and_score(cid: str, name: str, case: dict) -> None:
    from mlebench_fast.grading import grade_submission

    sub, answers = _paths(cid, name)
    score = grade_submission(sub, cid, answers=answers)
    if case["verdict"] != "graded":
        assert not score.valid, (
            f"the reference {case['verdict']} this case ({case['exception']}: {case['message']}), "
            f"but it was graded {score!r}"
        )
        return
    assert score.valid, f"the reference graded this case ({case['raw']!r}); here: {score.error}"
    raw, value = _number(case["raw"]), _number(case["value"])
    assert _same(score.raw, raw, exact=False), f"raw {score.raw!r} != reference {raw!r}"
    assert _same(score.value, value, exact=True), f"value {score.value!r} != reference {value!r}"


@pytest.mark.parametrize(("cid", "name", "case"), GRADED, ids=_ids(GRADED))
def test_raw_score_type(cid: str, name: str, case: dict) -> None:
    from mlebench_fast.io import read_csv, read_jsonl
    from mlebench_fast.registry import get_competition

    sub, answers = _paths(cid, name)
    comp = get_competition(cid)
    read_answers = read_jsonl if answers.suffix == ".jsonl" else read_csv
    raw = comp.grader.score(read_csv(sub), comp.grader.prepare_answers(read_answers(answers)))
    assert type(raw).__name__ == case["raw_type"]
