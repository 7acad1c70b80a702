"""A per-split summary table of many reports: counts, medals and the reference's seed aggregation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mlebench_fast.registry import split_competition_ids
from mlebench_fast.report import CompetitionReport

SPLIT_ORDER = ("low", "medium", "high", "dev", "all")


@dataclass(frozen=True, slots=True)
class SplitSummary:
    split: str
    competitions: int  # of the split, graded in this run
    split_size: int
    submissions: int
    valid: int
    gold: int
    silver: int
    bronze: int
    above_median: int
    any_medal_mean: float | None  # percent, mean over complete seeds
    any_medal_sem: float | None
    any_medal_ci: tuple[float, float] | None
    seconds: float


def default_splits() -> dict[str, list[str]]:
    """The reference's splits; ``all`` is low + medium + high, as its split file has it."""
    return {name: split_competition_ids(name) for name in SPLIT_ORDER}


def summarize(
    reports: Sequence[CompetitionReport],
    splits: Mapping[str, Sequence[str]] | None = None,
    *,
    pad_missing: bool = False,
) -> list[SplitSummary]:
    """One row per split holding at least one report (default splits, then any others given).

    The medal rate is the reference's seed aggregation (``aggregate_split``). With
    ``pad_missing`` it runs over the whole split, a competition missing from a seed counting as
    no submission, exactly as the reference's ``--pad-missing``. Without it, over the split's
    competitions present in this run, so that a run over part of a split still gets a figure
    (the reference would find no complete seed); the row says how many of the split's
    competitions that is.
    """
    from mlebench_fast.aggregate import aggregate_split

    named = default_splits() if splits is None else dict(splits)
    rows = []
    for split, split_ids in named.items():
        members = set(split_ids)
        group = [r for r in reports if r.competition_id in members]
        if not group:
            continue
        present = sorted({r.competition_id for r in group})
        ids = list(split_ids) if pad_missing else present
        try:
            aggregated = aggregate_split([r.to_dict() for r in group], ids,
                                         pad_missing=pad_missing)
            any_medal = aggregated["metrics"]["any_medal_percentage"]
            mean, sem = any_medal["mean"], any_medal["standard_error"]
            ci = (any_medal["ci_lower"], any_medal["ci_upper"])
        except ValueError:
            mean = sem = ci = None
        rows.append(
            SplitSummary(
                split=split,
                competitions=len(present),
                split_size=len(members),
                submissions=sum(r.submission_exists for r in group),
                valid=sum(r.valid_submission for r in group),
                gold=sum(bool(r.gold_medal) for r in group),
                silver=sum(bool(r.silver_medal) for r in group),
                bronze=sum(bool(r.bronze_medal) for r in group),
                above_median=sum(bool(r.above_median) for r in group),
                any_medal_mean=mean,
                any_medal_sem=sem,
                any_medal_ci=ci,
                seconds=sum(r.seconds or 0.0 for r in group),
            )
        )
    return rows


def format_table(rows: Sequence[SplitSummary]) -> str:
    header = ("split", "comps", "subs", "valid", "gold", "silver", "bronze", ">median",
              "any medal % (mean ± SEM)", "95% CI", "grading s")
    lines = [header]
    for row in rows:
        medal = (
            "n/a" if row.any_medal_mean is None
            else f"{row.any_medal_mean:.1f} ± {row.any_medal_sem:.1f}"
        )
        ci = "n/a" if row.any_medal_ci is None else (
            f"[{row.any_medal_ci[0]:.1f}, {row.any_medal_ci[1]:.1f}]"
        )
        lines.append((row.split, f"{row.competitions}/{row.split_size}", str(row.submissions),
                      str(row.valid), str(row.gold), str(row.silver), str(row.bronze),
                      str(row.above_median), medal, ci, f"{row.seconds:.3f}"))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
                     for line in lines)
