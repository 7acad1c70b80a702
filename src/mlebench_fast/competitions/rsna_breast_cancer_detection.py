"""rsna-breast-cancer-detection: probabilistic F1 of ``cancer``.

The reference checks the columns and the row count, sorts both files by ``prediction_id`` and
compares them, then runs Kaggle's ``pfbeta`` loop: each prediction is clipped with Python's
``min(max(p, 0), 1)`` (NaN passes through and makes the score the int 0; a string raises), and
precision / recall are computed with whatever Python or numpy scalars the sums became: an
all-negative integer submission divides the Python int 0 by 0 (rejected), all-zero floats give
numpy's NaN (score 0). See :mod:`mlebench_fast.kernels.probabilistic_f1`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.probabilistic_f1 import probabilistic_fbeta
from mlebench_fast.validation.alignment import IdIndex, sort_and_match
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import kind, sort_table
from mlebench_fast.validation.pandas_values import pandas_values

ID, TARGET = "prediction_id", "cancer"


@dataclass(frozen=True, slots=True)
class Prepared:
    index: IdIndex
    labels: np.ndarray


def _pfbeta_objects(labels: np.ndarray, predictions: list) -> object:
    """The loop over Python objects (strings, True/False/NaN): rare, malformed columns."""
    y_true_count = ctp = cfp = 0
    for label, value in zip(labels.tolist(), predictions):
        prediction = min(max(value, 0), 1)
        if label:
            y_true_count += 1
            ctp += prediction
        else:
            cfp += prediction
    c_precision = ctp / (ctp + cfp)
    c_recall = ctp / y_true_count
    if c_precision > 0 and c_recall > 0:
        return 2 * (c_precision * c_recall) / (c_precision + c_recall)
    return 0


@dataclass(frozen=True, slots=True)
class BreastCancerGrader:
    def prepare_answers(self, answers: Table) -> Prepared:
        require_answer_columns(answers, ID, TARGET)
        frame = sort_table(answers, ID)
        return Prepared(IdIndex.of(frame[ID]), pandas_values(frame[TARGET]))

    def score(self, submission: Table, answers: Prepared) -> object:
        for column in (ID, TARGET):
            if column not in submission.columns:
                msg = f"{column} not in submission"
                raise InvalidSubmissionError(msg)
        if submission.height != answers.labels.shape[0]:
            msg = "submission and answers have different lengths"
            raise InvalidSubmissionError(msg)
        frame, matched = sort_and_match(submission.frame, ID, answers.index, columns=[TARGET])
        if not matched:
            msg = f"{ID} not aligned"
            raise InvalidSubmissionError(msg)
        column = frame[TARGET]
        if kind(column) in ("int", "float", "bool"):
            return probabilistic_fbeta(answers.labels != 0, pandas_values(column), beta=1.0)
        return _pfbeta_objects(answers.labels, pandas_values(column).tolist())


GRADER = BreastCancerGrader()
