"""A per-split summary table of many reports: counts, medals and the reference's seed aggregation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mlebench_fast.registry import get_competition
from mlebench_fast.report import CompetitionReport

SPLIT_ORDER = ("low", "medium", "high", "dev", "all")


@dataclass(frozen=True, slots=True)
class SplitSummary:
    split: str
    competitions: int
    submissions: int
    valid: int
    gold: int
    silver: int
    bronze: int
    above_median: int
    any_medal_mean: float | None  # percent, mean over complete seeds
    any_medal_sem: float | None
    seconds: float


def summarize(reports: Sequence[CompetitionReport]) -> list[SplitSummary]:
    """One row per split present in ``reports`` (``all`` = low + medium + high), in split order."""
    from mlebench_fast.aggregate import aggregate_split

    by_split: dict[str, list[CompetitionReport]] = {}
    for report in reports:
        try:
            split = get_competition(report.competition_id).split
        except KeyError:
            continue
        by_split.setdefault(split, []).append(report)
        if split != "dev":
            by_split.setdefault("all", []).append(report)
    rows = []
    for split in SPLIT_ORDER:
        group = by_split.get(split)
        if not group:
            continue
        ids = sorted({r.competition_id for r in group})
        try:
            aggregated = aggregate_split([r.to_dict() for r in group], ids)
            any_medal = aggregated["metrics"]["any_medal_percentage"]
            mean, sem = any_medal["mean"], any_medal["standard_error"]
        except ValueError:
            mean = sem = None
        rows.append(
            SplitSummary(
                split=split,
                competitions=len(ids),
                submissions=sum(r.submission_exists for r in group),
                valid=sum(r.valid_submission for r in group),
                gold=sum(bool(r.gold_medal) for r in group),
                silver=sum(bool(r.silver_medal) for r in group),
                bronze=sum(bool(r.bronze_medal) for r in group),
                above_median=sum(bool(r.above_median) for r in group),
                any_medal_mean=mean,
                any_medal_sem=sem,
                seconds=sum(r.seconds or 0.0 for r in group),
            )
        )
    return rows


def format_table(rows: Sequence[SplitSummary]) -> str:
    header = ("split", "comps", "subs", "valid", "gold", "silver", "bronze", ">median",
              "any medal % (mean ± SEM)", "grading s")
    lines = [header]
    for row in rows:
        medal = (
            "n/a" if row.any_medal_mean is None
            else f"{row.any_medal_mean:.1f} ± {row.any_medal_sem:.1f}"
        )
        lines.append((row.split, str(row.competitions), str(row.submissions), str(row.valid),
                      str(row.gold), str(row.silver), str(row.bronze), str(row.above_median),
                      medal, f"{row.seconds:.3f}"))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
                     for line in lines)
