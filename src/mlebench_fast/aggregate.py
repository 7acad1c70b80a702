"""Averages over seeds, as the reference's ``experiments/aggregate_grading_reports.py`` computes them.

Reports are read as the reference reads them: grading report files in sorted path order, each
file's ``competition_reports`` sorted by ``competition_id``. The n-th report of each competition
(in that order) belongs to seed n. By default only complete seeds count (the fewest reports any
competition has); with ``pad_missing`` a competition short of reports gets a zero report (no
submission, no medal) and the seed count follows the competition with the most reports.

Per seed, each flag becomes a percentage of the seed's competitions; across seeds each figure gets
its mean, standard error (ddof=1, as ``scipy.stats.sem``; 0.0 for a single seed) and a 95%
interval of mean +- 1.96 SEM. The error messages are the reference's.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = [
    "SEED_METRIC_KEYS",
    "SeedReport",
    "aggregate_split",
    "average_across_seeds",
    "build_complete_seeds",
    "load_grading_reports",
    "seed_metrics",
    "select_seeds",
]

# SeedMetrics' fields in the reference's order; the output's "metrics" keeps this order.
SEED_METRIC_KEYS = (
    "total_competitions",
    "submission_exists_percentage",
    "valid_submissions_percentage",
    "above_median_percentage",
    "gold_medal_percentage",
    "silver_medal_percentage",
    "bronze_medal_percentage",
    "any_medal_percentage",
)
_FLAGS = (
    "gold_medal",
    "silver_medal",
    "bronze_medal",
    "above_median",
    "submission_exists",
    "valid_submission",
)


@dataclass(frozen=True, slots=True)
class SeedReport:
    """The part of a competition report that aggregation reads; flags are ``bool()`` of the
    report's values, so an unknown medal (null) counts as none."""

    competition_id: str
    gold_medal: bool
    silver_medal: bool
    bronze_medal: bool
    above_median: bool
    submission_exists: bool
    valid_submission: bool

    @classmethod
    def from_dict(cls, entry: Mapping[str, Any]) -> SeedReport:
        return cls(str(entry["competition_id"]), *(bool(entry[k]) for k in _FLAGS))

    @classmethod
    def zero(cls, competition_id: str) -> SeedReport:
        """The placeholder ``pad_missing`` puts where a competition has no report."""
        return cls(competition_id, False, False, False, False, False, False)


def _sorted_entries(grading_report: Mapping[str, Any]) -> list[dict[str, Any]]:
    return sorted(grading_report["competition_reports"], key=lambda r: str(r["competition_id"]))


def load_grading_reports(paths: Iterable[str | os.PathLike[str]]) -> list[dict[str, Any]]:
    """The competition reports of grading report files, in the order the reference reads them.

    Files are taken in sorted order of their path strings (as the reference sorts the paths it is
    given) and each file's entries in sorted order of ``competition_id``.
    """
    entries: list[dict[str, Any]] = []
    for path in sorted(os.fspath(p) for p in paths):
        with open(path, encoding="utf-8") as f:
            entries.extend(_sorted_entries(json.load(f)))
    return entries


def _as_seed_reports(reports: Iterable[Mapping[str, Any] | SeedReport]) -> list[SeedReport]:
    out: list[SeedReport] = []
    for report in reports:
        if isinstance(report, SeedReport):
            out.append(report)
        elif "competition_reports" in report:  # a whole grading report: its entries, sorted
            out.extend(SeedReport.from_dict(e) for e in _sorted_entries(report))
        else:
            out.append(SeedReport.from_dict(report))
    return out


