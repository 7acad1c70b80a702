"""new-york-city-taxi-fare-prediction: RMSE of ``fare_amount`` after sorting both files by ``key``.

The reference checks only that both columns exist: ids are never compared, so rows pair by
their position after the sort (a submission with other keys is still graded), and a wrong row
count is rejected by scikit-learn's length check.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.regression import root_mean_squared_error
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import sort_table
from mlebench_fast.validation.sklearn_numeric import numeric_array

ID, TARGET = "key", "fare_amount"


@dataclass(frozen=True, slots=True)
class TaxiFareGrader:
    def prepare_answers(self, answers: Table) -> pl.Series:
        require_answer_columns(answers, TARGET, ID)
        return sort_table(answers, ID)[TARGET]

    def score(self, submission: Table, answers: pl.Series) -> float:
        for column in (TARGET, ID):
            if column not in submission.columns:
                msg = f"Submission should have a {column} column"
                raise InvalidSubmissionError(msg)
        y_pred = sort_table(submission, ID)[TARGET]
        y_true, y_pred = numeric_array(answers, "y_true"), numeric_array(y_pred, "y_pred")
        return root_mean_squared_error(y_true, y_pred)


GRADER = TaxiFareGrader()
