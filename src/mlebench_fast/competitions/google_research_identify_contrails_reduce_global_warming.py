"""google-research-identify-contrails-reduce-global-warming: ONE global Dice over all pixels.

The reference asserts the answers' columns {record_id, encoded_pixels, height, width}; requires
the submission to contain record_id and encoded_pixels (extra columns are fine) and the answers'
row count; sorts both by record_id and compares them elementwise; replaces cells that are
exactly "-" by "" (whole-cell, so " -" stays and fails ``int()``); decodes every 256x256
column-major RLE with ``rle_decode`` (its asserts: a cell that is not a ``str`` — NaN, numbers —
unsorted, non-positive or overlapping pairs; ``int()`` of a bad token) and scores the flattened
stack with ``dice_coefficient``: NaN (a Python float) when no pixel is set on either side,
otherwise ``2 * |T & P| / (|T| + |P|)`` as numpy.float64. Its variable names are swapped
(answers decoded into ``y_preds``), which changes nothing: Dice is symmetric and every exception
rejects. Masks are scored on their runs, never materialised.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.masks import Runs, decode_rle_column
from mlebench_fast.kernels.run_overlap import intersection_sizes
from mlebench_fast.validation.alignment import IdIndex, sort_and_match
from mlebench_fast.validation.answers import InvalidAnswersError
from mlebench_fast.validation.frames import kind, sort_table

ANSWER_COLUMNS = ["record_id", "encoded_pixels", "height", "width"]
SUBMISSION_COLUMNS = ["record_id", "encoded_pixels"]


def _rle_strings(series: pl.Series) -> pl.Series | None:
    """``replace("-", "")`` of the column, or None when ``rle_decode`` would reject a cell as
    not a ``str``."""
    if kind(series) != "str" or series.null_count():
        return None
    return pl.select(
        pl.when(series == "-").then(pl.lit("")).otherwise(series).alias(series.name)
    ).to_series()


@dataclass(frozen=True, slots=True)
class ContrailsAnswers:
    index: IdIndex
    masks: Runs
    area: np.int64


@dataclass(frozen=True, slots=True)
class ContrailsGrader:
    def prepare_answers(self, answers: Table) -> ContrailsAnswers:
        if set(answers.columns) != set(ANSWER_COLUMNS):
            msg = (
                f"Expected answers to have columns {ANSWER_COLUMNS}, but got "
                f"{answers.columns} instead!"
            )
            raise InvalidAnswersError(msg)
        frame = sort_table(answers, "record_id")
        heights, widths = frame["height"], frame["width"]
        if (
            kind(heights) != "int"
            or kind(widths) != "int"
            or heights.n_unique() != 1
            or widths.n_unique() != 1
        ):
            # Masks of different shapes would not stack into one array in the reference.
            msg = "Expected answers to have one integer height and width for every record."
            raise InvalidAnswersError(msg)
        rles = _rle_strings(frame["encoded_pixels"])
        if rles is None:
            raise InvalidAnswersError("Expected the answers' encoded_pixels to be strings.")
        masks = decode_rle_column(rles, int(heights[0]) * int(widths[0]))
        return ContrailsAnswers(IdIndex.of(frame["record_id"]), masks, masks.areas().sum())

    def score(self, submission: Table, answers: ContrailsAnswers) -> float | np.float64:
        if not set(SUBMISSION_COLUMNS).issubset(set(submission.columns)):
            msg = (
                f"Expected submission to have columns {SUBMISSION_COLUMNS}, but got "
                f"{submission.columns} instead!"
            )
            raise InvalidSubmissionError(msg)
        expected_rows = len(answers.index.ids)
        if submission.height != expected_rows:
            msg = (
                f"Expected submission to have {expected_rows} rows, but got "
                f"{submission.height} instead!"
            )
            raise InvalidSubmissionError(msg)
        frame, ids_match = sort_and_match(
            submission.frame, "record_id", answers.index, SUBMISSION_COLUMNS
        )
        if not ids_match:
            msg = (
                "Expected submission to have the same record_id's as answers, but got a "
                "different set of record_id's!"
            )
            raise InvalidSubmissionError(msg)
        rles = _rle_strings(frame["encoded_pixels"])
        if rles is None:
            # rle_decode's own assert; it escapes the grader, which the harness turns into a rejection.
            raise InvalidSubmissionError("Expected a string in every encoded_pixels cell.")
        predicted = decode_rle_column(rles, answers.masks.n_pixels)
        inter = intersection_sizes(answers.masks, predicted).sum()
        pred_area = predicted.areas().sum()
        if pred_area == 0 and answers.area == 0:
            return np.nan
        union = pred_area + answers.area
        return 2 * inter / union


GRADER = ContrailsGrader()
