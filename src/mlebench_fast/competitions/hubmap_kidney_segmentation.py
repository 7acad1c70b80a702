"""hubmap-kidney-segmentation: mean over images of the Dice coefficient, both-empty = 1.0.

The reference requires the submission's ``id`` and ``predicted`` columns (extra columns are
fine), the answers' row count and ``set(submission.id) == set(answers.id)`` (Python set
semantics: 1 == 1.0, "1" != 1, NaN never equal); sorts both by id; ``fillna("")`` on
``predicted``; decodes every predicted column-major RLE with ``rle_decode`` at the height and
width of the answers' row at the same sorted position (its asserts reject a cell that is not a
``str``, unsorted, non-positive or overlapping pairs; ``int()`` rejects other tokens; runs past
the image are cut, a lone token is an empty mask, an odd token count broadcasts its one length
or fails), then the answers, and averages ``dice_coefficient(pred, true, both_empty_value=1.0)``:
1.0 (a Python float) when both masks are empty, else ``2 * |T & P| / (|T| + |P|)``; the mean is
numpy.float64. Masks are scored on their runs, never materialised (the reference allocates each
gigapixel image).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.masks import Runs, decode_rle_column
from mlebench_fast.kernels.run_overlap import intersection_sizes
from mlebench_fast.validation.answers import InvalidAnswersError
from mlebench_fast.validation.frames import (
    fillna_empty,
    fillna_empty_is_all_str,
    kind,
    pandas_sort_indices,
    same_set,
    sort_table,
)

ID = "id"
ANSWER_COLUMNS = ("id", "encoding", "width_pixels", "height_pixels")


@dataclass(frozen=True, slots=True)
class HubmapAnswers:
    ids: object  # the id column, sorted
    n_pixels: np.ndarray  # height * width of each sorted row
    masks: Runs
    areas: np.ndarray


def dice_scores(truth: Runs, predicted: Runs, both_empty_value: float) -> np.ndarray:
    """``dice_coefficient`` of each row pair (float64; ``both_empty_value`` where both are
    empty)."""
    inter = intersection_sizes(truth, predicted)
    union = truth.areas() + predicted.areas()
    with np.errstate(invalid="ignore", divide="ignore"):
        scores = (2 * inter) / union
    scores[union == 0] = both_empty_value
    return scores


@dataclass(frozen=True, slots=True)
class HubmapGrader:
    def prepare_answers(self, answers: Table) -> HubmapAnswers:
        for column in ANSWER_COLUMNS:
            if column not in answers.columns:
                raise InvalidAnswersError(f"Answers is missing the '{column}' column")
        frame = sort_table(answers, ID)
        heights, widths = frame["height_pixels"], frame["width_pixels"]
        if kind(heights) != "int" or kind(widths) != "int":
            # rle_decode asserts Python ints.
            raise InvalidAnswersError("Expected integer width_pixels and height_pixels.")
        if not fillna_empty_is_all_str(frame["encoding"]) or frame["encoding"].null_count():
            raise InvalidAnswersError("Expected a string encoding in every answers row.")
        n_pixels = (heights.cast(pl.Int64).to_numpy() * widths.cast(pl.Int64).to_numpy()).astype(
            np.int64
        )
        masks = decode_rle_column(frame["encoding"], n_pixels)
        return HubmapAnswers(frame[ID], n_pixels, masks, masks.areas())

    def score(self, submission: Table, answers: HubmapAnswers) -> np.float64:
        if ID not in submission.columns:
            raise InvalidSubmissionError(f"Submission is missing the '{ID}' column")
        if "predicted" not in submission.columns:
            raise InvalidSubmissionError("Submission is missing the 'predicted' column")
        expected = answers.n_pixels.shape[0]
        if submission.height != expected:
            msg = f"Submission has {submission.height} rows while answers has {expected} rows"
            raise InvalidSubmissionError(msg)
        if not same_set(submission.frame[ID], answers.ids):
            raise InvalidSubmissionError(f"Submission and answers have different {ID} values")
        predicted = submission.frame["predicted"]
        predicted = predicted[pandas_sort_indices(submission.frame[ID])]
        if not fillna_empty_is_all_str(predicted):
            # rle_decode's own assert; it escapes the grader: a rejection.
            raise InvalidSubmissionError("Expected a string in every predicted cell.")
        masks = decode_rle_column(fillna_empty(predicted), answers.n_pixels)
        return np.mean(dice_scores(answers.masks, masks, 1.0))


GRADER = HubmapGrader()
