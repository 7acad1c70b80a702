"""petfinder-pawpularity-score: RMSE of ``Pawpularity`` after sorting both files by ``Id``.

The reference checks the columns, then ``Pawpularity.between(1, 100).all()`` (NaN fails it, a
string raises comparing with an int, an all-True bool column passes), sorts both files by ``Id``
and rejects when ``(sub.Id.values != answers.Id.values).any()``: there is no length check, so a
file of another length is rejected by numpy's broadcast error (a one-row file broadcasts, and
differs). scikit-learn's RMSE then returns a ``numpy.float64``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.regression import root_mean_squared_error
from mlebench_fast.validation.alignment import IdIndex, sort_and_match
from mlebench_fast.validation.answers import InvalidAnswersError, require_answer_columns
from mlebench_fast.validation.frames import kind, sort_table
from mlebench_fast.validation.pandas_values import as_float_array

ID, TARGET = "Id", "Pawpularity"


@dataclass(frozen=True, slots=True)
class Prepared:
    index: IdIndex
    y_true: np.ndarray


def between_1_and_100(column: pl.Series) -> bool:
    """``column.between(1, 100).all()`` with pandas' semantics."""
    column_kind = kind(column)
    if column_kind == "str":
        if column.drop_nulls().len():
            msg = "'>=' not supported between instances of 'str' and 'int'"
            raise TypeError(msg)
        return column.len() == 0
    if column.null_count():
        return False  # NaN is never between
    values = column.to_numpy()  # numpy's comparisons cost less than Polars' calls here
    return bool(((values >= 1) & (values <= 100)).all())


@dataclass(frozen=True, slots=True)
class PawpularityGrader:
    def prepare_answers(self, answers: Table) -> Prepared:
        require_answer_columns(answers, ID, TARGET)
        if not between_1_and_100(answers.frame[TARGET]):
            msg = "Pawpularity in answers should be between 1 and 100"
            raise InvalidAnswersError(msg)
        frame = sort_table(answers, ID)
        return Prepared(IdIndex.of(frame[ID]), frame[TARGET].to_numpy())

    def score(self, submission: Table, answers: Prepared) -> np.floating:
        for column in (ID, TARGET):
            if column not in submission.columns:
                msg = f"Missing {column} column in submission"
                raise InvalidSubmissionError(msg)
        if not between_1_and_100(submission.frame[TARGET]):
            msg = "Pawpularity in submission should be between 1 and 100"
            raise InvalidSubmissionError(msg)
        frame, matched = sort_and_match(submission.frame, ID, answers.index, columns=[TARGET])
        if not matched:
            msg = "IDs in submission do not match IDs in answers"
            raise InvalidSubmissionError(msg)
        column = frame[TARGET]
        y_pred = column.to_numpy() if kind(column) in ("int", "bool") else as_float_array(column)
        return root_mean_squared_error(answers.y_true, y_pred)


GRADER = PawpularityGrader()
