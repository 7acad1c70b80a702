"""lmsys-chatbot-arena: multi-class log loss over ``winner_model_a``, ``winner_model_b``,
``winner_tie``.

The reference lists missing required columns, checks the length, then the [0, 1] range BEFORE
the row sums (a string raises TypeError, NaN fails the range), then requires
``sum(axis=1).round(6) == 1`` (numpy's round-half-even after scaling, so sums within ~5e-7 of
one pass), keeps only ``id`` and the three columns, sorts both by ``id`` and compares the ids
elementwise (``InvalidSubmissionError``), then goes through ``one_hot_dfs_to_log_loss_inputs``
(no softmax) into scikit-learn's ``log_loss``. Returns ``float``.
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
from mlebench_fast.validation.alignment import sort_and_match
from mlebench_fast.validation.probabilities import (
    float_matrix,
    matrix_row_sums,
    matrix_within_unit_interval,
    row_sums,
    within_unit_interval,
)

CLASSES = ("winner_model_a", "winner_model_b", "winner_tie")
ID = "id"


@dataclass(frozen=True, slots=True)
class ChatbotArenaGrader:
    def prepare_answers(self, answers: Table) -> OneHotAnswers:
        return one_hot_answers(answers, ID, CLASSES)

    def score(self, submission: Table, answers: OneHotAnswers) -> float:
        missing = [c for c in (ID, *CLASSES) if c not in submission.columns]
        if missing:
            msg = f"Submission DataFrame is missing required columns: {missing}"
            raise InvalidSubmissionError(msg)
        n = answers.ids.len()
        if submission.height != n:
            msg = f"Submission DataFrame must have {n} rows, but has {submission.height} rows."
            raise InvalidSubmissionError(msg)
        matrix = float_matrix(submission.frame, CLASSES)
        if matrix is None:
            probabilities = [submission.frame[c] for c in CLASSES]
            in_range = within_unit_interval(probabilities)
            sums = row_sums(probabilities) if in_range else None
        else:
            in_range = matrix_within_unit_interval(matrix)
            sums = matrix_row_sums(matrix)
        if not in_range:
            msg = "All values in submission DataFrame must be between 0 and 1."
            raise InvalidSubmissionError(msg)
        if not bool(np.all(np.round(sums, 6) == 1)):
            msg = "Each row in submission DataFrame must sum to 1."
            raise InvalidSubmissionError(msg)
        ids_match = answers.index.order(submission.frame[ID]) is not None
        if not ids_match:
            _, ids_match = sort_and_match(submission.frame, ID, answers.index)
        if not ids_match:
            msg = "Submission and answer IDs do not match after sorting."
            raise InvalidSubmissionError(msg)
        y_true, y_pred = one_hot_log_loss_inputs(
            Table(submission.frame.select(ID, *CLASSES)),
            answers,
            apply_softmax=False,
            predictions=matrix if answers.columns == CLASSES else None,
        )
        return log_loss(y_true, y_pred)


GRADER = ChatbotArenaGrader()
