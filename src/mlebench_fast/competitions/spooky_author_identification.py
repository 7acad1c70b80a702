"""spooky-author-identification: multi-class log loss over ``EAP``, ``HPL``, ``MWS``.

The reference checks the frame's shape first (answers' length x 4 columns), then checks the row
sums and the [0, 1] range of the columns AT POSITIONS 1.. (``iloc[:, 1:]``, whatever they are
called: an id column that is not first is summed, and its strings raise TypeError), then goes
through ``one_hot_dfs_to_log_loss_inputs`` (no softmax; class columns in any order) into
scikit-learn's ``log_loss``. Returns ``float``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mlebench_fast.competitions.shared.log_loss import (
    OneHotAnswers,
    one_hot_answers,
    one_hot_log_loss_inputs,
)
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.classification import log_loss
from mlebench_fast.validation.probabilities import (
    float_matrix,
    matrix_row_sums,
    matrix_within_unit_interval,
    row_sums_close_to_one,
    within_unit_interval,
)

CLASSES = ("EAP", "HPL", "MWS")
ID = "id"


@dataclass(frozen=True, slots=True)
class SpookyAuthorGrader:
    def prepare_answers(self, answers: Table) -> OneHotAnswers:
        return one_hot_answers(answers, ID)

    def score(self, submission: Table, answers: OneHotAnswers) -> float:
        shape = (submission.height, len(submission.columns))
        if shape != (answers.ids.len(), len(CLASSES) + 1):
            expected = (answers.ids.len(), len(answers.columns) + 1)
            msg = f"Submission shape {shape} does not match answers shape {expected}."
            raise InvalidSubmissionError(msg)
        positional = tuple(submission.columns[1:])
        matrix = float_matrix(submission.frame, positional)
        if matrix is None:
            values = [submission.frame[name] for name in positional]
            sums_ok = row_sums_close_to_one(values, atol=1e-6)
            in_range = sums_ok and within_unit_interval(values)
        else:
            sums_ok = bool(np.all(np.isclose(matrix_row_sums(matrix), 1, atol=1e-6)))
            in_range = sums_ok and matrix_within_unit_interval(matrix)
        if not sums_ok:
            msg = "Each row in submission should sum to one, as probabilities."
            raise InvalidSubmissionError(msg)
        if not in_range:
            msg = "All probabilities in submission DataFrame must be between 0 and 1."
            raise InvalidSubmissionError(msg)
        reusable = matrix is not None and positional == answers.columns
        y_true, y_pred = one_hot_log_loss_inputs(
            submission, answers, apply_softmax=False, predictions=matrix if reusable else None
        )
        return log_loss(y_true, y_pred)


GRADER = SpookyAuthorGrader()
