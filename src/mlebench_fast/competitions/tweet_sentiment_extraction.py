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
    WordSets,
    fillna_empty_astype_str,
    intersection_sizes,
    union_sizes,
)
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.validation.answers import require_answer_columns

ID, TARGET = "textID", "selected_text"


@dataclass(frozen=True, slots=True)
class PreparedAnswers:
    sorted: SortedAnswers
    words: WordSets


@dataclass(frozen=True, slots=True)
class KaggleJaccardGrader:
    def prepare_answers(self, answers: Table) -> PreparedAnswers:
        require_answer_columns(answers, ID, TARGET)
        prepared = sorted_answers(answers, ID, TARGET)
        return PreparedAnswers(prepared, WordSets.of(fillna_empty_astype_str(prepared.target)))

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
            texts = submission.frame[TARGET].gather(order)
        else:
            frame, ids_match = answers.sorted.sort_submission(submission.frame.select(ID, TARGET), ID)
            if not ids_match:
                msg = "Submission and answers DataFrames must have the same textID values."
                raise InvalidSubmissionError(msg)
            texts = frame[TARGET]
        predicted = WordSets.of(fillna_empty_astype_str(texts))
        common = intersection_sizes(predicted, answers.words)
        union = union_sizes(predicted, answers.words, common)
        if (union == 0).any():
            msg = "float division by zero (a row where neither text has a word)"
            raise InvalidSubmissionError(msg)
        return float(np.mean(common / union))


GRADER = KaggleJaccardGrader()
