"""The registry of competitions: every id of the reference, its split, metric and data paths."""

from __future__ import annotations

import difflib
from functools import cache
from pathlib import Path

from mlebench_fast.competitions.catalog import CATALOG
from mlebench_fast.competitions.spec import Competition
from mlebench_fast.exceptions import UnknownCompetitionError
from mlebench_fast.metrics import get_metric

SPLITS = ("low", "medium", "high", "dev")


@cache
def _competitions() -> dict[str, Competition]:
    return {
        entry.id: Competition(
            id=entry.id,
            name=entry.name,
            split=entry.split,
            metric=get_metric(entry.metric),
            reference_grader_name=entry.reference_grader_name,
            answers=Path(entry.answers),
            sample_submission=Path(entry.sample_submission),
            gold_submission=Path(entry.gold_submission) if entry.gold_submission else None,
            awards_medals=entry.awards_medals,
            test_rows=entry.test_rows,
        )
        for entry in CATALOG
    }


def list_competition_ids() -> list[str]:
    """Every competition id of the reference registry, sorted as the reference sorts them."""
    return sorted(_competitions())


def implemented_competition_ids() -> list[str]:
    """The ids whose grader is built in this version of mlebench-fast."""
    return [cid for cid, comp in sorted(_competitions().items()) if comp.is_implemented]


def get_competition(competition_id: str) -> Competition:
    try:
        return _competitions()[competition_id]
    except KeyError:
        close = difflib.get_close_matches(competition_id, list(_competitions()), n=3, cutoff=0.5)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        msg = f"unknown competition id `{competition_id}`.{hint} (`mlebench-fast list` shows all.)"
        raise UnknownCompetitionError(msg) from None


def split_competition_ids(split: str) -> list[str]:
    """The ids in one of the reference's splits: low, medium, high, dev, or ``all`` (low+medium+high)."""
    if split == "all":
        return sorted(c.id for c in _competitions().values() if c.split != "dev")
    if split not in SPLITS:
        msg = f"unknown split {split!r}; valid splits: {', '.join(SPLITS)}, all"
        raise ValueError(msg)
    return sorted(c.id for c in _competitions().values() if c.split == split)
