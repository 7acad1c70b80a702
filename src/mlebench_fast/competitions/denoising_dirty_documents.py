"""denoising-dirty-documents: RMSE of pixel values after sorting both files by their string id.

The reference asserts the answers' ``id`` and ``value`` columns; requires the submission's ``id``
then ``value`` columns; rejects a ``value`` column that ``astype(float)`` cannot convert (an
object column of strings that Python's ``float()`` all accepts — "1_0", " 2 ", "١٢" — passes);
requires the answers' row count; sorts both by ``id`` (pandas' lexicographic order of the
"{img}_{row}_{col}" strings, so "1_10_1" < "1_2_1") and compares ids elementwise; then scores
``root_mean_squared_error`` on the ORIGINAL value columns (scikit-learn's NaN / infinity checks
reject; the arguments are swapped, which the squared difference makes irrelevant). Returns
numpy.float64.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.pixel_ids import PixelIdTable
from mlebench_fast.kernels.regression import root_mean_squared_error
from mlebench_fast.validation.alignment import IdIndex, sort_and_match
from mlebench_fast.validation.answers import InvalidAnswersError
from mlebench_fast.validation.frames import kind, sort_table

ID, VALUE = "id", "value"


def _as_float(series: pl.Series) -> np.ndarray | None:
    """``Series.astype(float)`` as float64 (NaN kept), or None where pandas raises ValueError."""
    if kind(series) in ("int", "float", "bool"):
        return series.cast(pl.Float64).fill_null(np.nan).to_numpy()
    # Strings (and True/False/NaN objects): numpy's object-to-float cast is Python's float(),
    # exactly what pandas and scikit-learn apply to an object column.
    values = series.to_numpy().astype(object)
    values[series.is_null().to_numpy()] = np.nan
    try:
        return values.astype(np.float64)
    except (ValueError, TypeError):
        return None


def _finite(values: np.ndarray, name: str) -> np.ndarray:
    if not np.isfinite(values).all():
        if np.isnan(values).any():
            msg = f"Input {name} contains NaN."
        else:
            msg = f"Input {name} contains infinity or a value too large for dtype('float64')."
        raise ValueError(msg)
    return values


@dataclass(frozen=True, slots=True)
class DenoisingAnswers:
    index: IdIndex
    values: np.ndarray
    pixels: PixelIdTable | None  # canonical ids: matched through their numbers


@dataclass(frozen=True, slots=True)
class DenoisingGrader:
    def prepare_answers(self, answers: Table) -> DenoisingAnswers:
        for column in (ID, VALUE):
            if column not in answers.columns:
                msg = f"Answers must have an '{column}' column."
                raise InvalidAnswersError(msg)
        frame = sort_table(answers, ID)
        values = _as_float(frame[VALUE])
        if values is None:
            raise InvalidAnswersError("Answers must have float values in the 'value' column.")
        pixels = PixelIdTable.build(frame[ID]) if kind(frame[ID]) == "str" and not frame[ID].null_count() else None
        return DenoisingAnswers(IdIndex.of(frame[ID]), _finite(values, "y_pred"), pixels)

    def score(self, submission: Table, answers: DenoisingAnswers) -> np.float64:
        for column in (ID, VALUE):
            if column not in submission.columns:
                msg = f"Submission must have an '{column}' column."
                raise InvalidSubmissionError(msg)
        values = _as_float(submission.frame[VALUE])
        if values is None:
            msg = "Submission must have float values in the 'value' column."
            raise InvalidSubmissionError(msg)
        expected_rows = len(answers.index.ids)
        if submission.height != expected_rows:
            msg = (
                f"Expected the submission to have {expected_rows} rows, but got "
                f"{submission.height}."
            )
            raise InvalidSubmissionError(msg)
        ids = submission.frame[ID]
        positions = None
        if answers.pixels is not None and kind(ids) == "str" and not ids.null_count():
            positions, ids_match = answers.pixels.permutation(ids)
        if positions is None:
            frame, ids_match = sort_and_match(submission.frame, ID, answers.index, [VALUE])
        if not ids_match:
            msg = (
                "Expected the submission to have the same 'id' values as the answers, but "
                "they differ."
            )
            raise InvalidSubmissionError(msg)
        if positions is None:
            predicted = _as_float(frame[VALUE])
        else:
            predicted = np.empty_like(values)
            predicted[positions] = values
        predicted = _finite(predicted, "y_true")
        return root_mean_squared_error(predicted, answers.values)


GRADER = DenoisingGrader()
