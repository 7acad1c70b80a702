"""denoising-dirty-documents: RMSE of pixel values after sorting both files by their string id.

The reference asserts the answers' ``id`` and ``value`` columns; requires the submission's ``id``
then ``value`` columns; rejects a ``value`` column that ``astype(float)`` cannot convert (an
object column of strings that Python's ``float()`` all accepts — "1_0", " 2 ", "١٢" — passes);
requires the answers' row count; sorts both by ``id`` (pandas' lexicographic order of the
"{img}_{row}_{col}" strings, so "1_10_1" < "1_2_1") and compares ids elementwise; then scores
``root_mean_squared_error`` on the ORIGINAL value columns (scikit-learn's NaN / infinity checks
reject; the arguments are swapped, which the squared difference makes irrelevant). Returns
numpy.float64.

The real test set has ~5.8 million pixels (a 94 MB answers CSV, a 134 MB submission), so big
files are streamed (:mod:`mlebench_fast.io.csv_stream`, ids as byte spans): the answers in three
passes (the ids' extent; each id marked in a dense table over (image, row, column), then
numbered in the ids' string order; each value put at its id's position), the submission in one,
each value put at its id's sorted position, so the RMSE sums the same values in the same order
as the whole-file path. Taken only when both files have exactly the columns ``id`` and
``value``, every id canonical ("{img}_{row}_{col}" without signs or leading zeros) and, in the
submission, one of the answers' ids each exactly once, as many rows as the answers, every value
a finite number; anything else (or a row the stream declines) is graded from the whole file, as
before, so every verdict and message is the same.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.csv import read_csv
from mlebench_fast.io.csv_stream import StreamDeclined, open_numeric_csv
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.pixel_ids import PixelIdSpans, PixelIdTable, place_span_values
from mlebench_fast.kernels.regression import root_mean_squared_error
from mlebench_fast.validation.alignment import IdIndex, sort_and_match
from mlebench_fast.validation.answers import InvalidAnswersError
from mlebench_fast.validation.frames import kind, sort_table

ID, VALUE = "id", "value"
#: Files at least this big are streamed (smaller ones read whole faster).
STREAM_MIN_BYTES = 16 << 20
#: Bytes read at a time: small windows, as the answers' table and values and the placed
#: predictions (~115 MB at the real size) already take most of the memory budget.
WINDOW_BYTES = 2 << 20


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


@dataclass(slots=True)
class DenoisingAnswers:
    values: np.ndarray  # in the ids' sorted order
    pixels: PixelIdTable | None  # canonical ids: matched through their numbers
    _index: IdIndex | None = None
    # streamed answers keep no id strings; a submission graded whole may need them after all
    path: Path | None = field(default=None, repr=False)

    @property
    def index(self) -> IdIndex:
        if self._index is None:
            self._index = GRADER.prepare_answers(read_csv(self.path))._index
        return self._index


def _stream(path: str | os.PathLike[str]):
    try:
        if os.stat(path).st_size < STREAM_MIN_BYTES:
            return None
    except OSError:
        return None
    stream = open_numeric_csv(path, window_bytes=WINDOW_BYTES, text=(ID,))
    if stream is None or sorted(stream.names) != [ID, VALUE]:
        return None
    return stream, stream.names.index(ID), stream.names.index(VALUE)


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
        return DenoisingAnswers(_finite(values, "y_pred"), pixels, IdIndex.of(frame[ID]))

    def prepare_answers_file(self, path: str | os.PathLike[str]) -> DenoisingAnswers | None:
        """:meth:`prepare_answers` of the file at ``path`` streamed, or None: read it whole."""
        opened = _stream(path)
        if opened is None:
            return None
        stream, at_id, at_value = opened
        pixels = PixelIdSpans()
        try:
            for window in stream.windows():
                if not pixels.measure(window.data, window.columns[at_id]):
                    return None
                del window  # before the stream reads the next window
            if not pixels.start_marking():
                return None
            for window in stream.windows():
                if not pixels.mark(window.data, window.columns[at_id]):
                    return None
                del window
            table = pixels.table()
            del pixels
            if table is None:
                return None  # the file changed between the passes
            values = np.full(table.size, np.nan)
            for window in stream.windows():
                column = window.columns[at_value].astype(np.float64, copy=False)
                if not place_span_values(table, window.data, window.columns[at_id], column, values):
                    return None  # the file changed, or a value is not finite
                del window, column
        except StreamDeclined:
            return None
        return DenoisingAnswers(values, table, path=Path(path))

    def score_file(self, path: str | os.PathLike[str], answers: DenoisingAnswers) -> np.float64 | None:
        """:meth:`score` of the submission file at ``path`` streamed, or None: grade it whole
        (the module docstring says when)."""
        if answers.pixels is None:
            return None
        opened = _stream(path)
        if opened is None:
            return None
        stream, at_id, at_value = opened
        n = answers.values.shape[0]
        predicted = np.full(n, np.nan)
        rows = 0
        try:
            for window in stream.windows():
                rows += window.rows
                if rows > n:
                    return None
                column = window.columns[at_value].astype(np.float64, copy=False)
                spans = window.columns[at_id]
                if not place_span_values(answers.pixels, window.data, spans, column, predicted):
                    return None
                del window, column, spans  # before the stream reads the next window
        except StreamDeclined:
            return None
        if rows != n:
            return None
        return root_mean_squared_error(predicted, answers.values)

    def score(self, submission: Table, answers: DenoisingAnswers) -> np.float64:
        for column in (ID, VALUE):
            if column not in submission.columns:
                msg = f"Submission must have an '{column}' column."
                raise InvalidSubmissionError(msg)
        values = _as_float(submission.frame[VALUE])
        if values is None:
            msg = "Submission must have float values in the 'value' column."
            raise InvalidSubmissionError(msg)
        expected_rows = answers.values.shape[0]
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
