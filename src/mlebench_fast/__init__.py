"""mlebench-fast: MLE-bench's grading, with the reference's scores, medals and reports, fast.

The public API::

    from mlebench_fast import grade_submission, grade_csv, grade_jsonl, validate_submission
    score = grade_submission("submission.csv", "spaceship-titanic")
    score.valid, score.value, score.error
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mlebench_fast._version import __version__
from mlebench_fast.exceptions import (
    DatasetNotPreparedError,
    GraderNotImplementedError,
    InvalidSubmissionError,
    UnknownCompetitionError,
)
from mlebench_fast.registry import (
    get_competition,
    implemented_competition_ids,
    list_competition_ids,
    split_competition_ids,
)
from mlebench_fast.report import CompetitionReport, aggregate_reports
from mlebench_fast.score import Score

if TYPE_CHECKING:
    from mlebench_fast.leaderboard import MedalThresholds

# Grading pulls in Polars and Numba; importing them lazily keeps `import mlebench_fast` cheap.
_LAZY = {
    "grade_submission": "mlebench_fast.grading",
    "grade_csv": "mlebench_fast.grading",
    "grade_jsonl": "mlebench_fast.grading",
    "grade_jobs": "mlebench_fast.grading",
    "validate_submission": "mlebench_fast.grading",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    msg = f"module 'mlebench_fast' has no attribute {name!r}"
    raise AttributeError(msg)


def thresholds(competition_id: str, leaderboards: str | None = None) -> MedalThresholds | None:
    """The competition's medal thresholds, read from its leaderboard (None when none is found)."""
    from pathlib import Path

    from mlebench_fast.leaderboard import thresholds_for

    get_competition(competition_id)  # unknown ids fail here, with close matches
    return thresholds_for(competition_id, Path(leaderboards) if leaderboards else None)


__all__ = [
    "CompetitionReport",
    "DatasetNotPreparedError",
    "GraderNotImplementedError",
    "InvalidSubmissionError",
    "Score",
    "UnknownCompetitionError",
    "__version__",
    "aggregate_reports",
    "get_competition",
    "grade_csv",
    "grade_jobs",
    "grade_jsonl",
    "grade_submission",
    "implemented_competition_ids",
    "list_competition_ids",
    "split_competition_ids",
    "thresholds",
    "validate_submission",
]
