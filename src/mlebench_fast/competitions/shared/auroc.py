"""``AurocById``: the reference's ``prepare_for_auroc_metric`` + ``roc_auc_score``.

The same checks, in the same order, with the same messages (``mlebench/competitions/utils.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.competitions.shared.sorted_answers import SortedAnswers, sorted_answers
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.classification import roc_auc_score
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import kind


@dataclass(frozen=True, slots=True, kw_only=True)
class AurocById:
    id_column: str
    target_column: str

    def prepare_answers(self, answers: Table) -> SortedAnswers:
        require_answer_columns(answers, self.id_column, self.target_column)
        return sorted_answers(answers, self.id_column, self.target_column)

    def score(self, submission: Table, answers: SortedAnswers) -> float:
        if self.id_column not in submission.columns:
            msg = f"Submission should have an {self.id_column} column"
            raise InvalidSubmissionError(msg)
        if self.target_column not in submission.columns:
            msg = f"Submission should have a {self.target_column} column"
            raise InvalidSubmissionError(msg)
        if submission.height != answers.ids.len():
            msg = "Submission and answers should have the same number of rows"
            raise InvalidSubmissionError(msg)
        y_score = _probabilities(submission.frame[self.target_column], self.target_column)
        order = answers.index.order(submission.frame[self.id_column])
        if order is None:
            frame, ids_match = answers.sort_submission(
                submission.frame, self.id_column, columns=[self.target_column]
            )
            if not ids_match:
                msg = f"Submission and answers should have the same {self.id_column} values"
                raise InvalidSubmissionError(msg)
            return roc_auc_score(_numbers(answers.target), _numbers(frame[self.target_column]))
        # Ids are a permutation of the answers': place only the scores, never the frame.
        return roc_auc_score(_numbers(answers.target), y_score[order])


def _probabilities(column: pl.Series, name: str) -> np.ndarray:
    """:func:`probabilities_column` as a float64 array (NaN for missing values)."""
    if column.dtype in (pl.Float64, pl.Int64) and not column.null_count():
        values = column.to_numpy().astype(np.float64, copy=False)
        if values.size:
            low, high = np.fmin.reduce(values), np.fmax.reduce(values)  # NaN-skipping, as pandas
            if not np.isnan(low) and (low < 0 or high > 1):
                msg = (
                    f"Submission {name} column should contain probabilities,"
                    " and therefore contain values between 0 and 1 inclusive"
                )
                raise InvalidSubmissionError(msg)
        return values
    return _numbers(probabilities_column(column, name))


def probabilities_column(column: pl.Series, name: str) -> pl.Series:
    """The reference's probability checks: ``pd.to_numeric`` must succeed and ``min() >= 0``,
    ``max() <= 1`` (NaN skipped, as pandas' min/max skip it)."""
    column_kind = kind(column)
    if column_kind == "str":
        if column.drop_nulls().len():
            # pd.to_numeric fails on the first non-numeric string (or, where it would pass,
            # comparing strings with 0 raises TypeError): either way, rejected.
            msg = f"Expected {name} column to be numeric, got object instead"
            raise InvalidSubmissionError(msg)
        return column.cast(pl.Float64)
    values = column.cast(pl.Float64)
    low, high = values.min(), values.max()
    if low is not None and not np.isnan(low) and (low < 0 or high > 1):
        msg = (
            f"Submission {name} column should contain probabilities,"
            " and therefore contain values between 0 and 1 inclusive"
        )
        raise InvalidSubmissionError(msg)
    return values


def _numbers(column: pl.Series) -> np.ndarray:
    """A numeric column as a float64 array; NaN for missing values (the kernel rejects them)."""
    if column.dtype in (pl.Float64, pl.Int64) and not column.null_count():
        return column.to_numpy().astype(np.float64, copy=False)
    return column.cast(pl.Float64).fill_null(float("nan")).to_numpy()
