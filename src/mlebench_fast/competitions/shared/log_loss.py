"""Log-loss graders and the reference's one-hot helpers (``mlebench/competitions/utils.py``).

- :func:`one_hot_answers` + :func:`one_hot_log_loss_inputs`: ``one_hot_dfs_to_log_loss_inputs``
  (column superset check, filter to the answers' columns in their order, sort both by id, the
  ids must be equal as Python lists, then ``to_numpy()`` both sides; softmax when asked and the
  predictions are not already one-hot).
- :func:`is_one_hot_encoded`, :func:`softmax`: the reference's ``is_one_hot_encoded`` and
  ``scipy.special.softmax(axis=-1)``.
- :class:`BinaryLogLossById`: the binary graders (dogs-vs-cats, statoil) that check the id set and
  the [0, 1] range, sort by id and call ``log_loss(y_true, y_pred)`` on the two columns.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.competitions.shared.sorted_answers import SortedAnswers, sorted_answers
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.classification import log_loss
from mlebench_fast.validation.alignment import IdIndex, sort_and_match
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import kind, same_set, sort_table
from mlebench_fast.validation.probabilities import float_matrix, within_unit_interval


@dataclass(frozen=True, slots=True)
class OneHotAnswers:
    """Answers sorted by id once: ids, class columns in the file's order, the indicator matrix."""

    id_column: str
    index: IdIndex
    columns: tuple[str, ...]
    one_hot: np.ndarray

    @property
    def ids(self) -> pl.Series:
        return self.index.ids


def one_hot_answers(answers: Table, id_column: str, columns: tuple[str, ...] | None = None) -> OneHotAnswers:
    """``columns`` (default: every answers column but the id, in file order) sorted by id."""
    require_answer_columns(answers, id_column, *(columns or ()))
    frame = sort_table(answers, id_column)
    classes = columns or tuple(c for c in frame.columns if c != id_column)
    return OneHotAnswers(
        id_column=id_column,
        index=IdIndex.of(frame[id_column]),
        columns=classes,
        one_hot=frame.select(classes).to_numpy(),
    )


def prediction_matrix(frame: pl.DataFrame, columns: tuple[str, ...]) -> np.ndarray:
    """``frame[columns].to_numpy()`` as float64, as ``log_loss``'s ``check_array`` would convert
    it: a column of strings cannot become a float (sklearn's ValueError)."""
    for column in columns:
        series = frame[column]
        if kind(series) == "str" and series.drop_nulls().len():
            msg = f"could not convert string to float: {series.drop_nulls()[0]!r}"
            raise ValueError(msg)
    matrix = float_matrix(frame, columns)
    if matrix is None:
        return frame.select(pl.col(c).cast(pl.Float64) for c in columns).to_numpy()
    return matrix


def is_one_hot_encoded(xs: np.ndarray) -> bool:
    """Every value is 0 or 1 and every row sums to one (``np.allclose``)."""
    is_binary = bool(np.bitwise_or(xs == 0, xs == 1).all())
    return is_binary and bool(np.allclose(xs.sum(axis=-1), 1))


def softmax(x: np.ndarray) -> np.ndarray:
    """``scipy.special.softmax(x, axis=-1)``: shift by the row max, exponentiate, normalise."""
    shifted = np.exp(x - np.amax(x, axis=-1, keepdims=True))
    return shifted / np.sum(shifted, axis=-1, keepdims=True)


def _id_mismatch(id_column: str) -> None:
    label = id_column.capitalize()
    msg = (
        f"Mismatch in {label}s between `submission` and `answers` after sorting. "
        f"Ensure both DataFrames have the same {label}s."
    )
    raise AssertionError(msg)


def one_hot_log_loss_inputs(
    submission: Table,
    answers: OneHotAnswers,
    *,
    apply_softmax: bool = True,
    predictions: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """``one_hot_dfs_to_log_loss_inputs(submission, answers, id_column, apply_softmax)``:
    ``(y_true, y_pred)``, or the reference's rejection.

    ``predictions``: the submission's ``answers.columns`` as a float matrix in file row order,
    when the caller already built it for its own checks."""
    id_column = answers.id_column
    required = {id_column, *answers.columns}
    missing = required - set(submission.columns)
    if missing:
        msg = (
            "The submission DataFrame is missing some columns required by the `answers` "
            f"DataFrame. Missing columns: {missing}."
        )
        raise InvalidSubmissionError(msg)
    # `sorted_ids.tolist() == answers_ids.tolist()`: Python list equality, so no broadcasting
    if submission.height != answers.ids.len():
        _id_mismatch(id_column)
    order = answers.index.order(submission.frame[id_column])
    if order is not None:
        if predictions is None:
            predictions = prediction_matrix(submission.frame, answers.columns)
        y_pred = predictions[order]
    else:
        frame, matched = sort_and_match(submission.frame, id_column, answers.index)
        if not matched:
            _id_mismatch(id_column)
        y_pred = prediction_matrix(frame, answers.columns)
    if apply_softmax and not is_one_hot_encoded(y_pred):
        y_pred = softmax(y_pred)
    return answers.one_hot, y_pred


@dataclass(frozen=True, slots=True, kw_only=True)
class BinaryLogLossById:
    """``log_loss(answers[target], submission[target])`` after sorting both by id.

    Checks, in the reference's order: id and target columns present, ``set(ids) ==
    set(answer ids)``, then (when ``check_length``) equal lengths, then every prediction in
    [0, 1] (``((s >= 0) & (s <= 1)).all()``: NaN fails, strings raise). Without a length check a
    longer file with the same id set reaches scikit-learn, which rejects the lengths.
    """

    id_column: str
    target_column: str
    check_length: bool
    range_message: str

    def prepare_answers(self, answers: Table) -> SortedAnswers:
        require_answer_columns(answers, self.id_column, self.target_column)
        return sorted_answers(answers, self.id_column, self.target_column)

    def score(self, submission: Table, answers: SortedAnswers) -> float:
        for column in (self.id_column, self.target_column):
            if column not in submission.columns:
                msg = f"Submission is missing `{column}` column"
                raise InvalidSubmissionError(msg)
        ids = submission.frame[self.id_column]
        # A permutation of the answers' unique ids passes the set and length checks at once.
        order = answers.index.order(ids)
        if order is None:
            if not same_set(ids, answers.ids):
                msg = "Submission and answers have different id's"
                raise InvalidSubmissionError(msg)
            if self.check_length and submission.height != answers.ids.len():
                msg = "Submission and answers have different lengths"
                raise InvalidSubmissionError(msg)
        target = submission.frame[self.target_column]
        if not within_unit_interval([target]):
            raise InvalidSubmissionError(self.range_message)
        if order is None:
            frame, _ = answers.sort_submission(submission.frame, self.id_column)
            target = frame[self.target_column]
            y_pred = target.cast(pl.Float64).to_numpy()
        else:
            y_pred = target.cast(pl.Float64).to_numpy()[order]
        return log_loss(answers.target.to_numpy(), y_pred)
