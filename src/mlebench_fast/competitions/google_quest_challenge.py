"""google-quest-challenge: mean of ``scipy.stats.spearmanr`` over the 30 target columns.

The reference checks ``qa_id``, the 30 columns (and no others), the row count, then sorts both
files by ``qa_id`` and pairs rows **by position**: ids are never compared, so a submission with
other ids is graded. Each column's correlation is scipy's: NaN for a constant column or any NaN
(NaN is a score: the mean is then NaN), infinity ranked like any number, a column of strings
ranked lexicographically. The mean of the 30 is ``np.mean``: a ``numpy.float64``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.correlation import centred_ranks, spearman_columns, spearman_correlation
from mlebench_fast.validation.alignment import take_rows
from mlebench_fast.validation.answers import InvalidAnswersError, require_answer_columns
from mlebench_fast.validation.frames import pandas_sort_indices, sort_table
from mlebench_fast.validation.pandas_values import pandas_values

ID = "qa_id"
CLASSES = tuple(Path(__file__).with_name("google_quest_classes.txt").read_text().split())


@dataclass(frozen=True, slots=True)
class Prepared:
    n: int
    columns: tuple[np.ndarray, ...]
    ranked: tuple[tuple[np.ndarray, float] | None, ...]  # each column's centred_ranks


@dataclass(frozen=True, slots=True)
class QuestGrader:
    def prepare_answers(self, answers: Table) -> Prepared:
        require_answer_columns(answers, ID, *CLASSES)
        if len(answers.columns) != len(CLASSES) + 1:
            msg = f"Answers has {len(answers.columns)} columns, expected {len(CLASSES) + 1}"
            raise InvalidAnswersError(msg)
        frame = sort_table(answers, ID)
        columns = tuple(pandas_values(frame[c]) for c in CLASSES)
        return Prepared(frame.height, columns, tuple(centred_ranks(c) for c in columns))

    def score(self, submission: Table, answers: Prepared) -> np.float64:
        if ID not in submission.columns:
            msg = f"Submission is missing `{ID}` column"
            raise InvalidSubmissionError(msg)
        missing = set(CLASSES) - set(submission.columns)
        if missing:
            msg = f"Submission is missing the following columns: {missing}"
            raise InvalidSubmissionError(msg)
        if len(submission.columns) != len(CLASSES) + 1:
            msg = f"Submission has {len(submission.columns) - 1} columns, expected {len(CLASSES)}"
            raise InvalidSubmissionError(msg)
        if submission.height != answers.n:
            msg = "Submission and answers have different lengths"
            raise InvalidSubmissionError(msg)
        order = pandas_sort_indices(submission.frame[ID])
        spearmans: list[float] = [np.nan] * len(CLASSES)
        # Numeric columns against ranked answers go through one kernel call; the rest (text,
        # NaN, constant answers) column by column.
        fast = [j for j, name in enumerate(CLASSES)
                if answers.ranked[j] is not None and _plain_numbers(submission.frame[name])]
        if fast:
            predictions = np.column_stack(
                [submission.frame[CLASSES[j]].to_numpy().astype(np.float64) for j in fast]
            )[order]
            truth = np.stack([answers.ranked[j][0] for j in fast])
            squares = np.array([answers.ranked[j][1] for j in fast])
            for j, value in zip(fast, spearman_columns(predictions, truth, squares), strict=True):
                spearmans[j] = value
        for j, name in enumerate(CLASSES):
            if j not in fast:
                predicted = pandas_values(take_rows(submission.frame[name], order))
                spearmans[j] = spearman_correlation(predicted, answers.columns[j])
        return np.mean(spearmans)


def _plain_numbers(column: pl.Series) -> bool:
    return column.dtype in (pl.Float64, pl.Int64) and not column.null_count()


GRADER = QuestGrader()
