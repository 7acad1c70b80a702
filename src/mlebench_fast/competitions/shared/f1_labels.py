"""``LabelF1ById``: the graders that sort both tables by id, compare the ids element by element,
then hand Python lists of labels to scikit-learn's ``f1_score`` (macro or micro).

Their checks, in the reference's order: the submission's length and columns (some graders look at
the columns first, some word one message for both columns), both tables sorted by id
(``sort_values``, numpy's unstable quicksort) and compared with ``(a.values != b.values).any()``.
Then the labels are either

- ``[int(y) for y in column]`` (herbarium, iwildcam-2019): Python's ``int`` on each cell, so
  floats are truncated toward zero, NaN and infinity raise, strings are parsed as Python parses
  them (spaces around, a sign, ``_`` between digits and Unicode digits pass; ``"12.0"`` or a word
  raises); an int beyond int64 makes numpy build a uint64 / float / object array, which
  scikit-learn rejects as continuous or unknown targets; or
- ``column.tolist()`` (plant-seedlings): numpy turns a list of strings holding a NaN into a string
  array, so NaN becomes the label ``"nan"`` (scored as a wrong prediction, not rejected), while a
  column without strings is a numeric target that scikit-learn rejects next to string answers.

Any exception rejects the submission, as in the reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import polars as pl
import pyarrow as pa

from mlebench_fast.competitions.shared.sorted_answers import SortedAnswers, sorted_answers
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.f1 import TrueLabels, f1_score, micro_f1_from_counts
from mlebench_fast.kernels.strings import as_arrow_strings, string_buffers, string_views
from mlebench_fast.validation.frames import kind
from mlebench_fast.validation.hashed_ids import HashedIds
from mlebench_fast.validation.labels import Vocabulary
from mlebench_fast.validation.pandas_values import pandas_values

_TWO63 = 2**63
# Cells Python's int() surely reads as an int64 (ASCII spaces around, a sign, at most 18
# digits); any other cell goes through int() itself.
_ASCII_SPACE = " \t\n\r\x0b\x0c"
_PLAIN_INT = rf"^[{_ASCII_SPACE}]*[+-]?[0-9]{{1,18}}[{_ASCII_SPACE}]*$"


def _beyond_int64(answers_type: str, values: list[int]) -> ValueError:
    # numpy keeps Python ints below 2**64 as uint64 / float64 (a continuous target to sklearn);
    # larger ones make an object array (unknown).
    wide = "continuous" if all(-_TWO63 <= v < 2**64 for v in values) else "unknown"
    msg = f"Classification metrics can't handle a mix of {answers_type} and {wide} targets"
    return ValueError(msg)


def python_ints(column: pl.Series, answers_type: str = "multiclass") -> np.ndarray:
    """The int64 array numpy makes of ``[int(y) for y in column]`` (pandas' cells as Python
    objects). Raises what ``int()`` raises, or scikit-learn's error for ints beyond int64."""
    column_kind = kind(column)
    if column_kind == "int":
        if column.dtype == pl.UInt64 and column.len():
            high = int(column.max())  # type: ignore[arg-type]
            if high >= _TWO63:
                raise _beyond_int64(answers_type, [high])
        return column.cast(pl.Int64).to_numpy()
    if column_kind == "bool":
        return column.cast(pl.Int64).to_numpy()
    if column_kind == "float":
        values = column.cast(pl.Float64).fill_null(float("nan")).to_numpy()
        if np.isnan(values).any():
            msg = "cannot convert float NaN to integer"
            raise ValueError(msg)
        if np.isinf(values).any():
            msg = "cannot convert float infinity to integer"
            raise OverflowError(msg)
        outside = (values < -float(_TWO63)) | (values >= float(_TWO63))
        if outside.any():
            raise _beyond_int64(answers_type, [int(v) for v in values[outside]])
        return values.astype(np.int64)
    if column_kind == "str":
        if column.null_count():
            msg = "cannot convert float NaN to integer"
            raise ValueError(msg)
        plain = column.str.contains(_PLAIN_INT)
        if plain.all():
            return column.str.strip_chars(_ASCII_SPACE).cast(pl.Int64).to_numpy()
        # Python ints (not a float64 array with NaN holes, which would round 18-digit ints).
        values = column.str.strip_chars(_ASCII_SPACE).cast(pl.Int64, strict=False).to_list()
        for i in np.flatnonzero(~plain.to_numpy()).tolist():
            values[i] = int(column[i])
        return _int64_or_raise(values, answers_type)
    if column.dtype == pl.Object:  # a chunked read's mix of Python objects
        return _int64_or_raise([int(v) for v in column.to_list()], answers_type)
    # True / False / NaN objects: int(NaN) raises.
    msg = "cannot convert float NaN to integer"
    raise ValueError(msg)


def _int64_or_raise(values: list[int], answers_type: str) -> np.ndarray:
    if any(not -_TWO63 <= v < _TWO63 for v in values):
        raise _beyond_int64(answers_type, values)
    return np.array(values, dtype=np.int64)


def listed_labels(column: pl.Series) -> np.ndarray:
    """``np.asarray(column.tolist())``, the array scikit-learn makes of the list: with any string
    in it, every cell becomes a string (NaN as ``"nan"``); otherwise a numeric array."""
    if column.dtype == pl.Object:
        return np.asarray(column.to_list())
    if kind(column) == "str":
        return np.asarray(column.fill_null("nan").to_list())
    # Without strings (True / False / NaN objects included) the list is numbers.
    values = pandas_values(column)
    return values.astype(np.float64) if values.dtype == object else values


