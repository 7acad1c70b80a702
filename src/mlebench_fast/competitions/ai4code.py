"""AI4Code: Kendall tau of the cell orders, pooled over notebooks: 1 - 4 Σ inversions / Σ n(n-1).

The reference checks the row count, the ``id`` and ``cell_order`` columns, that the *sets* of ids
are equal, then ``astype(str)`` (NaN is the cell "nan"), sorts both by ``id`` and splits cells on
Python whitespace. Its loop zips the *submission* rows into ``ground_truth`` and the *answers*
into ``predictions`` (swapped): a row whose lists differ in length is rejected; each answer cell
is ranked by ``list.index`` in the submission's list (its first occurrence; a cell the submission
lacks raises ValueError, a rejection); ``n`` is the submission list's length, and a total
``Σ n(n-1)`` of 0 divides by zero (rejected). The score is a Python float.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.competitions.shared.sorted_answers import SortedAnswers, sorted_answers
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.label_lists import (
    KendallTruth,
    LabelTable,
    TextColumn,
    kendall_tau_counts,
    permutation_of,
)
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import astype_str, same_set, sort_table
from mlebench_fast.validation.python_text import python_split

ID, TARGET = "id", "cell_order"


@dataclass(frozen=True, slots=True)
class CellLists:
    """Each notebook's cells flattened in order: the cell strings, their row, and the offsets."""

    cells: pl.Series
    rows: np.ndarray
    offsets: np.ndarray

    @classmethod
    def of(cls, orders: pl.Series) -> CellLists:
        lists = python_split(astype_str(orders))
        lengths = lists.list.len().to_numpy().astype(np.int64)
        offsets = np.zeros(lengths.size + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        rows = np.repeat(np.arange(lengths.size, dtype=np.int64), lengths)
        return cls(lists.explode().drop_nulls(), rows, offsets)

    @property
    def lengths(self) -> np.ndarray:
        return np.diff(self.offsets)


@dataclass(frozen=True, slots=True)
class PreparedAnswers:
    sorted: SortedAnswers
    truth: KendallTruth
    ids: LabelTable | None  # the sorted ids, where they are strings


def _id_table(ids: pl.Series) -> LabelTable | None:
    return LabelTable(ids) if ids.dtype == pl.String and not ids.null_count() else None


def _strings(orders: pl.Series) -> pl.Series:
    if orders.dtype == pl.String and not orders.null_count():
        return orders
    return astype_str(orders)


@dataclass(frozen=True, slots=True)
class KendallTauGrader:
    def prepare_answers(self, answers: Table) -> PreparedAnswers:
        require_answer_columns(answers, ID, TARGET)
        prepared = sorted_answers(answers, ID, TARGET)
        cells = CellLists.of(prepared.target)
        truth = KendallTruth.of(cells.offsets, cells.cells)
        return PreparedAnswers(prepared, truth, _id_table(prepared.ids))

    def score(self, submission: Table, answers: PreparedAnswers) -> float:
        if submission.height != answers.sorted.ids.len():
            msg = "Submission and answers must have the same length"
            raise InvalidSubmissionError(msg)
        if ID not in submission.columns or TARGET not in submission.columns:
            msg = "Submission must have 'id' and 'cell_order' columns"
            raise InvalidSubmissionError(msg)
        rows = submission.height
        positions = None if answers.ids is None else permutation_of(submission.frame[ID], answers.ids)
        order = None if positions is not None else answers.sorted.index.order(submission.frame[ID])
        if positions is not None:  # row r sorts to positions[r]
            orders = submission.frame[TARGET]
            rows_of = np.empty(rows, dtype=np.int64)
            rows_of[positions] = np.arange(rows, dtype=np.int64)
        elif order is not None:  # row order[k] sorts to position k: read each row in place
            orders = submission.frame[TARGET]
            rows_of = np.asarray(order, dtype=np.int64)
        else:
            if not same_set(submission.frame[ID], answers.sorted.ids):
                msg = "Submission and answers must have the same ids"
                raise InvalidSubmissionError(msg)
            orders = sort_table(submission, ID)[TARGET]
            rows_of = np.arange(rows, dtype=np.int64)
        # Every length is checked (prepare_for_metric) before any cell is ranked (kendall_tau).
        length_differs, cell_missing, inversions, pairs = kendall_tau_counts(
            TextColumn.of(_strings(orders)), rows_of, answers.truth
        )
        if length_differs:
            msg = "Ground truth and predictions must have the same length"
            raise InvalidSubmissionError(msg)
        if cell_missing:
            msg = "an answer cell is not in the submission's list (list.index raises ValueError)"
            raise InvalidSubmissionError(msg)
        if pairs == 0:
            msg = "division by zero: no notebook has two cells"
            raise InvalidSubmissionError(msg)
        return 1 - 4 * inversions / pairs


GRADER = KendallTauGrader()
