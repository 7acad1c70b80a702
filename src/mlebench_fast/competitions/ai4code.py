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
from mlebench_fast.kernels.inversions import count_inversions
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import astype_str, same_set, sort_table
from mlebench_fast.validation.labels import Vocabulary
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
    cells: CellLists
    vocabulary: Vocabulary
    # (notebook, cell) of each answer cell as one int: row * len(vocabulary) + cell code
    keys: np.ndarray


@dataclass(frozen=True, slots=True)
class KendallTauGrader:
    def prepare_answers(self, answers: Table) -> PreparedAnswers:
        require_answer_columns(answers, ID, TARGET)
        prepared = sorted_answers(answers, ID, TARGET)
        cells = CellLists.of(prepared.target)
        vocabulary = Vocabulary.of(cells.cells)
        keys = cells.rows * vocabulary.labels.len() + vocabulary.code(cells.cells)
        return PreparedAnswers(prepared, cells, vocabulary, keys)

    def score(self, submission: Table, answers: PreparedAnswers) -> float:
        if submission.height != answers.sorted.ids.len():
            msg = "Submission and answers must have the same length"
            raise InvalidSubmissionError(msg)
        if ID not in submission.columns or TARGET not in submission.columns:
            msg = "Submission must have 'id' and 'cell_order' columns"
            raise InvalidSubmissionError(msg)
        order = answers.sorted.index.order(submission.frame[ID])
        if order is not None:
            orders = submission.frame[TARGET].gather(order)
        else:
            if not same_set(submission.frame[ID], answers.sorted.ids):
                msg = "Submission and answers must have the same ids"
                raise InvalidSubmissionError(msg)
            orders = sort_table(submission, ID)[TARGET]
        predicted = CellLists.of(orders)
        truth = answers.cells
        if not np.array_equal(predicted.lengths, truth.lengths):
            msg = "Ground truth and predictions must have the same length"
            raise InvalidSubmissionError(msg)
        # list.index: each answer cell's first position in the submission's list of its notebook
        codes = answers.vocabulary.code(predicted.cells)
        known = codes >= 0
        keys = predicted.rows[known] * answers.vocabulary.labels.len() + codes[known]
        positions = (np.arange(predicted.rows.size) - predicted.offsets[predicted.rows])[known]
        order = np.lexsort((positions, keys))
        keys, positions = keys[order], positions[order]
        first = np.ones(keys.size, dtype=bool)
        first[1:] = keys[1:] != keys[:-1]
        keys, positions = keys[first], positions[first]
        found = np.searchsorted(keys, answers.keys)
        found = np.minimum(found, max(keys.size - 1, 0))
        if keys.size == 0 or not np.array_equal(keys[found], answers.keys):
            if answers.keys.size:
                msg = "an answer cell is not in the submission's list (list.index raises ValueError)"
                raise InvalidSubmissionError(msg)
        ranks = positions[found] if keys.size else np.zeros(0, dtype=np.int64)
        offsets = truth.offsets
        inversions = int(count_inversions(ranks, offsets).sum())
        pairs = int((predicted.lengths * (predicted.lengths - 1)).sum())
        if pairs == 0:
            msg = "division by zero: no notebook has two cells"
            raise InvalidSubmissionError(msg)
        return 1 - 4 * inversions / pairs


GRADER = KendallTauGrader()
