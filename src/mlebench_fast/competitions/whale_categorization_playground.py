"""whale-categorization-playground: MAP@5 of the space-separated whale ids in ``Id``.

The reference requires exactly the columns {Image, Id}, the same row count and the same *set* of
images, sorts both files by ``Image`` and scores ``astype(str).split(" ")`` of each cell (so NaN
is the label "nan" and double spaces make empty labels).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.ranking import average_precisions_at_k
from mlebench_fast.validation.alignment import IdIndex
from mlebench_fast.validation.answers import InvalidAnswersError
from mlebench_fast.validation.frames import astype_str, same_set, sort_table
from mlebench_fast.validation.labels import (
    CodedLists,
    Vocabulary,
    code_answer_sets,
    code_predictions,
)

ID, TARGET, K = "Image", "Id", 5


@dataclass(frozen=True, slots=True)
class CodedAnswers:
    index: IdIndex
    vocabulary: Vocabulary
    actual: CodedLists


@dataclass(frozen=True, slots=True)
class MapAt5Grader:
    def prepare_answers(self, answers: Table) -> CodedAnswers:
        if set(answers.columns) != {ID, TARGET}:
            msg = "Answers DataFrame must have 'Image' and 'Id' columns."
            raise InvalidAnswersError(msg)
        frame = sort_table(answers, ID)
        vocabulary, actual = code_answer_sets(astype_str(frame[TARGET]))
        return CodedAnswers(index=IdIndex.of(frame[ID]), vocabulary=vocabulary, actual=actual)

    def score(self, submission: Table, answers: CodedAnswers) -> np.float64:
        if set(submission.columns) != {ID, TARGET}:
            msg = "Submission DataFrame must have 'Image' and 'Id' columns."
            raise InvalidSubmissionError(msg)
        if submission.height != len(answers.index.ids):
            msg = "Submission and answers DataFrames must have the same number of rows."
            raise InvalidSubmissionError(msg)
        order = answers.index.order(submission.frame[ID])
        if order is None:
            if not same_set(submission.frame[ID], answers.index.ids):
                msg = "Submission and answers have different Image IDs"
                raise InvalidSubmissionError(msg)
            labels = sort_table(submission, ID)[TARGET]
        else:  # the same images, each once: sorting places row order[k] at k
            labels = submission.frame[TARGET][order]
        predicted = code_predictions(astype_str(labels), answers.vocabulary, keep=K)
        scores = average_precisions_at_k(
            predicted.codes, predicted.offsets, answers.actual.codes, answers.actual.offsets, K
        )
        return np.mean(scores)


GRADER = MapAt5Grader()
