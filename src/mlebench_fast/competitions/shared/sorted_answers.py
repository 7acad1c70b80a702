"""Answers sorted by id once, so that each submission only sorts itself."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from mlebench_fast.io.table import Table
from mlebench_fast.validation.frames import sort_table


@dataclass(frozen=True, slots=True)
class SortedAnswers:
    """Answers sorted by id once, so each submission only sorts itself."""

    ids: pl.Series
    target: pl.Series


def sorted_answers(answers: Table, id_column: str, target_column: str) -> SortedAnswers:
    frame = sort_table(answers, id_column)
    return SortedAnswers(ids=frame[id_column], target=frame[target_column])
