"""paddy-disease-classification: accuracy of the string ``label`` (10 diseases), rows matched by
``image_id``.

The reference has its own checks, in this order: the answers hold ``image_id`` and ``label``
and no NaN anywhere (asserts); the submission's columns are a superset of both; the lengths
match; both tables sorted by ``image_id`` compare equal element by element. Then
``y_pred = label.fillna("").tolist()`` goes to ``accuracy_score``:

- an empty cell is the empty string, never an error (the sample submission, all empty, is read
  as a float column of NaN and scores 0);
- NaN among numbers or booleans makes a list mixing ``str`` and floats/bools, which numpy turns
  into an array of strings (``"1.0"``, ``"True"``): graded, those rows never match;
- a numeric column without NaN stays numeric: integral numbers score 0, non-integral ones are a
  ``continuous`` target and infinity an error, both rejected.
"""

from __future__ import annotations

import math

import numpy as np
import polars as pl

from mlebench_fast.competitions.shared.sorted_answers import SortedAnswers, sorted_answers
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.validation.frames import filled, kind
from mlebench_fast.validation.sklearn_targets import check_targets, labels_equal

ID, TARGET = "image_id", "label"
EXPECTED = {ID, TARGET}


class PaddyDiseaseClassification:
    def prepare_answers(self, answers: Table) -> SortedAnswers:
        if not set(answers.columns) >= EXPECTED:
            msg = f"Expected columns {EXPECTED}, but got {set(answers.columns)}"
            raise AssertionError(msg)
        frame = answers.frame
        if any(_has_missing(frame[c]) for c in frame.columns):
            msg = "Answers contain NaN values"
            raise AssertionError(msg)
        return sorted_answers(answers, ID, TARGET)

    def score(self, submission: Table, answers: SortedAnswers) -> float:
        if not set(submission.columns) >= EXPECTED:
            msg = f"Expected columns {EXPECTED}, but got {set(submission.columns)}"
            raise InvalidSubmissionError(msg)
        if submission.height != answers.ids.len():
            msg = f"Expected {answers.ids.len()} rows, but got {submission.height}"
            raise InvalidSubmissionError(msg)
        frame, ids_match = answers.sort_submission(submission.frame, ID, columns=[TARGET])
        if not ids_match:
            msg = "Invalid image IDs in the submission!"
            raise InvalidSubmissionError(msg)
        y_pred = _filled_list(frame[TARGET])
        check_targets(answers.target, y_pred)
        return float(labels_equal(answers.target, y_pred).sum() / y_pred.len())


def _has_missing(column: pl.Series) -> bool:
    if column.null_count():
        return True
    return bool(column.dtype.is_float() and column.is_nan().any())


def _filled_list(column: pl.Series) -> pl.Series:
    """The array numpy makes of ``column.fillna("").tolist()``.

    Without NaN the column keeps its type. With NaN, the list mixes ``""`` with the other values,
    and numpy makes an array of their strings; only their distinctness matters from then on
    (no float's or bool's string is a disease name), which Polars' formatting preserves.
    """
    column_kind = kind(column)
    if column_kind == "str":
        return filled(column, "")
    if not _has_missing(column):
        if column.dtype == pl.Object:
            return _via_numpy(column)
        return column
    if column.dtype == pl.Null:
        return pl.Series(column.name, [""] * column.len(), dtype=pl.String)
    if column_kind == "float":
        # NaN and null both mean pandas' NaN here.
        return column.fill_nan(None).cast(pl.String).fill_null("")
    if column_kind == "object" and column.dtype == pl.Boolean:
        return column.replace_strict(
            {True: "True", False: "False"}, default="", return_dtype=pl.String
        )
    return _via_numpy(column)


def _via_numpy(column: pl.Series) -> pl.Series:
    # A column mixing kinds (pandas' chunked read): take numpy's own conversion of the list.
    values = [
        "" if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in column.to_list()
    ]
    array = np.asarray(values)
    if array.dtype.kind == "U":
        return pl.Series(column.name, array.tolist(), dtype=pl.String)
    if array.dtype.kind in "iubf":
        return pl.Series(column.name, array)
    msg = "Classification metrics can't handle a mix of multiclass and unknown targets"
    raise ValueError(msg)


GRADER = PaddyDiseaseClassification()
