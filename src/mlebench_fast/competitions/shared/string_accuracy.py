"""``StringAccuracyById``: accuracy of ``astype(str)`` targets, rows matched by a sorted id.

The reference checks the length, then the target and id columns, sorts both files by id, compares
the ids element by element and feeds ``astype(str)`` of both targets to ``accuracy_score``. Every
cell is then a ``str``, so scikit-learn's target checks always pass (one or two distinct values is
"binary", more is "multiclass", and the pair is accepted either way): the score is the share of
equal strings (NaN is "nan", numbers their ``str``).
"""

from __future__ import annotations

from dataclasses import dataclass

from mlebench_fast.competitions.shared.sorted_answers import SortedAnswers, sorted_answers
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import astype_str


@dataclass(frozen=True, slots=True, kw_only=True)
class StringAccuracyById:
    id_column: str
    target_column: str

    def prepare_answers(self, answers: Table) -> SortedAnswers:
        require_answer_columns(answers, self.target_column, self.id_column)
        prepared = sorted_answers(answers, self.id_column, self.target_column)
        return SortedAnswers(ids=prepared.ids, target=astype_str(prepared.target))

    def score(self, submission: Table, answers: SortedAnswers) -> float:
        if submission.height != answers.ids.len():
            msg = "Submission must have the same length as the answers."
            raise InvalidSubmissionError(msg)
        for column in (self.target_column, self.id_column):
            if column not in submission.columns:
                msg = f"Submission must have a `{column}` column"
                raise InvalidSubmissionError(msg)
        y_pred = submission.frame[self.target_column]
        order = answers.index.order(submission.frame[self.id_column])
        if order is not None:
            y_pred = y_pred.gather(order)
        else:  # not the answers' ids, each once: sort and compare as the reference does
            columns = submission.frame.select(self.id_column, self.target_column)
            frame, ids_match = answers.sort_submission(columns, self.id_column)
            if not ids_match:
                msg = f"Submission and Answers `{self.id_column}`'s do not match"
                raise InvalidSubmissionError(msg)
            y_pred = frame[self.target_column]
        equal = astype_str(y_pred) == answers.target
        return float(equal.sum() / y_pred.len())
