"""dog-breed-identification: multi-class log loss over 120 breed-probability columns.

The reference checks columns, length, row sums (``np.isclose(sum, 1, atol=1e-6)``, so up to
~1.1e-5 away passes), the [0, 1] range, then sorts by ``id`` and calls scikit-learn's
``log_loss`` on the answers' one-hot matrix without renormalising first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mlebench_fast.competitions.shared.log_loss import (
    OneHotAnswers,
    one_hot_answers,
    one_hot_log_loss_inputs,
)
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.classification import log_loss
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.probabilities import row_sums_close_to_one, within_unit_interval

BREEDS: tuple[str, ...] = tuple(
    (Path(__file__).with_name("dog_breeds.txt")).read_text().split()
)
ID = "id"


@dataclass(frozen=True, slots=True)
class DogBreedGrader:
    def prepare_answers(self, answers: Table) -> OneHotAnswers:
        require_answer_columns(answers, ID, *BREEDS)
        return one_hot_answers(answers, ID)

    def score(self, submission: Table, answers: OneHotAnswers) -> float:
        if not all(breed in submission.columns for breed in BREEDS):
            msg = f"Submission must have columns for all dogs: {list(BREEDS)}"
            raise InvalidSubmissionError(msg)
        if ID not in submission.columns:
            msg = "Submission must have an `id` column"
            raise InvalidSubmissionError(msg)
        if submission.height != answers.ids.len():
            msg = "Submission should be the same length as the answers"
            raise InvalidSubmissionError(msg)
        probabilities = [submission.frame[breed] for breed in BREEDS]
        if not row_sums_close_to_one(probabilities, atol=1e-6):
            msg = "Dog probabilities in each row in submission should sum to one, as probabilities."
            raise InvalidSubmissionError(msg)
        if not within_unit_interval(probabilities):
            msg = "All probabilities in submission DataFrame must be between 0 and 1."
            raise InvalidSubmissionError(msg)
        y_true, y_pred = one_hot_log_loss_inputs(submission, answers, apply_softmax=False)
        return log_loss(y_true, y_pred)


GRADER = DogBreedGrader()
