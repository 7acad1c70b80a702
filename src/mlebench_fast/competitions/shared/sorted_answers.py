"""Answers sorted by id once, so that each submission only has to be placed against them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import polars as pl

from mlebench_fast.io.table import Table
from mlebench_fast.validation.alignment import IdIndex, sort_and_match
from mlebench_fast.validation.frames import sort_table

if TYPE_CHECKING:
    import pyarrow as pa


@dataclass(frozen=True, slots=True)
class SortedAnswers:
    """The answers' ids and target, sorted by id as pandas sorts them, with an index of the ids."""

    ids: pl.Series
    target: pl.Series | pa.Array  # an Arrow array where a kernel wants the bytes laid out for it
    index: IdIndex = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", IdIndex.of(self.ids))

    def sort_submission(
        self, frame: pl.DataFrame, id_column: str, columns: Sequence[str] | None = None
    ) -> tuple[pl.DataFrame, bool]:
        """The submission (or just ``columns`` of it) sorted by its id column, and whether those
        ids equal the answers' (see :func:`mlebench_fast.validation.alignment.sort_and_match`)."""
        return sort_and_match(frame, id_column, self.index, columns)


def sorted_answers(answers: Table, id_column: str, target_column: str) -> SortedAnswers:
    frame = sort_table(answers, id_column)
    return SortedAnswers(ids=frame[id_column], target=frame[target_column])
