from datetime import datetime

import numpy as np
import pytest

from mlebench_fast import CompetitionReport, Score, aggregate_reports
from mlebench_fast.report import REFERENCE_KEYS


def test_score_rounds_like_the_reference_for_each_raw_type():
    # Python's round and numpy's round disagree on this value: the raw type decides.
    assert Score.graded(0.281565, is_lower_better=False).value == round(0.281565, 5) == 0.28157
    assert Score.graded(np.float64(0.281565), is_lower_better=False).value == 0.28156


def test_rejected_score_requires_a_reason():
    score = Score.rejected("Submission must have a `id` column", is_lower_better=True)
    assert not score.valid and score.value is None and score.raw is None
    with pytest.raises(ValueError, match="must say why"):
        Score(value=None, raw=None, is_lower_better=True, error=None)
    with pytest.raises(ValueError, match="both"):
        Score(value=1.0, raw=None, is_lower_better=True)


def test_nan_is_a_score_not_a_rejection():
    score = Score.graded(float("nan"), is_lower_better=False)
    assert score.valid and np.isnan(score.value)


def _report(**overrides):
    values = dict(
        competition_id="spaceship-titanic", score=0.8, gold_threshold=0.9,
        silver_threshold=0.85, bronze_threshold=0.8, median_threshold=0.7, any_medal=True,
        gold_medal=False, silver_medal=False, bronze_medal=True, above_median=True,
        submission_exists=True, valid_submission=True, is_lower_better=False,
        created_at=datetime(2026, 1, 2, 3, 4, 5), submission_path="/x/submission.csv",
        score_raw=0.8000001, error=None, metric="accuracy_score", seconds=0.001,
    )
    values.update(overrides)
    return CompetitionReport(**values)


def test_report_round_trips_and_keeps_every_reference_key():
    report = _report()
    data = report.to_dict()
    assert list(data)[: len(REFERENCE_KEYS)] == list(REFERENCE_KEYS)
    assert CompetitionReport.from_dict(data) == report


def test_reports_written_by_the_reference_are_read():
    data = {k: v for k, v in _report().to_dict().items() if k in REFERENCE_KEYS}
    report = CompetitionReport.from_dict(data)
    assert report.score_raw is None and report.metric is None
    with pytest.raises(ValueError, match="missing keys"):
        CompetitionReport.from_dict({"competition_id": "x"})


def test_summary_counts_unknown_medals_as_none_won():
    reports = [_report(), _report(gold_medal=None, silver_medal=None, bronze_medal=None,
                                  any_medal=None, above_median=None, valid_submission=False)]
    summary = aggregate_reports(reports)
    assert summary["total_runs"] == 2 and summary["total_valid_submissions"] == 1
    assert summary["total_medals"] == 1 and summary["total_bronze_medals"] == 1
    assert summary["total_above_median"] == 1
    assert len(summary["competition_reports"]) == 2
