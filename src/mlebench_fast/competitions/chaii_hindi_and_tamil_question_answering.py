"""chaii-hindi-and-tamil-question-answering: word-level Jaccard, scikit-learn's samples average.

The reference checks the row count, the ``PredictionString`` then ``id`` columns, sorts both by
``id``, compares the ids element by element, ``fillna("")`` both texts and calls ``.lower()`` on
each cell (a number or bool cell raises AttributeError: rejected), binarises the sets
``set(s.lower().split())`` over their union of words and scores
``jaccard_score(average="samples")``: per row |A ∩ B| / |A ∪ B|, 0 when both are empty, averaged
(a ``numpy.float64``). With fewer than two distinct words overall the binarised matrix is not
multilabel and scikit-learn raises (rejected).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mlebench_fast.competitions.shared.sorted_answers import SortedAnswers, sorted_answers
from mlebench_fast.competitions.shared.token_jaccard import AnswerWords, overlap_and_union
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.tokens import vocabulary_size
from mlebench_fast.validation.answers import InvalidAnswersError, require_answer_columns
from mlebench_fast.validation.frames import fillna_empty, fillna_empty_is_all_str, kind

ID, TARGET = "id", "PredictionString"


@dataclass(frozen=True, slots=True)
class PreparedAnswers:
    sorted: SortedAnswers
    words: AnswerWords


@dataclass(frozen=True, slots=True)
class SamplesJaccardGrader:
    def prepare_answers(self, answers: Table) -> PreparedAnswers:
        require_answer_columns(answers, TARGET, ID)
        prepared = sorted_answers(answers, ID, TARGET)
        if not fillna_empty_is_all_str(prepared.target):
            msg = "the answers' PredictionString cells must be strings"
            raise InvalidAnswersError(msg)
        return PreparedAnswers(prepared, AnswerWords.of(fillna_empty(prepared.target).to_list()))

    def score(self, submission: Table, answers: PreparedAnswers) -> np.float64:
        if submission.height != answers.sorted.ids.len():
            msg = "Submission should be the same length as the answers"
            raise InvalidSubmissionError(msg)
        if TARGET not in submission.columns:
            msg = f"Submission must have a `{TARGET}` column"
            raise InvalidSubmissionError(msg)
        if ID not in submission.columns:
            msg = "Submission must have an `id` column"
            raise InvalidSubmissionError(msg)
        order = answers.sorted.index.order(submission.frame[ID])
        if order is not None:
            texts = submission.frame[TARGET]
        else:
            frame, ids_match = answers.sorted.sort_submission(submission.frame.select(ID, TARGET), ID)
            if not ids_match:
                msg = "Submission does not contain same IDs as test"
                raise InvalidSubmissionError(msg)
            texts = frame[TARGET]
        if not fillna_empty_is_all_str(texts):
            msg = "PredictionString cells must be strings ('.lower()' of a number or bool)"
            raise InvalidSubmissionError(msg)
        if texts.null_count() or kind(texts) != "str":
            texts = fillna_empty(texts)
        if len(answers.words.vocabulary) < 2 and vocabulary_size(texts, answers.words) < 2:
            msg = "fewer than two distinct words: the binarised sets are not multilabel"
            raise InvalidSubmissionError(msg)
        common, union = overlap_and_union(texts, answers.words, order)
        scores = np.divide(common, union, out=np.zeros(union.size), where=union > 0)
        return np.mean(scores)


GRADER = SamplesJaccardGrader()
