"""tweet-sentiment-extraction: mean Kaggle Jaccard of the word sets of ``selected_text``.

The reference checks the ``textID`` and ``selected_text`` columns, then the row count, sorts both
by ``textID``, compares the ids element by element, takes ``fillna("").astype(str)`` of both
texts and averages ``|a ∩ b| / (|a| + |b| - |a ∩ b|)`` over ``set(s.lower().split())`` with
``float(np.mean(...))``: a row where both sides have no word divides by zero (a rejection).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mlebench_fast.competitions.shared.sorted_answers import SortedAnswers, sorted_answers
from mlebench_fast.competitions.shared.token_jaccard import (
    AnswerWords,
    fillna_empty_astype_str,
    overlap_and_union,
)
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.validation.answers import require_answer_columns

ID, TARGET = "textID", "selected_text"


@dataclass(frozen=True, slots=True)
class PreparedAnswers:
    sorted: SortedAnswers
    words: AnswerWords


@dataclass(frozen=True, slots=True)
class KaggleJaccardGrader:
    def prepare_answers(self, answers: Table) -> PreparedAnswers:
        require_answer_columns(answers, ID, TARGET)
        prepared = sorted_answers(answers, ID, TARGET)
        texts = fillna_empty_astype_str(prepared.target).to_list()
        return PreparedAnswers(prepared, AnswerWords.of(texts))

    def score(self, submission: Table, answers: PreparedAnswers) -> float:
        for column, article in ((ID, "a"), (TARGET, "a")):
            if column not in submission.columns:
                msg = f"Submission DataFrame must have {article} '{column}' column."
                raise InvalidSubmissionError(msg)
        if submission.height != answers.sorted.ids.len():
            msg = "Submission and answers DataFrames must have the same number of rows."
            raise InvalidSubmissionError(msg)
        order = answers.sorted.index.order(submission.frame[ID])
        if order is not None:
            texts = submission.frame[TARGET]
        else:
            frame, ids_match = answers.sorted.sort_submission(submission.frame.select(ID, TARGET), ID)
            if not ids_match:
                msg = "Submission and answers DataFrames must have the same textID values."
                raise InvalidSubmissionError(msg)
            texts = frame[TARGET]
        # fillna/astype act cell by cell: applied before the rows are placed, they are the same.
        common, union = overlap_and_union(fillna_empty_astype_str(texts), answers.words, order)
        if (union == 0).any():
            msg = "float division by zero (a row where neither text has a word)"
            raise InvalidSubmissionError(msg)
        return float(np.mean(common / union))


GRADER = KaggleJaccardGrader()
