"""``AccuracyById``: the reference's ``prepare_for_accuracy_metric`` + ``accuracy_score``.

The same checks, in the same order, with the same messages (``mlebench/competitions/utils.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from mlebench_fast.competitions.shared.sorted_answers import SortedAnswers, sorted_answers
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.sklearn_targets import check_targets, labels_equal


@dataclass(frozen=True, slots=True, kw_only=True)
class AccuracyById:
    id_column: str
    target_column: str

    def prepare_answers(self, answers: Table) -> SortedAnswers:
        require_answer_columns(answers, self.target_column, self.id_column)
        return sorted_answers(answers, self.id_column, self.target_column)

    def score(self, submission: Table, answers: SortedAnswers) -> float:
        if submission.height != answers.ids.len():
            msg = "Submission must have the same length as the answers."
            raise InvalidSubmissionError(msg)
        for column in (self.target_column, self.id_column):
            if column not in submission.columns:
                msg = f"Submission must have a `{column}` column"
                raise InvalidSubmissionError(msg)
        frame, ids_match = answers.sort_submission(
            submission.frame, self.id_column, columns=[self.target_column]
        )
        if not ids_match:
            msg = f"Submission and Answers `{self.id_column}`'s do not match"
            raise InvalidSubmissionError(msg)
        y_pred = frame[self.target_column]
        check_targets(answers.target, y_pred)
        return float(labels_equal(answers.target, y_pred).sum() / y_pred.len())
