"""tgs-salt-identification-challenge: mean over images of the IoU-threshold-sweep precision.

The reference requires exactly the columns {id, rle_mask} and the answers' row count, fills NaN
with "", rejects any cell that is then not a string (numeric ids included), sorts by ``id``,
compares ids, decodes every predicted 101x101 column-major RLE (its asserts reject unsorted,
non-positive or overlapping runs; ``int()`` rejects other tokens) and averages ``iou_metric``.
Masks are scored on their runs, never materialised.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.masks import InvalidRLEError, Runs, decode_rle_column, iou_sweep_scores
from mlebench_fast.validation.alignment import IdIndex, sort_and_match
from mlebench_fast.validation.answers import InvalidAnswersError
from mlebench_fast.validation.frames import (
    fillna_empty,
    fillna_empty_is_all_str,
    sort_table,
)

COLUMNS = ["id", "rle_mask"]
HEIGHT = WIDTH = 101


@dataclass(frozen=True, slots=True)
class DecodedAnswers:
    index: IdIndex
    masks: Runs


@dataclass(frozen=True, slots=True)
class TgsSaltGrader:
    def prepare_answers(self, answers: Table) -> DecodedAnswers:
        if set(answers.columns) != set(COLUMNS) or not all(
            fillna_empty_is_all_str(answers.frame[c]) for c in COLUMNS
        ):
            msg = f"Expected answers to have string columns {COLUMNS}, got {answers.frame.schema}"
            raise InvalidAnswersError(msg)
        frame = sort_table(answers, "id")
        return DecodedAnswers(
            index=IdIndex.of(frame["id"]), masks=decode_rle_column(fillna_empty(frame["rle_mask"]), HEIGHT * WIDTH)
        )

    def score(self, submission: Table, answers: DecodedAnswers) -> np.float64:
        if set(submission.columns) != set(COLUMNS):
            msg = (
                f"Expected submission to have columns {COLUMNS}, but got "
                f"{submission.columns} instead!"
            )
            raise InvalidSubmissionError(msg)
        if submission.height != len(answers.index.ids):
            msg = (
                f"Expected submission to have {len(answers.index.ids)} rows, but got "
                f"{submission.height} instead!"
            )
            raise InvalidSubmissionError(msg)
        if not all(fillna_empty_is_all_str(submission.frame[c]) for c in submission.columns):
            msg = "Expected all items in `submission` to be strings, but found non-string items!"
            raise InvalidSubmissionError(msg)
        frame, ids_match = sort_and_match(submission.frame, "id", answers.index)
        if not ids_match:
            msg = (
                "Expected submission to have the same IDs as answers, but got a different set "
                "of IDs!"
            )
            raise InvalidSubmissionError(msg)
        try:
            predicted = decode_rle_column(fillna_empty(frame["rle_mask"]), HEIGHT * WIDTH)
        except InvalidRLEError as exc:
            if not exc.assertion:
                raise
            msg = f"Error decoding RLE masks: {exc}"
            raise InvalidSubmissionError(msg) from exc
        return np.mean(iou_sweep_scores(answers.masks, predicted))


GRADER = TgsSaltGrader()
