"""spooky-author-identification: multi-class log loss over ``EAP``, ``HPL``, ``MWS``.

The reference checks the frame's shape first (answers' length x 4 columns), then checks the row
sums and the [0, 1] range of the columns AT POSITIONS 1.. (``iloc[:, 1:]``, whatever they are
called: an id column that is not first is summed, and its strings raise TypeError), then goes
through ``one_hot_dfs_to_log_loss_inputs`` (no softmax; class columns in any order) into
scikit-learn's ``log_loss``. Returns ``float``.
"""

from __future__ import annotations

from dataclasses import dataclass

from mlebench_fast.competitions.shared.log_loss import (
    OneHotAnswers,
    one_hot_answers,
    one_hot_log_loss_inputs,
)
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.classification import log_loss
from mlebench_fast.validation.probabilities import row_sums_close_to_one, within_unit_interval

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
        values = [submission.frame[name] for name in submission.columns[1:]]
        if not row_sums_close_to_one(values, atol=1e-6):
            msg = "Each row in submission should sum to one, as probabilities."
            raise InvalidSubmissionError(msg)
        if not within_unit_interval(values):
            msg = "All probabilities in submission DataFrame must be between 0 and 1."
            raise InvalidSubmissionError(msg)
        y_true, y_pred = one_hot_log_loss_inputs(submission, answers, apply_softmax=False)
        return log_loss(y_true, y_pred)


GRADER = SpookyAuthorGrader()
