"""The grading API and reports, end to end on a small synthetic competition."""

from __future__ import annotations

import json
import warnings

import pandas as pd
import polars as pl
import pytest

from mlebench_fast import (
    DatasetNotPreparedError,
    GraderNotImplementedError,
    UnknownCompetitionError,
    grade_csv,
    grade_jsonl,
    grade_submission,
    thresholds,
    validate_submission,
)
from mlebench_fast.leaderboard import LeaderboardWarning

CID = "spaceship-titanic"


def test_grade_submission_accepts_paths_and_frames(prepared):
    path = prepared["perfect"]
    expected = grade_submission(path, CID, answers=prepared["answers"])
    assert expected.valid and expected.value == 1.0 and not expected.is_lower_better
    frames = [pl.read_csv(path), pd.read_csv(path), pl.read_csv(path).to_arrow(), str(path)]
    for frame in frames:
        score = grade_submission(frame, CID, answers=prepared["answers"])
        assert score == expected, type(frame)
    by_data_dir = grade_submission(path, CID, data_dir=prepared["data"])
    assert by_data_dir == expected
    answers_frame = pl.read_csv(prepared["answers"])
    assert grade_submission(path, CID, answers=answers_frame) == expected


def test_rejections_say_why_in_the_reference_words(prepared):
    score = grade_submission(prepared["broken"], CID, answers=prepared["answers"])
    assert not score.valid
    assert score.error == "Submission must have the same length as the answers."


def test_unknown_unprepared_and_unbuilt_competitions_fail_clearly(
    prepared, tmp_path, monkeypatch
):
    with pytest.raises(UnknownCompetitionError, match="spaceship-titanic"):
        grade_submission(prepared["perfect"], "spaceship-titanik")
    with pytest.raises(DatasetNotPreparedError, match="mlebench prepare -c spaceship-titanic"):
        grade_submission(prepared["perfect"], CID, data_dir=tmp_path)
    from mlebench_fast import registry
    from tests.test_registry import unbuilt_competition

    unbuilt = unbuilt_competition()
    monkeypatch.setitem(registry._competitions(), unbuilt.id, unbuilt)
    with pytest.raises(GraderNotImplementedError, match=unbuilt.id):
        grade_submission(prepared["perfect"], unbuilt.id, data_dir=tmp_path)


def test_grade_csv_report_has_medals_from_the_leaderboard(prepared):
    report = grade_csv(prepared["perfect"], CID, data_dir=prepared["data"],
                       leaderboards=prepared["leaderboards"])
    assert report.valid_submission and report.submission_exists and report.score == 1.0
    assert report.gold_medal is True and report.any_medal is True
    limits = thresholds(CID, str(prepared["leaderboards"]))
    assert report.gold_threshold == limits.gold and report.median_threshold == limits.median
    assert report.metric == "accuracy_score" and report.seconds > 0


def test_without_a_leaderboard_medals_are_unknown_and_a_warning_says_so(prepared, monkeypatch):
    monkeypatch.delenv("MLEBENCH_FAST_LEADERBOARDS", raising=False)
    with pytest.warns(LeaderboardWarning, match=CID):
        report = grade_csv(prepared["perfect"], CID, data_dir=prepared["data"],
                           leaderboards=prepared["root"] / "nowhere")
    assert report.score == 1.0 and report.gold_medal is None and report.any_medal is None


def test_missing_or_non_csv_submission_is_reported_not_raised(prepared, tmp_path):
    other = tmp_path / "submission.parquet"
    other.write_bytes(b"PAR1")
    for path in (tmp_path / "absent.csv", other):
        report = grade_csv(path, CID, data_dir=prepared["data"],
                           leaderboards=prepared["leaderboards"])
        assert not report.submission_exists and not report.valid_submission
        assert "Please check that the file exists and it is a CSV" in report.error


def test_grade_jsonl_goes_on_past_bad_competitions(prepared, tmp_path):
    jobs = tmp_path / "submissions.jsonl"
    lines = [
        {"competition_id": CID, "submission_path": str(prepared["perfect"])},
        {"competition_id": "no-such-competition", "submission_path": str(prepared["perfect"])},
        {"competition_id": "dog-breed-identification", "submission_path": "x.csv"},
        {"competition_id": CID, "submission_path": None},
    ]
    jobs.write_text("# a comment\n\n" + "\n".join(json.dumps(line) for line in lines) + "\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LeaderboardWarning)
        path, summary = grade_jsonl(jobs, tmp_path / "out", data_dir=prepared["data"],
                                    leaderboards=prepared["leaderboards"])
    assert path.name.endswith("_grading_report.json")
    assert json.loads(path.read_text()) == summary
    entries = summary["competition_reports"]
    assert [e["competition_id"] for e in entries] == [line["competition_id"] for line in lines]
    assert summary["total_runs"] == 4 and summary["total_valid_submissions"] == 1
    assert "unknown competition" in entries[1]["error"]
    assert "not prepared" in entries[2]["error"]
    assert entries[3]["submission_path"] == "None" and not entries[3]["submission_exists"]


def test_validate_submission_uses_the_reference_messages(prepared, tmp_path):
    assert validate_submission(prepared["perfect"], CID, data_dir=prepared["data"]) == (
        True, "Submission is valid.")
    valid, message = validate_submission(prepared["broken"], CID, data_dir=prepared["data"])
    assert not valid and message.startswith(
        "Submission invalid! The attempt to grade the submission has resulted in the following "
        "error message:\n")
    assert validate_submission(tmp_path / "nope.csv", CID) == (
        False, f"Submission invalid! Submission file {tmp_path / 'nope.csv'} does not exist.")
