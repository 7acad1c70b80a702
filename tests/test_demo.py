"""`mlebench-fast demo`: builds the embedded suite for every implemented competition and grades it."""

import json

from mlebench_fast.demo import run_demo
from mlebench_fast.registry import implemented_competition_ids


def test_demo_grades_every_implemented_competition(tmp_path, capsys):
    assert run_demo(tmp_path, seeds=1, max_rows=200) == 0
    out = capsys.readouterr().out
    assert "split" in out and "all" in out
    (report,) = (tmp_path / "reports").glob("*_grading_report.json")
    graded = {entry["competition_id"] for entry in json.loads(report.read_text())["competition_reports"]}
    assert graded == set(implemented_competition_ids())
