"""Synthetic competition data: answers in the real schema, leaderboards and agent-like submissions.

Each competition's generator is ``GENERATOR`` in ``synthetic/<module>.py``, the module named like
its grader module (``competitions/<module>.py``); ``generator_ids()`` lists them.
"""

from __future__ import annotations

import importlib
import importlib.util

from mlebench_fast.competitions.spec import grader_module_name
from mlebench_fast.registry import list_competition_ids
from mlebench_fast.synthetic._base import QUALITIES, Generator, Quality, random_hex
from mlebench_fast.synthetic._answers import write_answers
from mlebench_fast.synthetic._csv import to_csv_bytes, write_csv


def _module(competition_id: str) -> str:
    return f"mlebench_fast.synthetic.{grader_module_name(competition_id)}"


def generator_ids() -> list[str]:
    """The competition ids that have a synthetic-data generator, sorted."""
    return [cid for cid in list_competition_ids() if importlib.util.find_spec(_module(cid))]


def get_generator(competition_id: str) -> Generator:
    """The competition's generator: ``GENERATOR`` of ``synthetic/<module>.py`` (module named as
    the competition's grader module)."""
    if competition_id not in list_competition_ids() or not importlib.util.find_spec(
        _module(competition_id)
    ):
        msg = (
            f"no synthetic-data generator for `{competition_id}`; "
            f"generators exist for: {', '.join(generator_ids())}"
        )
        raise KeyError(msg)
    return importlib.import_module(_module(competition_id)).GENERATOR


__all__ = [
    "QUALITIES",
    "Generator",
    "Quality",
    "generator_ids",
    "get_generator",
    "random_hex",
    "to_csv_bytes",
    "write_answers",
    "write_csv",
]