def build_complete_seeds(
    reports: Sequence[SeedReport],
    competition_ids: Sequence[str],
    requested_seeds: int,
    pad_missing: bool = False,
) -> list[list[SeedReport]]:
    """Seeds holding one report per id of ``competition_ids`` (the reference's function)."""
    by_competition: dict[str, list[SeedReport]] = {}
    for report in reports:
        by_competition.setdefault(report.competition_id, []).append(report)

    missing = [cid for cid in competition_ids if cid not in by_competition]
    if missing and not pad_missing:
        msg = f"Missing reports for competitions: {', '.join(missing)}; cannot build complete seeds."
        raise ValueError(msg)
    for cid in missing:
        by_competition[cid] = []

    counts = {cid: len(by_competition[cid]) for cid in competition_ids}
    if not counts:
        msg = "No competitions provided."
        raise ValueError(msg)

    available = max(counts.values()) if pad_missing else min(counts.values())
    if available == 0:
        msg = "No reports available to form any seed."
        raise ValueError(msg)
    num_seeds = available if requested_seeds == -1 else min(requested_seeds, available)
    if num_seeds <= 0:
        msg = "No seeds requested or available after evaluating competition coverage."
        raise ValueError(msg)

    seeds: list[list[SeedReport]] = []
    for idx in range(num_seeds):
        seed: list[SeedReport] = []
        for cid in competition_ids:
            for_competition = by_competition[cid]
            if idx < len(for_competition):
                seed.append(for_competition[idx])
            elif pad_missing:
                seed.append(SeedReport.zero(cid))
            else:  # unreachable: num_seeds is bounded by the fewest reports
                msg = f"Missing report for competition {cid} in seed {idx + 1}."
                raise ValueError(msg)
        seeds.append(seed)
    return seeds


def select_seeds(seeds: list[list[SeedReport]], num_seeds: int) -> list[list[SeedReport]]:
    """The first ``num_seeds`` seeds, or all for -1 (the reference's function)."""
    if num_seeds == -1:
        return seeds
    if num_seeds > len(seeds):
        msg = f"Requested {num_seeds} seeds, but only {len(seeds)} complete seeds available."
        raise ValueError(msg)
    return seeds[:num_seeds]


def seed_metrics(seed: Sequence[SeedReport]) -> dict[str, float | int]:
    """One seed's figures: its number of competitions and each flag as a percentage of it."""
    total = len(seed)

    def percent(count: int) -> float:
        return count / total * 100  # this order of operations, as the reference rounds

    return {
        "total_competitions": total,
        "submission_exists_percentage": percent(sum(r.submission_exists for r in seed)),
        "valid_submissions_percentage": percent(sum(r.valid_submission for r in seed)),
        "above_median_percentage": percent(sum(r.above_median for r in seed)),
        "gold_medal_percentage": percent(sum(r.gold_medal for r in seed)),
        "silver_medal_percentage": percent(sum(r.silver_medal for r in seed)),
        "bronze_medal_percentage": percent(sum(r.bronze_medal for r in seed)),
        "any_medal_percentage": percent(
            sum(r.gold_medal or r.silver_medal or r.bronze_medal for r in seed)
        ),
    }


def _standard_error(values: np.ndarray) -> float:
    if len(values) <= 1:
        return 0.0
    # scipy.stats.sem's own arithmetic: std with ddof=1 over n ** 0.5.
    return float(np.std(values, ddof=1) / len(values) ** 0.5)


def average_across_seeds(
    per_seed: Sequence[Mapping[str, float | int]], num_competitions: int
) -> dict[str, Any]:
    """``asdict(AggregateMetrics)`` of the reference, from per-seed figures."""
    if not per_seed:
        msg = "No complete seeds found; each seed must have the expected number of competitions."
        raise ValueError(msg)
    metrics: dict[str, dict[str, float]] = {}
    for key in SEED_METRIC_KEYS:
        values = np.array([float(s[key]) for s in per_seed], dtype=np.float64)
        mean = float(np.mean(values))
        sem = _standard_error(values)
        metrics[key] = {
            "mean": mean,
            "ci_lower": mean - 1.96 * sem,
            "ci_upper": mean + 1.96 * sem,
            "standard_error": sem,
        }
    return {
        "num_seeds_averaged": len(per_seed),
        "num_competitions_per_seed": num_competitions,
        "metrics": metrics,
    }


def aggregate_split(
    reports: Iterable[Mapping[str, Any] | SeedReport],
    competition_ids: Sequence[str],
    *,
    num_seeds: int = -1,
    pad_missing: bool = False,
) -> dict[str, Any]:
    """The reference's aggregate over one split, JSON-ready (``asdict(AggregateMetrics)``).

    ``reports`` are competition report dicts in the reference's reading order (as
    ``load_grading_reports`` returns them), or whole grading reports (their entries are then
    taken sorted by competition id, the reports in the order given). ``num_seeds=-1`` uses every
    seed; raises ValueError with the reference's messages when no seed can be formed.
    """
    seeds = build_complete_seeds(
        _as_seed_reports(reports), list(competition_ids), num_seeds, pad_missing=pad_missing
    )
    usable = select_seeds(seeds, num_seeds)
    return average_across_seeds([seed_metrics(seed) for seed in usable], len(competition_ids))
