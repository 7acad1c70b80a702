"""hotel-id-2021-fgvc8: MAP@5 of the space-separated hotel ids in ``hotel_id``, rows by ``image``.

The reference checks the ``image`` then ``hotel_id`` columns (others are ignored), then that the
*set* of images equals the answers' and only then the row count, sorts both by ``image`` and scores
``astype(str).split(" ")`` of each cell: the answers' int ids are their ``str``, a NaN cell is the
label "nan", a float column (one empty cell) makes "123.0" (never a hit), double spaces make empty
labels.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.competitions.shared.map_at_k import (
    CodedAnswers,
    code_answers,
    mean_average_precision_at_k,
    mean_average_precision_by_id,
    mean_average_precision_in_place,
)
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.label_lists import LabelTable, permutation_of
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import same_set, sort_table

ID, TARGET, K = "image", "hotel_id", 5


@dataclass(frozen=True, slots=True)
class PreparedAnswers:
    coded: CodedAnswers
    ids: LabelTable | None  # the sorted images, where they are strings


@dataclass(frozen=True, slots=True)
class HotelMapAt5Grader:
    def prepare_answers(self, answers: Table) -> PreparedAnswers:
        require_answer_columns(answers, ID, TARGET)
        coded = code_answers(answers, ID, TARGET)
        ids = coded.index.ids
        table = LabelTable(ids) if ids.dtype == pl.String and not ids.null_count() else None
        return PreparedAnswers(coded, table)

    def score(self, submission: Table, prepared: PreparedAnswers) -> np.float64:
        for column in (ID, TARGET):
            if column not in submission.columns:
                msg = f"Submission is missing `{column}` column"
                raise InvalidSubmissionError(msg)
        answers = prepared.coded
        if prepared.ids is not None:
            score = mean_average_precision_by_id(
                submission.frame[TARGET], submission.frame[ID], prepared.ids, answers, K
            )
            if score is not None:  # the same images, each once, and string cells
                return score
            positions = permutation_of(submission.frame[ID], prepared.ids)
            if positions is not None:  # the same images, each once: row r sorts to positions[r]
                return mean_average_precision_in_place(
                    submission.frame[TARGET], positions, answers, K
                )
        order = answers.index.order(submission.frame[ID])
        if order is None:
            if not same_set(submission.frame[ID], answers.index.ids):
                msg = "Submission and answers have different ids"
                raise InvalidSubmissionError(msg)
            if submission.height != answers.index.ids.len():
                msg = "Submission and answers have different lengths"
                raise InvalidSubmissionError(msg)
            labels = sort_table(submission, ID)[TARGET]
            return mean_average_precision_at_k(labels, answers, K)
        # the same images, each once: sorting places row order[k] at k
        positions = np.empty(submission.height, dtype=np.int64)
        positions[order] = np.arange(submission.height, dtype=np.int64)
        return mean_average_precision_in_place(submission.frame[TARGET], positions, answers, K)


GRADER = HotelMapAt5Grader()
