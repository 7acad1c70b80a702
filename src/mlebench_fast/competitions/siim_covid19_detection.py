"""siim-covid19-detection: mean over the answers' classes of scikit-learn's average precision.

The reference checks the row count ("Submission and answers must have the same length"), the
``id`` and ``PredictionString`` columns, sorts both files by ``id`` and compares them position by
position. Every cell is parsed with ``s.strip().split()`` (any Python whitespace) into objects of
6 tokens ``label conf x0 y0 x1 y1``, each number through Python's ``float()``: a NaN cell or a
number column has no ``strip`` (rejected), a token count that is not a multiple of 6 runs out of
tokens (IndexError, rejected), a token ``float()`` refuses is rejected.

The classes are the sorted distinct labels of the answers; other predicted labels are ignored.
For each class and each row (in sorted id order): the row's predictions are sorted by confidence,
descending and stable (Python's ``list.sort(reverse=True)``, repeated in place for every class,
so a NaN confidence permutes the row differently class after class: those rows are sorted by
Python itself); each prediction of the class takes the still unmatched ground-truth box of the
class with the largest IoU above 0.5 (plain-Python IoU, see
:func:`mlebench_fast.kernels.boxes.python_box_iou`) -> (1, conf), or gives (0, conf);
unmatched boxes add (1, 0); a row with neither adds (0, 0). A class whose pairs are all
positives fails the reference's assert (rejected); a non-finite confidence of a class reaches
scikit-learn's finiteness check (rejected). The score is ``np.mean`` of the per-class APs, a
``numpy.float64`` (a Python ``0.0`` when the answers hold no object at all). Every class of the
answers has a positive pair, so scikit-learn's no-positive branch is never reached here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.competitions.shared.sorted_answers import SortedAnswers, sorted_answers
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.csv import read_text_columns
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.boxes import greedy_match_score_groups, row_descending_order
from mlebench_fast.kernels.precision_recall import sorted_group_average_precisions
from mlebench_fast.kernels.prediction_strings import label_index, parse_objects
from mlebench_fast.kernels.strings import StringViews
from mlebench_fast.validation.answers import InvalidAnswersError, require_answer_columns
from mlebench_fast.validation.frames import kind

ID, TARGET = "id", "PredictionString"
WIDTH = 6


@dataclass(frozen=True, slots=True)
class Objects:
    """Flat objects of every row: offsets per row, class codes, confidence, corners."""

    offsets: np.ndarray
    codes: np.ndarray
    conf: np.ndarray
    corners: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def parse(
    cells: pl.Series | StringViews,
    classes: object,
    rows: np.ndarray | None = None,
    grow: bool = False,
) -> Objects | str:
    """The objects of string cells without nulls (cell ``r`` is ``cells[rows[r]]``), labels
    coded by ``classes`` (-1: not a class), or why the reference's parser fails."""
    parsed = parse_objects(cells, classes, WIDTH, python_split=True, rows=rows, grow=grow)
    if parsed.bad_row >= 0:
        return "list index out of range"
    if parsed.fail_row >= 0:
        token = parsed.fail_token
        return f"Could not parse PredictionString: could not convert string to float: {token!r}"
    conf, x0, y0, x1, y1 = parsed.values
    return Objects(parsed.offsets, parsed.codes, conf, (x0, y0, x1, y1))


@dataclass(frozen=True, slots=True)
class PreparedAnswers:
    sorted: SortedAnswers
    boxes: Objects
    classes: object  # LabelIndex of the answers' sorted distinct labels


# Each row's predictions by confidence, descending, for every class: the matching kernel sorts them.
_SHARED_ORDER = np.empty((0, 0), dtype=np.int64)


def _row_orders(objects: Objects, n_classes: int) -> np.ndarray:
    """Positions of each row's predictions after the reference's in-place sorts: one order per
    class when a confidence is NaN, else ``_SHARED_ORDER``."""
    conf = objects.conf
    nan = np.isnan(conf)
    if n_classes == 0 or not nan.any():
        return _SHARED_ORDER
    base = row_descending_order(objects.offsets, conf)
    rows = np.repeat(np.arange(objects.offsets.size - 1), np.diff(objects.offsets))
    nan_rows = np.unique(rows[nan])
    order = np.tile(base, (n_classes, 1))
    for r in nan_rows.tolist():
        lo, hi = int(objects.offsets[r]), int(objects.offsets[r + 1])
        keys = conf[lo:hi].tolist()
        current = list(range(lo, hi))
        for c in range(n_classes):
            current.sort(key=lambda j: keys[j - lo], reverse=True)
            order[c, lo:hi] = current
    return order


