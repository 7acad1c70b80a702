"""The mlebench-fast command: arguments, exit codes and output formats."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from mlebench_fast.cli import main

CID = "spaceship-titanic"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_grade_sample_prints_the_report_as_json(prepared, capsys):
    code, out, _ = _run(capsys, "grade-sample", str(prepared["perfect"]), CID,
                        "--data-dir", str(prepared["data"]),
                        "--leaderboards", str(prepared["leaderboards"]))
    report = json.loads(out)
    assert code == 0 and report["score"] == 1.0 and report["competition_id"] == CID
    assert report["valid_submission"] and report["gold_medal"]


def test_grade_writes_the_report_and_prints_totals(prepared, tmp_path, capsys):
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text(json.dumps({"competition_id": CID, "submission_path": str(prepared["perfect"])}))
    code, out, err = _run(capsys, "grade", "--submission", str(jobs), "--output-dir",
                          str(tmp_path / "out"), "--data-dir", str(prepared["data"]),
                          "--leaderboards", str(prepared["leaderboards"]))
    assert code == 0 and json.loads(out)["total_gold_medals"] == 1
    (report,) = (tmp_path / "out").glob("*_grading_report.json")
    assert str(report) in err


def test_validate_exit_code_follows_validity(prepared, capsys):
    code, out, _ = _run(capsys, "validate", str(prepared["perfect"]), CID,
                        "--data-dir", str(prepared["data"]))
    assert code == 0 and out.strip() == "Submission is valid."
    code, out, _ = _run(capsys, "validate", str(prepared["broken"]), CID,
                        "--data-dir", str(prepared["data"]))
    assert code == 1 and "same length as the answers" in out


def test_list_shows_splits_metrics_and_what_is_built(capsys):
    code, out, _ = _run(capsys, "list")
    rows = [line.split("\t") for line in out.splitlines()]
    assert code == 0 and len(rows) == 82
    assert ["spaceship-titanic", "dev", "accuracy_score", "implemented"] in rows
    code, out, _ = _run(capsys, "list", "--split", "low", "--implemented")
    assert all(line.split("\t")[1] == "low" for line in out.splitlines())


def test_aggregate_prints_the_reference_summary(prepared, tmp_path, capsys):
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text(json.dumps({"competition_id": CID, "submission_path": str(prepared["perfect"])}))
    main(["grade", "--submission", str(jobs), "--output-dir", str(tmp_path / "out"),
          "--data-dir", str(prepared["data"]), "--leaderboards", str(prepared["leaderboards"])])
    capsys.readouterr()
    (report,) = (tmp_path / "out").glob("*_grading_report.json")
    code, out, _ = _run(capsys, "aggregate", "--grading-reports", str(report), "--split", "dev",
                        "--pad-missing")
    result = json.loads(out)
    assert code == 0 and result["num_seeds_averaged"] == 1


def test_errors_exit_non_zero_with_a_message(capsys, tmp_path):
    code, _, err = _run(capsys, "grade-sample", str(tmp_path / "x.csv"), "spaceship-titanik")
    assert code == 1 and "Did you mean: spaceship-titanic" in err
    with pytest.raises(SystemExit) as usage:
        main(["grade"])  # --submission and --output-dir are required
    assert usage.value.code == 2


def test_the_installed_command_runs():
    result = subprocess.run([sys.executable, "-m", "mlebench_fast", "--help"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "grade-sample" in result.stdout
