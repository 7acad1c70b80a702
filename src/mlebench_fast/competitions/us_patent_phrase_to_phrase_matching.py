"""us-patent-phrase-to-phrase-matching: ``scipy.stats.pearsonr`` of ``score``.

The reference checks the row count and the columns, sorts both files by ``id`` and rejects when
``(sub.id.values != answers.id.values).any()``, then returns ``pearsonr(y_true, y_pred)[0]``: a
``numpy.float64``, NaN (graded) for a constant prediction or a NaN / infinite one, and scipy's
ValueError for fewer than two rows. A column of strings fails in scipy's mean (rejected).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.correlation import pearson_correlation
from mlebench_fast.validation.alignment import IdIndex, sort_and_match
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import kind, sort_table
from mlebench_fast.validation.pandas_values import pandas_values

ID, TARGET = "id", "score"


@dataclass(frozen=True, slots=True)
class Prepared:
    index: IdIndex
    y_true: np.ndarray


@dataclass(frozen=True, slots=True)
class PatentGrader:
    def prepare_answers(self, answers: Table) -> Prepared:
        require_answer_columns(answers, ID, TARGET)
        frame = sort_table(answers, ID)
        return Prepared(IdIndex.of(frame[ID]), pandas_values(frame[TARGET]))

    def score(self, submission: Table, answers: Prepared) -> np.float64:
        if submission.height != answers.y_true.shape[0]:
            msg = "Submission and answers must have the same number of rows"
            raise InvalidSubmissionError(msg)
        if not {ID, TARGET} <= set(submission.columns):
            msg = f"Submission must have columns ['id', 'score'], got {submission.columns}"
            raise InvalidSubmissionError(msg)
        frame, matched = sort_and_match(submission.frame, ID, answers.index, columns=[TARGET])
        if not matched:
            msg = "Ids mismatch between submission and answers"
            raise InvalidSubmissionError(msg)
        column = frame[TARGET]
        if kind(column) in ("str", "object") and answers.y_true.shape[0] >= 2:
            # An object array: scipy's mean adds its elements (str + float: TypeError).
            msg = "unsupported operand type(s) for +: 'float' and 'str'"
            raise TypeError(msg)
        return pearson_correlation(answers.y_true, pandas_values(column))


GRADER = PatentGrader()
