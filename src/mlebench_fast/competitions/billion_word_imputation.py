"""billion-word-imputation: mean Levenshtein distance between sentences (lower is better).

The reference checks the ``id`` and ``sentence`` columns, then the row count (its message names
both lengths), sorts both files by ``id``, compares the ids element by element and calls
``Levenshtein.distance`` on the *raw* cells: no ``astype(str)``, so a NaN cell, a numeric or bool
column raises TypeError (a rejection) instead of being scored as text.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mlebench_fast.competitions.shared.sorted_answers import SortedAnswers, sorted_answers
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.strings import contiguous_strings, levenshtein_distances
from mlebench_fast.validation.answers import InvalidAnswersError, require_answer_columns
from mlebench_fast.validation.frames import kind

ID, TARGET = "id", "sentence"


def _require_text(column, side: str) -> None:
    if kind(column) != "str" or column.null_count():
        # Levenshtein.distance of a float (NaN), int or bool cell
        msg = f"{side}: every {TARGET} cell must be a string (Levenshtein.distance raises TypeError)"
        raise (InvalidAnswersError if side == "answers" else InvalidSubmissionError)(msg)


@dataclass(frozen=True, slots=True)
class SentenceLevenshteinGrader:
    def prepare_answers(self, answers: Table) -> SortedAnswers:
        require_answer_columns(answers, ID, TARGET)
        prepared = sorted_answers(answers, ID, TARGET)
        _require_text(prepared.target, "answers")
        # Compared with every submission: worth laying its bytes out in sorted order.
        return SortedAnswers(ids=prepared.ids, target=contiguous_strings(prepared.target))

    def score(self, submission: Table, answers: SortedAnswers) -> np.float64:
        for column in (ID, TARGET):
            if column not in submission.columns:
                msg = f"Missing {column} column in submission"
                raise InvalidSubmissionError(msg)
        n = answers.ids.len()
        if submission.height != n:
            msg = (
                "Submission and answers have different lengths: "
                f"{submission.height} vs {n}"
            )
            raise InvalidSubmissionError(msg)
        order = answers.index.order(submission.frame[ID])
        if order is not None:
            predicted = submission.frame[TARGET]
            _require_text(predicted, "submission")
            return np.mean(levenshtein_distances(answers.target, predicted, b_rows=order))
        frame, ids_match = answers.sort_submission(submission.frame.select(ID, TARGET), ID)
        if not ids_match:
            msg = "Submission and answers should contain the same IDs"
            raise InvalidSubmissionError(msg)
        _require_text(frame[TARGET], "submission")
        return np.mean(levenshtein_distances(answers.target, frame[TARGET]))


GRADER = SentenceLevenshteinGrader()
