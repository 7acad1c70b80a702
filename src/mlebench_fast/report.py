"""Grading reports: one per graded submission, and the summary of many, as the reference writes them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

# The keys the reference's CompetitionReport.to_dict writes, in its order.
REFERENCE_KEYS = (
    "competition_id",
    "score",
    "gold_threshold",
    "silver_threshold",
    "bronze_threshold",
    "median_threshold",
    "any_medal",
    "gold_medal",
    "silver_medal",
    "bronze_medal",
    "above_median",
    "submission_exists",
    "valid_submission",
    "is_lower_better",
    "created_at",
    "submission_path",
)


def _float_or_none(value: Any) -> float | None:
    return None if value is None else float(value)


def _bool_or_none(value: Any) -> bool | None:
    return None if value is None else bool(value)


@dataclass(frozen=True, slots=True, kw_only=True)
class CompetitionReport:
    """The report of one submission: the reference's keys plus ``score_raw``, ``error``,
    ``metric`` and ``seconds``.

    Medal thresholds and flags are ``None`` when no leaderboard was available (the reference
    cannot grade at all then); every other field has the reference's meaning.
    """

    competition_id: str
    score: float | None
    gold_threshold: float | None
    silver_threshold: float | None
    bronze_threshold: float | None
    median_threshold: float | None
    any_medal: bool | None
    gold_medal: bool | None
    silver_medal: bool | None
    bronze_medal: bool | None
    above_median: bool | None
    submission_exists: bool
    valid_submission: bool
    is_lower_better: bool
    created_at: datetime
    submission_path: str
    score_raw: float | None = None
    error: str | None = None
    metric: str | None = None
    seconds: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "competition_id": self.competition_id,
            "score": _float_or_none(self.score),
            "gold_threshold": _float_or_none(self.gold_threshold),
            "silver_threshold": _float_or_none(self.silver_threshold),
            "bronze_threshold": _float_or_none(self.bronze_threshold),
            "median_threshold": _float_or_none(self.median_threshold),
            "any_medal": _bool_or_none(self.any_medal),
            "gold_medal": _bool_or_none(self.gold_medal),
            "silver_medal": _bool_or_none(self.silver_medal),
            "bronze_medal": _bool_or_none(self.bronze_medal),
            "above_median": _bool_or_none(self.above_median),
            "submission_exists": bool(self.submission_exists),
            "valid_submission": bool(self.valid_submission),
            "is_lower_better": bool(self.is_lower_better),
            "created_at": self.created_at.isoformat(),
            "submission_path": self.submission_path,
            "score_raw": _float_or_none(self.score_raw),
            "error": self.error,
            "metric": self.metric,
            "seconds": self.seconds,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CompetitionReport:
        """Reads a report written by mlebench-fast or by the reference (which lacks the new keys)."""
        missing = [key for key in REFERENCE_KEYS if key not in data]
        if missing:
            msg = f"not a grading report entry: missing keys {missing}"
            raise ValueError(msg)
        known = {f.name for f in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        values["created_at"] = datetime.fromisoformat(data["created_at"])
        for key in ("score", "score_raw", "gold_threshold", "silver_threshold",
                    "bronze_threshold", "median_threshold", "seconds"):
            values[key] = _float_or_none(values.get(key))
        for key in ("any_medal", "gold_medal", "silver_medal", "bronze_medal", "above_median"):
            values[key] = _bool_or_none(values.get(key))
        return cls(**values)


def aggregate_reports(reports: Iterable[CompetitionReport]) -> dict[str, Any]:
    """The reference's summary of many reports (``mlebench.grade.aggregate_reports``).

    An unknown medal (no leaderboard) counts as no medal, as it cannot be claimed.
    """
    reports = list(reports)
    gold = sum(bool(r.gold_medal) for r in reports)
    silver = sum(bool(r.silver_medal) for r in reports)
    bronze = sum(bool(r.bronze_medal) for r in reports)
    return {
        "total_runs": len(reports),
        "total_runs_with_submissions": sum(r.submission_exists for r in reports),
        "total_valid_submissions": sum(r.valid_submission for r in reports),
        "total_medals": gold + silver + bronze,
        "total_gold_medals": gold,
        "total_silver_medals": silver,
        "total_bronze_medals": bronze,
        "total_above_median": sum(bool(r.above_median) for r in reports),
        "competition_reports": [r.to_dict() for r in reports],
    }