@dataclass(frozen=True, slots=True)
class StringCodes:
    """The answers' string labels coded against their own vocabulary (for micro F1)."""

    vocabulary: Vocabulary
    codes: np.ndarray
    nan_code: int  # the code of a literal "nan" answer label (what a NaN prediction becomes), or -1

    @classmethod
    def of(cls, labels: pl.Series) -> StringCodes:
        labels = _numpy_string(labels)
        vocabulary = Vocabulary.of(labels)
        nan = vocabulary.code(pl.Series(["nan"]))
        return cls(vocabulary, vocabulary.code(labels), int(nan[0]))

    def predicted(self, labels: pl.Series) -> np.ndarray:
        """Codes of string predictions as numpy compares them (-1: no answer label)."""
        codes = self._lookup(labels)
        if (codes < 0).any() and labels.str.contains("\x00", literal=True).any():
            codes = self._lookup(labels.str.strip_chars_end("\x00"))
        return codes

    def _lookup(self, labels: pl.Series) -> np.ndarray:
        if labels.null_count():
            codes = self.vocabulary.code(labels)
            if self.nan_code >= 0:
                codes[labels.is_null().to_numpy()] = self.nan_code
            return codes
        arrow = as_arrow_strings(labels)
        if arrow.type == pa.string_view():  # Polars' layout: read in place
            return self.vocabulary.index.lookup_views(*string_views(arrow))
        return self.vocabulary.index.lookup(*string_buffers(arrow))


def _numpy_string(labels: pl.Series) -> pl.Series:
    # numpy's fixed-width str arrays drop trailing NUL characters.
    if labels.str.contains("\x00", literal=True).any():
        return labels.str.strip_chars_end("\x00")
    return labels


@dataclass(frozen=True, slots=True)
class PreparedLabels:
    answers: SortedAnswers
    answers_type: str
    true_ints: TrueLabels | None  # int labels: the answers' int() values, tallied
    true_strings: StringCodes | None  # string labels of a micro F1
    hashed_ids: HashedIds | None  # string ids: placed by their hashes first


@dataclass(frozen=True, slots=True, kw_only=True)
class LabelF1ById:
    id_column: str
    target_column: str
    average: Literal["macro", "micro"]
    int_labels: bool  # [int(y) for y in column] rather than column.tolist()
    columns_before_length: bool = False
    one_columns_message: bool = False  # "Submission must have 'Id' and 'Predicted' columns"

    def prepare_answers(self, answers: Table) -> PreparedLabels:
        for column in (self.id_column, self.target_column):
            if column not in answers.columns:
                msg = f"Answers must have '{column}' column"
                raise AssertionError(msg)
        prepared = sorted_answers(answers, self.id_column, self.target_column)
        target = prepared.target
        answers_type = "multiclass" if target.n_unique() > 2 else "binary"
        if self.int_labels:
            true = TrueLabels.of(python_ints(target, answers_type))
            return PreparedLabels(prepared, answers_type, true, None, HashedIds.of(prepared.ids))
        strings = None
        if self.average == "micro" and kind(target) == "str" and not target.null_count():
            strings = StringCodes.of(target)
        return PreparedLabels(prepared, answers_type, None, strings, HashedIds.of(prepared.ids))

    def _check_columns(self, submission: Table) -> None:
        columns = (self.id_column, self.target_column)
        if self.one_columns_message:
            if not all(c in submission.columns for c in columns):
                msg = f"Submission must have '{columns[0]}' and '{columns[1]}' columns"
                raise InvalidSubmissionError(msg)
            return
        for column in columns:
            if column not in submission.columns:
                msg = f"Submission must have '{column}' column"
                raise InvalidSubmissionError(msg)

    def _check_length(self, submission: Table, answers: PreparedLabels) -> None:
        n = answers.answers.ids.len()
        if submission.height != n:
            msg = f"Submission length {submission.height} != answers length {n}"
            raise InvalidSubmissionError(msg)

    def _aligned(
        self, submission: Table, answers: PreparedLabels
    ) -> tuple[pl.Series, np.ndarray | None]:
        """The target column and the row order that sorts it as the reference's sort does (None:
        already sorted). Labels are converted before they are reordered: a conversion that fails
        on one cell fails wherever that cell sits."""
        frame = submission.frame
        ids = frame[self.id_column]
        order = answers.hashed_ids.order(ids) if answers.hashed_ids is not None else None
        if order is None:
            order = answers.answers.index.order(ids)
        if order is not None:
            return frame[self.target_column], order
        ordered, ids_match = answers.answers.sort_submission(
            frame, self.id_column, columns=[self.target_column]
        )
        if not ids_match:
            msg = f"Submission and answers have mismatched '{self.id_column}' columns"
            raise InvalidSubmissionError(msg)
        return ordered[self.target_column], None

    def score(self, submission: Table, answers: PreparedLabels) -> np.float64 | float:
        if self.columns_before_length:
            self._check_columns(submission)
            self._check_length(submission, answers)
        else:
            self._check_length(submission, answers)
            self._check_columns(submission)
        y_pred, order = self._aligned(submission, answers)
        if answers.true_ints is not None:
            ints = python_ints(y_pred, answers.answers_type)
            ints = ints if order is None else ints[order]
            if self.average == "macro":
                return answers.true_ints.macro_f1(ints)
            return f1_score(answers.true_ints.values, ints, average=self.average)
        if answers.true_strings is not None and kind(y_pred) == "str":
            codes = answers.true_strings.predicted(y_pred)
            codes = codes if order is None else codes[order]
            tp = int(np.count_nonzero(codes == answers.true_strings.codes))
            return micro_f1_from_counts(tp, codes.size)
        if order is not None:
            y_pred = y_pred.gather(order)
        y_true = answers.answers.target
        return f1_score(listed_labels(y_true), listed_labels(y_pred), average=self.average)
