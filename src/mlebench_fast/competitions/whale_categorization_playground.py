"""whale-categorization-playground: MAP@5 of the space-separated whale ids in ``Id``.

The reference requires exactly the columns {Image, Id}, the same row count and the same *set* of
images, sorts both files by ``Image`` and scores ``astype(str).split(" ")`` of each cell (so NaN
is the label "nan" and double spaces make empty labels).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mlebench_fast.competitions.shared.map_at_k import (
    CodedAnswers,
    code_answers,
    mean_average_precision_at_k,
    mean_average_precision_in_place,
)
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.validation.answers import InvalidAnswersError
from mlebench_fast.validation.frames import same_set, sort_table

ID, TARGET, K = "Image", "Id", 5


@dataclass(frozen=True, slots=True)
class MapAt5Grader:
    def prepare_answers(self, answers: Table) -> CodedAnswers:
        if set(answers.columns) != {ID, TARGET}:
            msg = "Answers DataFrame must have 'Image' and 'Id' columns."
            raise InvalidAnswersError(msg)
        return code_answers(answers, ID, TARGET)

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
            return mean_average_precision_at_k(sort_table(submission, ID)[TARGET], answers, K)
        # the same images, each once: sorting places row order[k] at k
        positions = np.empty(submission.height, dtype=np.int64)
        positions[order] = np.arange(submission.height, dtype=np.int64)
        return mean_average_precision_in_place(submission.frame[TARGET], positions, answers, K)


GRADER = MapAt5Grader()
