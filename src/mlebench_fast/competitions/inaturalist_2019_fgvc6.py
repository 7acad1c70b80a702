"""inaturalist-2019-fgvc6: top-1 error (``1 - accuracy``, a Python float) of ``predicted``, rows
matched by ``id``.

The reference's checks, in order: the lengths match (before the columns are looked at), the
submission has ``id`` and ``predicted``, the answers too (asserts), both tables sorted by ``id``
compare equal element by element. Then each prediction is
``int(y) if isinstance(y, int) else int(y.split()[0])``:

- an int column (bools too: ``True`` is an int) is taken as is;
- a string column keeps the first whitespace-separated token of each cell, which Python's
  ``int`` must parse (``"12 7 3"`` -> 12; signs, leading zeros, ``_`` between digits and
  Unicode digits pass; ``"12.0"``, an all-blank cell, ``"abc"`` are errors);
- a float column (``"12.0"`` cells, or NaN anywhere) has no ``split``: rejected.

The ints go to ``accuracy_score`` as a list; one too large for int64 and uint64 makes numpy
build an object array, an ``unknown`` target, rejected.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.competitions.shared.sorted_answers import SortedAnswers, sorted_answers
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.int_tokens import first_int_tokens
from mlebench_fast.validation.frames import kind
from mlebench_fast.validation.sklearn_targets import check_targets, labels_equal

ID, TARGET = "id", "predicted"


class Inaturalist2019Fgvc6:
    def prepare_answers(self, answers: Table) -> SortedAnswers:
        for column in (ID, TARGET):
            if column not in answers.columns:
                msg = f"Answers must have '{column}' column"
                raise AssertionError(msg)
        prepared = sorted_answers(answers, ID, TARGET)
        # int(y) of each answer: exact for ints, truncation for floats, an error for NaN.
        return SortedAnswers(ids=prepared.ids, target=prepared.target.cast(pl.Int64, strict=True))

    def score(self, submission: Table, answers: SortedAnswers) -> float:
        if submission.height != answers.ids.len():
            msg = f"Submission length {submission.height} != answers length {answers.ids.len()}"
            raise InvalidSubmissionError(msg)
        if ID not in submission.columns or TARGET not in submission.columns:
            msg = "Submission must have 'id' and 'predicted' columns"
            raise InvalidSubmissionError(msg)
        frame, ids_match = answers.sort_submission(submission.frame, ID, columns=[TARGET])
        if not ids_match:
            msg = "Submission and answers have mismatched 'id' columns"
            raise InvalidSubmissionError(msg)
        y_pred = first_ints(frame[TARGET])
        check_targets(answers.target, y_pred)
        accuracy = float(labels_equal(answers.target, y_pred).sum() / y_pred.len())
        return 1 - accuracy


def first_ints(column: pl.Series) -> pl.Series:
    """The array numpy makes of ``[int(y) if isinstance(y, int) else int(y.split()[0]) ...]``."""
    column_kind = kind(column)
    if column_kind == "int":
        if column.dtype == pl.UInt64:
            # Python ints beyond int64: numpy picks the list's dtype, not pandas' uint64.
            return _as_numpy_would(column.name, column.to_list())
        return column
    if column_kind == "bool":
        return column.cast(pl.Int64)
    if column_kind == "str" and not column.null_count():
        values, plain = first_int_tokens(column)
        if plain.all():
            return pl.Series(column.name, values)
        parsed = values.astype(object)
        rows = np.flatnonzero(~plain)
        parsed[rows] = [_first_int(column[int(i)]) for i in rows]
        return _as_numpy_would(column.name, parsed.tolist())
    if column.dtype == pl.Object:
        return _as_numpy_would(column.name, [_first_int(v) for v in column.to_list()])
    # A float column, or NaN (a float) in a string or boolean column.
    msg = "'float' object has no attribute 'split'"
    raise AttributeError(msg)


def _first_int(value: object) -> int:
    if isinstance(value, int):
        return int(value)
    return int(value.split()[0])  # type: ignore[attr-defined]


def _as_numpy_would(name: str, values: list[int]) -> pl.Series:
    array = np.asarray(values)
    if array.dtype.kind == "O":
        msg = "Classification metrics can't handle a mix of multiclass and unknown targets"
        raise ValueError(msg)
    return pl.Series(name, array)


GRADER = Inaturalist2019Fgvc6()