@dataclass(frozen=True, slots=True)
class SiimCovidGrader:
    def prepare_answers(self, answers: Table) -> PreparedAnswers:
        require_answer_columns(answers, ID, TARGET)
        prepared = sorted_answers(answers, ID, TARGET)
        target = prepared.target
        if kind(target) != "str" or target.null_count():
            raise InvalidAnswersError("answers' PredictionString must be strings")
        seen = label_index()
        boxes = parse(target.cast(pl.String), seen, grow=True)
        if isinstance(boxes, str):
            raise InvalidAnswersError(boxes)
        # Classes in Python's sorted() order, coded by position.
        names = [label.decode() for label in seen.labels()]
        classes = label_index(sorted(names))
        recode = np.array([classes.code(name) for name in names], dtype=np.int64)
        boxes = Objects(boxes.offsets, recode[boxes.codes], boxes.conf, boxes.corners)
        return PreparedAnswers(prepared, boxes, classes)

    def score_file(self, path: str | os.PathLike[str], answers: PreparedAnswers) -> float | np.float64 | None:
        """:meth:`score` of the file at ``path`` with its two columns read straight into string
        views, or None (a file or ids of any other shape): :meth:`score` then reads the Table
        and decides. On a submission of the answers' ids that skips building a Polars frame,
        which costs a fifth of such a grade."""
        read = read_text_columns(path, (ID, TARGET))
        if read is None:
            return None
        height, (ids, cells) = read
        if height != answers.sorted.ids.len():
            return None
        rows = answers.sorted.index.order_of_views(ids)
        if rows is None:
            return None
        return _score_cells(cells, rows, answers)

    def score(self, submission: Table, answers: PreparedAnswers) -> float | np.float64:
        n = answers.sorted.ids.len()
        if submission.height != n:
            raise InvalidSubmissionError("Submission and answers must have the same length")
        if ID not in submission.columns:
            raise InvalidSubmissionError("Submission must have an 'Id' column")
        if TARGET not in submission.columns:
            raise InvalidSubmissionError("Submission must have a 'PredictionString' column")
        # Cell r of the sorted submission is cells[rows[r]] (no gather of the strings).
        rows = answers.sorted.index.order(submission.frame[ID])
        if rows is not None:
            cells = submission.frame[TARGET]
        else:
            frame, ids_match = answers.sorted.sort_submission(
                submission.frame.select(ID, TARGET), ID
            )
            if not ids_match:
                raise InvalidSubmissionError("Submission and answers must have the same ids")
            cells = frame[TARGET]
        if kind(cells) != "str" or cells.null_count():
            # NaN or a number has no .strip(): AttributeError, a rejection.
            raise InvalidSubmissionError("PredictionString cells must be strings")
        if cells.dtype != pl.String:
            cells = cells.cast(pl.String)
        return _score_cells(cells, rows, answers)


def _score_cells(
    cells: pl.Series | StringViews, rows: np.ndarray | None, answers: PreparedAnswers
) -> float | np.float64:
    """The score of the submission's PredictionString cells (cell ``r`` of the sorted
    submission is ``cells[rows[r]]``; in order without ``rows``)."""
    preds = parse(cells, answers.classes, rows)
    if isinstance(preds, str):
        raise InvalidSubmissionError(preds)
    n_classes = len(answers.classes)
    if n_classes == 0:
        return 0.0
    truth = answers.boxes
    pos, pos_off, pos_n, neg, neg_off, neg_n, zero_pos, zero_neg, nonfinite = (
        greedy_match_score_groups(
            truth.offsets, truth.codes, *truth.corners,
            preds.offsets, preds.codes, preds.conf, *preds.corners,
            _row_orders(preds, n_classes), n_classes, 0.5,
        )
    )
    # The reference's checks, class by class: its assert, then scikit-learn's finiteness.
    for negatives, zero_negatives, bad in zip(
        neg_n.tolist(), zero_neg.tolist(), nonfinite.tolist()
    ):
        if negatives == 0 and zero_negatives == 0:
            raise InvalidSubmissionError(
                "y_true is all 1s; this shouldn't happen and will result in undefined AP"
            )
        if bad:
            raise InvalidSubmissionError("Input contains NaN or infinity.")
    # numpy's sort per class (vectorised: Numba's own sort takes 8x as long); the curves are
    # merged in the kernel.
    for lo, n in zip(pos_off[:-1].tolist(), pos_n.tolist()):
        pos[lo : lo + n].sort()
    for lo, n in zip(neg_off[:-1].tolist(), neg_n.tolist()):
        neg[lo : lo + n].sort()
    aps = sorted_group_average_precisions(
        pos, pos_off, pos_n, neg, neg_off, neg_n, zero_pos, zero_neg
    )
    # np.mean's own steps (pairwise add.reduce, then one division): the same float64.
    return aps.sum() / n_classes


GRADER = SiimCovidGrader()
