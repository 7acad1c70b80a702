"""vesuvius-challenge-ink-detection: mean over rows of scikit-learn's F0.5 of the flattened masks.

The reference requires the answers' row count, then walks both files row by row, by position
(``zip`` of ``iterrows``; nothing is sorted): it asserts the answers' columns are exactly
{Id, Predicted, width, height}; rejects a submission without exactly two columns, or without
Id and Predicted; asserts the row's Id equals the answers' Id at the same position (Python
``==``: a string never equals a number, NaN equals nothing); rejects a Predicted cell that is
not a ``str`` (NaN, numbers, booleans); decodes both masks with ``rle_decode`` on the transposed
shape, i.e. row-major (its assertion failures become "Error decoding RLE masks: ..."; ``int()``
and numpy broadcasting errors escape, also a rejection; runs past the image are cut, a lone token
is empty, an odd token count broadcasts its one length); and scores
``fbeta_score(y_true, y_pred, beta=0.5)`` on the flattened booleans. scikit-learn 1.5.2 gives
``1.25 * tp / (0.25 * |T| + |P|)`` and 0.0 where that denominator is 0 (both masks empty:
zero_division="warn"), as numpy.float64; the mean over rows is numpy.float64. Pixel order does not
matter to F-beta, so it is computed on the decoded runs, never on a 40-megapixel image.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.masks import InvalidRLEError, Runs, decode_rle_column
from mlebench_fast.kernels.run_overlap import intersection_sizes
from mlebench_fast.validation.answers import InvalidAnswersError
from mlebench_fast.validation.frames import kind

SUBMISSION_COLUMNS = ["Id", "Predicted"]
ANSWER_COLUMNS = ["Id", "Predicted", "width", "height"]
BETA2 = 0.5**2


@dataclass(frozen=True, slots=True)
class VesuviusAnswers:
    ids: pl.Series
    n_pixels: np.ndarray
    masks: Runs
    areas: np.ndarray


def fbeta_from_counts(tp: np.ndarray, true_sum: np.ndarray, pred_sum: np.ndarray) -> np.ndarray:
    """scikit-learn's binary F-beta (beta = 0.5) per row from confusion counts (float64)."""
    denom = BETA2 * true_sum + pred_sum
    zero = denom == 0.0
    scores = ((1 + BETA2) * tp) / np.where(zero, 1.0, denom)
    scores[zero] = 0.0
    return scores


def _ids_equal(submitted: pl.Series, expected: pl.Series) -> np.ndarray:
    """Row-wise Python ``==`` of the submission's and the answers' Id cells."""
    sub_kind, ans_kind = kind(submitted), kind(expected)
    numeric = {"int", "float", "bool", "object"}
    if sub_kind == "str" and ans_kind == "str":
        equal = submitted == expected
    elif sub_kind in numeric and ans_kind in numeric:
        equal = submitted.cast(pl.Float64) == expected.cast(pl.Float64)
    else:
        return np.zeros(submitted.len(), dtype=bool)
    return equal.fill_null(False).fill_nan(False).to_numpy() if equal.dtype == pl.Float64 else (
        equal.fill_null(False).to_numpy()
    )


@dataclass(frozen=True, slots=True)
class VesuviusGrader:
    def prepare_answers(self, answers: Table) -> VesuviusAnswers:
        if set(answers.columns) != set(ANSWER_COLUMNS):
            msg = f"Expected indices {set(ANSWER_COLUMNS)}, got {set(answers.columns)}."
            raise InvalidAnswersError(msg)
        frame = answers.frame
        rles = frame["Predicted"]
        if kind(rles) != "str" or rles.null_count():
            raise InvalidAnswersError("Expected 'Predicted' column in answer to be a string.")
        if kind(frame["width"]) != "int" or kind(frame["height"]) != "int":
            raise InvalidAnswersError("Expected integer width and height in the answers.")
        widths = frame["width"].cast(pl.Int64).to_numpy()
        n_pixels = widths * frame["height"].cast(pl.Int64).to_numpy()
        masks = decode_rle_column(rles, n_pixels.astype(np.int64))
        return VesuviusAnswers(frame["Id"], n_pixels.astype(np.int64), masks, masks.areas())

    def score(self, submission: Table, answers: VesuviusAnswers) -> np.float64:
        expected = answers.ids.len()
        if submission.height != expected:
            msg = (
                f"Expected {expected} rows in the submission DataFrame, but got "
                f"{submission.height} rows."
            )
            raise InvalidSubmissionError(msg)
        if expected == 0:
            return np.mean([])
        if len(submission.columns) != len(SUBMISSION_COLUMNS):
            msg = (
                f"Expected {len(SUBMISSION_COLUMNS)} indices in the submission DataFrame, "
                f"but got {len(submission.columns)} indices."
            )
            raise InvalidSubmissionError(msg)
        if not set(submission.columns).issuperset(SUBMISSION_COLUMNS):
            msg = f"Expected columns {SUBMISSION_COLUMNS}, got {set(submission.columns)}."
            raise InvalidSubmissionError(msg)
        frame = submission.frame
        if not _ids_equal(frame["Id"], answers.ids).all():
            raise InvalidSubmissionError("Expected 'Id' column to be the same in both DataFrames.")
        rles = frame["Predicted"]
        if kind(rles) != "str" or rles.null_count():
            culprit = "float" if kind(rles) in ("str", "float") else kind(rles)
            msg = f"Expected 'Predicted' column to be a string, got <class '{culprit}'>."
            raise InvalidSubmissionError(msg)
        try:
            predicted = decode_rle_column(rles, answers.n_pixels)
        except InvalidRLEError as exc:
            if not exc.assertion:
                raise
            raise InvalidSubmissionError(f"Error decoding RLE masks: {exc}") from exc
        tp = intersection_sizes(answers.masks, predicted)
        return np.mean(fbeta_from_counts(tp, answers.areas, predicted.areas()))


GRADER = VesuviusGrader()
