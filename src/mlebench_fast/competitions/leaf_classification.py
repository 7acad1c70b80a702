"""leaf-classification: multi-class log loss over 99 species-probability columns.

The reference requires the columns to be exactly ``{"id"} | species`` (an extra column rejects),
then checks the length, row sums (``np.isclose(sum, 1, atol=1e-6)``: up to ~1.1e-5 passes; NaN
counts as 0), the [0, 1] range (NaN fails), and goes through ``one_hot_dfs_to_log_loss_inputs``
(no softmax) into scikit-learn's ``log_loss`` without renormalising. Returns ``float``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mlebench_fast.competitions.shared.log_loss import (
    OneHotAnswers,
    one_hot_answers,
    one_hot_log_loss_inputs,
)
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.classification import log_loss
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.probabilities import (
    float_matrix,
    matrix_row_sums,
    matrix_within_unit_interval,
    row_sums_close_to_one,
    within_unit_interval,
)

SPECIES: tuple[str, ...] = tuple(Path(__file__).with_name("leaf_species.txt").read_text().split())
ID = "id"


@dataclass(frozen=True, slots=True)
class LeafClassificationGrader:
    def prepare_answers(self, answers: Table) -> OneHotAnswers:
        require_answer_columns(answers, ID, *SPECIES)
        return one_hot_answers(answers, ID)

    def score(self, submission: Table, answers: OneHotAnswers) -> float:
        if set(submission.columns) != {ID, *SPECIES}:
            msg = "Submission DataFrame must have an 'id' column and a column for each class."
            raise InvalidSubmissionError(msg)
        if submission.height != answers.ids.len():
            msg = "Submission and answers DataFrames must have the same number of rows."
            raise InvalidSubmissionError(msg)
        matrix = float_matrix(submission.frame, SPECIES)
        if matrix is None:
            probabilities = [submission.frame[name] for name in SPECIES]
            sums_ok = row_sums_close_to_one(probabilities, atol=1e-6)
            in_range = sums_ok and within_unit_interval(probabilities)
        else:
            sums_ok = bool(np.all(np.isclose(matrix_row_sums(matrix), 1, atol=1e-6)))
            in_range = sums_ok and matrix_within_unit_interval(matrix)
        if not sums_ok:
            msg = "Each row in submission should sum to one, as probabilities."
            raise InvalidSubmissionError(msg)
        if not in_range:
            msg = "All probabilities in submission DataFrame must be between 0 and 1."
            raise InvalidSubmissionError(msg)
        reusable = matrix is not None and answers.columns == SPECIES
        y_true, y_pred = one_hot_log_loss_inputs(
            submission, answers, apply_softmax=False, predictions=matrix if reusable else None
        )
        return log_loss(y_true, y_pred)


GRADER = LeafClassificationGrader()
