"""Column-wise ROC AUC graders: one AUC per label column, averaged.

The reference writes this metric four ways, each with its own checks and alignment:

- :class:`MacroAurocById`: sort both files by id, compare the ids elementwise, then
  ``roc_auc_score(y_true, y_score, average="macro")`` on the named columns
  (playground-series-s3e18);
- :class:`MeanAurocById`: the same alignment, then ``np.mean`` of one ``roc_auc_score`` per
  column, after the submission's column *set* is checked (plant-pathology-2020-fgvc7);
- :class:`MeanAurocPerClassById`: ``prepare_for_auroc_metric`` once per class, in class order,
  then ``np.average`` (ranzcr-clip-catheter-line-classification);
- :class:`MacroAurocByIndex`: ``set_index(id).sort_index()``, rows whose answers sum below zero
  dropped through a boolean Series that pandas aligns on the submission's index, then
  ``roc_auc_score(average="macro")`` on *every* remaining submission column, by position
  (jigsaw-toxic-comment-classification-challenge).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.competitions.shared.auroc import probabilities_column
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels._jit import check_finite
from mlebench_fast.kernels.classification import _type_of_target, roc_auc_score
from mlebench_fast.kernels.multilabel import columnwise_roc_auc_score, macro_roc_auc_score
from mlebench_fast.validation.alignment import IdIndex, sort_and_match
from mlebench_fast.validation.answers import InvalidAnswersError, require_answer_columns
from mlebench_fast.validation.frames import any_differ, kind, pandas_sort_indices, sort_table


@dataclass(frozen=True, slots=True)
class SortedLabels:
    """The answers sorted by id as pandas sorts them, indexed by id, with their label columns."""

    index: IdIndex
    labels: dict[str, np.ndarray]

    @property
    def rows(self) -> int:
        return self.index.ids.len()


def _sorted_labels(answers: Table, id_column: str, columns: Sequence[str]) -> SortedLabels:
    frame = sort_table(answers, id_column)
    labels = {c: _as_array(frame[c]) for c in columns}
    return SortedLabels(index=IdIndex.of(frame[id_column]), labels=labels)


def _as_array(column: pl.Series) -> np.ndarray:
    """The column as scikit-learn's check_array makes it numeric: numbers as they are, NaN for
    missing values, and strings through Python's ``float`` (an object array's ``astype``): a
    column that pandas left as text because of one bad cell converts once that row is gone."""
    column_kind = kind(column)
    if column_kind == "str":
        # Only malformed files get here, so a per-cell conversion is fine.
        return np.asarray(column.to_list(), dtype=object).astype(np.float64)
    if column_kind == "object" or column.null_count():
        return column.cast(pl.Float64).fill_null(np.nan).to_numpy()
    return column.to_numpy()


def _rows_as_array(column: pl.Series, rows: np.ndarray) -> np.ndarray:
    """``_as_array(column)[rows]``; text converts only on the rows kept (as sklearn sees it)."""
    if kind(column) == "str":
        return _as_array(column.gather(rows))
    return _as_array(column)[rows]


def _matrix(frame: pl.DataFrame, columns: Sequence[str]) -> np.ndarray:
    """``frame[columns].to_numpy()`` as scikit-learn then sees it (numpy's type promotion)."""
    return np.column_stack([_as_array(frame[c]) for c in columns])


@dataclass(frozen=True, slots=True, kw_only=True)
class MacroAurocById:
    """Sort by id, compare ids, ``roc_auc_score(average="macro")`` over ``classes``."""

    id_column: str
    classes: tuple[str, ...]
    missing_id: str
    missing_classes: str
    wrong_length: str
    ids_differ: str

    def prepare_answers(self, answers: Table) -> SortedLabels:
        require_answer_columns(answers, self.id_column, *self.classes)
        return _sorted_labels(answers, self.id_column, self.classes)

    def score(self, submission: Table, answers: SortedLabels) -> np.float64:
        if self.id_column not in submission.columns:
            raise InvalidSubmissionError(self.missing_id)
        if any(c not in submission.columns for c in self.classes):
            raise InvalidSubmissionError(self.missing_classes)
        if submission.height != answers.rows:
            raise InvalidSubmissionError(self.wrong_length)
        frame, ids_match = sort_and_match(submission.frame, self.id_column, answers.index)
        if not ids_match:
            raise InvalidSubmissionError(self.ids_differ)
        y_true = np.column_stack([answers.labels[c] for c in self.classes])
        return macro_roc_auc_score(y_true, _matrix(frame, self.classes))


def _index_repr(columns: Sequence[str]) -> str:
    return f"Index({list(columns)!r}, dtype='object')"


@dataclass(frozen=True, slots=True, kw_only=True)
class MeanAurocById:
    """Row count, then the exact column set, then sort by id and compare, then ``np.mean`` of
    one ``roc_auc_score`` per class."""

    id_column: str
    classes: tuple[str, ...]

    def prepare_answers(self, answers: Table) -> SortedLabels:
        expected = {self.id_column, *self.classes}
        if set(answers.columns) != expected:
            msg = f"Expected `answers` to have columns {[self.id_column, *self.classes]} but got {answers.columns}"
            raise InvalidAnswersError(msg)
        return _sorted_labels(answers, self.id_column, self.classes)

    def score(self, submission: Table, answers: SortedLabels) -> np.float64:
        expected = [self.id_column, *self.classes]
        if submission.height != answers.rows:
            msg = f"Expected submission to have {answers.rows} rows but got {submission.height}"
            raise InvalidSubmissionError(msg)
        if set(submission.columns) != set(expected):
            msg = (
                f"Expected submission to have columns {expected} but got "
                f"{_index_repr(submission.columns)}"
            )
            raise InvalidSubmissionError(msg)
        order = answers.index.order(submission.frame[self.id_column])
        if order is None:
            frame, ids_match = sort_and_match(
                submission.frame.select(self.id_column, *self.classes), self.id_column, answers.index
            )
            if not ids_match:
                msg = f"Submission and answers DataFrames must have matching '{self.id_column}' columns."
                raise InvalidSubmissionError(msg)
            order = np.arange(frame.height)
        else:
            frame = submission.frame
        scores = [
            roc_auc_score(answers.labels[c], _rows_as_array(frame[c], order)) for c in self.classes
        ]
        return np.mean(scores)


@dataclass(frozen=True, slots=True, kw_only=True)
class MeanAurocPerClassById:
    """``prepare_for_auroc_metric`` + ``roc_auc_score`` per class, in class order, averaged."""

    id_column: str
    classes: tuple[str, ...]

    def prepare_answers(self, answers: Table) -> SortedLabels:
        require_answer_columns(answers, self.id_column, *self.classes)
        return _sorted_labels(answers, self.id_column, self.classes)

    def score(self, submission: Table, answers: SortedLabels) -> np.float64:
        for name in self.classes:
            if name not in submission.columns:
                msg = f"Class {name} is not in the submission."
                raise InvalidSubmissionError(msg)
        if submission.height != answers.rows:
            # A bare assert in the reference.
            msg = f"Expected {answers.rows} rows in submission, got {submission.height}."
            raise AssertionError(msg)
        if self.id_column not in submission.columns:
            msg = f"Submission should have an {self.id_column} column"
            raise InvalidSubmissionError(msg)
        frame: pl.DataFrame | None = None
        scores = []
        for name in self.classes:
            # Each class repeats the whole check sequence: its own column's checks come first.
            probabilities_column(submission.frame[name], name)
            if frame is None:
                frame, ids_match = sort_and_match(submission.frame, self.id_column, answers.index)
                if not ids_match:
                    msg = f"Submission and answers should have the same {self.id_column} values"
                    raise InvalidSubmissionError(msg)
            scores.append(roc_auc_score(answers.labels[name], _as_array(frame[name])))
        return np.average(scores)


@dataclass(frozen=True, slots=True)
class IndexedLabels:
    """The answers sorted by id (``sort_index``), the rows the reference keeps, and the kept
    rows' labels (every non-id answers column, in file order)."""

    index: IdIndex
    keep: np.ndarray
    y_true: list[np.ndarray]  # the kept rows' label columns, checked to be an indicator matrix

    @property
    def rows(self) -> int:
        return self.index.ids.len()


@dataclass(frozen=True, slots=True, kw_only=True)
class MacroAurocByIndex:
    id_column: str
    classes: tuple[str, ...]

    def prepare_answers(self, answers: Table) -> IndexedLabels:
        require_answer_columns(answers, self.id_column, *self.classes)
        frame = sort_table(answers, self.id_column)
        index = IdIndex.of(frame[self.id_column])
        if not index.unique:
            msg = f"the answers' {self.id_column} values are not unique"
            raise InvalidAnswersError(msg)
        keep = frame.select(pl.sum_horizontal(self.classes) >= 0).to_series().to_numpy()
        labels = [c for c in frame.columns if c != self.id_column]
        y_true = _matrix(frame.filter(keep), labels)
        if _type_of_target(y_true, "y_true") != "multilabel-indicator":
            msg = f"the answers' kept rows are not a 0/1 label matrix over {labels}"
            raise InvalidAnswersError(msg)
        columns = [np.ascontiguousarray(y_true[:, c]) for c in range(y_true.shape[1])]
        return IndexedLabels(index=index, keep=keep, y_true=columns)

    def score(self, submission: Table, answers: IndexedLabels) -> np.float64:
        if self.id_column not in submission.columns:
            msg = f"Submission is missing the column: {self.id_column}"
            raise InvalidSubmissionError(msg)
        missing = set(self.classes) - set(submission.columns)
        if missing:
            msg = f"Submission is missing the following columns: {missing}"
            raise InvalidSubmissionError(msg)
        if submission.height != answers.rows:
            msg = "Submission and answers have different lengths"
            raise AssertionError(msg)
        frame = submission.frame
        ids = frame[self.id_column]
        order = answers.index.order(ids)
        if order is not None:
            keep = answers.keep
        else:
            order = pandas_sort_indices(ids)
            keep = self._realigned_mask(ids[order], answers)
        rows = order[keep]
        # Column by column, only the numbers: the ids are never gathered.
        y_score = [_rows_as_array(frame[c], rows) for c in frame.columns if c != self.id_column]
        if any(column.dtype.kind == "O" for column in y_score):
            y_score = [column.astype(np.float64) for column in y_score]
        for column in y_score:
            check_finite(column)
        n_true = answers.y_true[0].shape[0] if answers.y_true else 0
        if rows.shape[0] != n_true:
            msg = (
                "Found input variables with inconsistent numbers of samples: "
                f"[{n_true}, {rows.shape[0]}]"
            )
            raise ValueError(msg)
        if rows.shape[0] == 0:
            msg = "Found array with 0 sample(s) (shape=(0, 0)) while a minimum of 1 is required."
            raise ValueError(msg)
        return columnwise_roc_auc_score(answers.y_true, y_score)

    @staticmethod
    def _realigned_mask(sorted_ids: pl.Series, answers: IndexedLabels) -> np.ndarray:
        """The keep mask as ``submission[mask]`` applies it when the submission's sorted index
        is not the answers' index: pandas reindexes the mask on the submission's ids, and any id
        the answers lack is "Unalignable"."""
        if not any_differ(sorted_ids, answers.index.ids):
            return answers.keep
        known = answers.index.ids
        sub_kind, ans_kind = kind(sorted_ids), kind(known)
        if sub_kind == "str" and ans_kind == "str":
            left, right = sorted_ids, known
        elif sub_kind != "str" and ans_kind != "str":
            left, right = sorted_ids.cast(pl.Float64), known.cast(pl.Float64)
        else:
            left = right = None
        if left is not None:
            positions = (
                pl.DataFrame({"id": left})
                .join(
                    pl.DataFrame({"id": right, "pos": np.arange(right.len())}),
                    on="id",
                    how="left",
                    maintain_order="left",
                )["pos"]
            )
            if positions.null_count() == 0:
                return answers.keep[positions.to_numpy()]
        msg = (
            "Unalignable boolean Series provided as indexer (index of the boolean Series and of "
            "the indexed object do not match)."
        )
        raise InvalidSubmissionError(msg)
