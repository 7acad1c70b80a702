"""The per-split summary of a bulk run: which competitions count, padding, user split files."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from mlebench_fast.aggregate import aggregate_split
from mlebench_fast.cli import main
from mlebench_fast.registry import split_competition_ids
from mlebench_fast.report import CompetitionReport
from mlebench_fast.summary import format_table, summarize

LOW = split_competition_ids("low")


def _report(cid: str, medal: bool, seconds: float = 0.5) -> CompetitionReport:
    return CompetitionReport(
        competition_id=cid, score=1.0 if medal else 0.0, gold_threshold=1.0,
        silver_threshold=0.9, bronze_threshold=0.8, median_threshold=0.5, any_medal=medal,
        gold_medal=medal, silver_medal=False, bronze_medal=False, above_median=medal,
        submission_exists=True, valid_submission=True, is_lower_better=False,
        created_at=datetime(2026, 1, 1), submission_path=f"/runs/{cid}.csv", seconds=seconds,
    )


# Two seeds over three low competitions: medals 2 of 3, then 1 of 3.
RUN = [_report(LOW[0], True), _report(LOW[1], True), _report(LOW[2], False),
       _report(LOW[0], True), _report(LOW[1], False), _report(LOW[2], False)]


def _row(rows, split):
    (row,) = [r for r in rows if r.split == split]
    return row


def test_without_padding_the_split_is_the_competitions_of_the_run():
    row = _row(summarize(RUN), "low")
    assert (row.competitions, row.split_size) == (3, len(LOW))
    assert row.any_medal_mean == pytest.approx((200 / 3 + 100 / 3) / 2)
    expected = aggregate_split([r.to_dict() for r in RUN], LOW[:3])
    metric = expected["metrics"]["any_medal_percentage"]
    assert row.any_medal_sem == metric["standard_error"]
    assert row.any_medal_ci == (metric["ci_lower"], metric["ci_upper"])
    assert (row.submissions, row.valid, row.gold, row.seconds) == (6, 6, 3, 3.0)


def test_padding_counts_the_missing_competitions_of_the_whole_split_as_no_submission():
    row = _row(summarize(RUN, pad_missing=True), "low")
    expected = aggregate_split([r.to_dict() for r in RUN], LOW, pad_missing=True)
    assert row.any_medal_mean == expected["metrics"]["any_medal_percentage"]["mean"]
    assert row.any_medal_mean == pytest.approx((2 / len(LOW) + 1 / len(LOW)) / 2 * 100)


def test_a_user_split_gets_its_own_row_and_other_splits_are_left_out():
    rows = summarize(RUN, {"mine": LOW[:2], "empty": ["nobody"]})
    assert [r.split for r in rows] == ["mine"]
    assert rows[0].competitions == 2 and rows[0].any_medal_mean == pytest.approx(75.0)


def test_an_incomplete_seed_is_dropped_as_the_reference_drops_it():
    uneven = RUN[:4]  # seed 2 holds one of the three competitions
    row = _row(summarize(uneven, splits={"low": LOW}), "low")
    assert row.any_medal_mean == pytest.approx(200 / 3) and row.any_medal_sem == 0.0
    assert "66.7 ± 0.0" in format_table([row])


def test_grade_command_summarises_a_split_file_with_padding(prepared, tmp_path, capsys):
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text(json.dumps({"competition_id": "spaceship-titanic",
                                "submission_path": str(prepared["perfect"])}))
    split = tmp_path / "my-split.txt"
    split.write_text("spaceship-titanic\nleaf-classification\n")
    code = main(["grade", "--submission", str(jobs), "--output-dir", str(tmp_path / "out"),
                 "--data-dir", str(prepared["data"]), "--leaderboards",
                 str(prepared["leaderboards"]), "--cache-dir", str(tmp_path / "cache"),
                 "--workers", "1", "--split-file", str(split), "--pad-missing"])
    err = capsys.readouterr().err
    assert code == 0
    (line,) = [row for row in err.splitlines() if row.startswith("my-split")]
    # one gold of the two competitions of the split: 50% any-medal rate, one seed
    assert "1/2" in line and "50.0 ± 0.0" in line and "[50.0, 50.0]" in line
