"""kuzushiji-recognition: micro F1 of predicted character centres against labelled boxes.

The reference checks the row count ("Submission has N rows, but expected M rows."), then the
``image_id``/``labels`` columns, sorts both files by ``image_id`` and compares them position by
position. Every non-NaN ``labels`` cell must be a ``str`` (a float/int/bool cell has no ``split``: the
reference crashes, a rejection) whose ``split(" ")`` has a multiple of 3 tokens, with every X and Y
token accepted by Python's ``float()`` ("nan", "inf", "1_0", non-ASCII digits are numbers; an empty
token from a double space is not). Then per page, each ground-truth box in order claims the first
unused prediction of the same label whose point is *strictly* inside it (NaN points never are);
unclaimed boxes are false negatives and unclaimed predictions false positives. The totals give
micro F1; a page without ground truth makes every prediction a false positive, whatever its tokens.
``tp + fp == 0`` or ``tp + fn == 0`` or a zero precision/recall give 0. Returns a Python float.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.competitions.shared.sorted_answers import SortedAnswers, sorted_answers
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.boxes import point_in_box_counts
from mlebench_fast.validation.answers import InvalidAnswersError, require_answer_columns
from mlebench_fast.validation.frames import kind
from mlebench_fast.validation.python_float import python_floats

ID, TARGET = "image_id", "labels"


def _split(cells: pl.Series, width: int) -> tuple[pl.Series, np.ndarray, np.ndarray]:
    """``cell.split(" ")`` of every cell as flat tokens, per-row offsets in objects of ``width``
    tokens, and the rows whose token count is not a multiple of ``width`` (nulls are empty)."""
    lists = cells.str.split(" ")
    counts = lists.list.len().fill_null(0).to_numpy().astype(np.int64)
    bad = np.flatnonzero(counts % width)
    offsets = np.zeros(counts.size + 1, dtype=np.int64)
    np.cumsum(counts // width, out=offsets[1:])
    return lists.explode().drop_nulls(), offsets, bad


@dataclass(frozen=True, slots=True)
class Objects:
    offsets: np.ndarray
    labels: pl.Series
    coords: list[np.ndarray]


@dataclass(frozen=True, slots=True)
class PreparedAnswers:
    sorted: SortedAnswers
    boxes: Objects


def _code_labels(a: pl.Series, b: pl.Series) -> tuple[np.ndarray, np.ndarray]:
    codes = pl.concat([a, b]).cast(pl.Categorical).to_physical().to_numpy().astype(np.int64)
    return codes[: a.len()], codes[a.len() :]


@dataclass(frozen=True, slots=True)
class KuzushijiF1Grader:
    def prepare_answers(self, answers: Table) -> PreparedAnswers:
        require_answer_columns(answers, ID, TARGET)
        prepared = sorted_answers(answers, ID, TARGET)
        if kind(prepared.target) != "str" and prepared.target.null_count() != prepared.target.len():
            raise InvalidAnswersError("answers' labels must be strings")
        target = prepared.target.cast(pl.String)
        tokens, offsets, bad = _split(target, 5)
        if bad.size:
            raise InvalidAnswersError("Malformed solution string")
        fields = [tokens.gather_every(5, i) for i in range(5)]
        numbers = []
        for f in fields[1:]:
            values, failed = python_floats(f)
            if failed >= 0:
                raise InvalidAnswersError(f"answers' box values must be numbers: {f[failed]!r}")
            numbers.append(values)
        x0, y0, w, h = numbers
        return PreparedAnswers(prepared, Objects(offsets, fields[0], [x0, y0, x0 + w, y0 + h]))

    def score(self, submission: Table, answers: PreparedAnswers) -> float:
        n = answers.sorted.ids.len()
        if submission.height != n:
            msg = f"Submission has {submission.height} rows, but expected {n} rows."
            raise InvalidSubmissionError(msg)
        if not {ID, TARGET}.issubset(submission.columns):
            raise InvalidSubmissionError("Submission must have columns 'image_id' and 'labels'.")
        order = answers.sorted.index.order(submission.frame[ID])
        if order is not None:
            cells = submission.frame[TARGET].gather(order)
        else:
            frame, ids_match = answers.sorted.sort_submission(submission.frame.select(ID, TARGET), ID)
            if not ids_match:
                raise InvalidSubmissionError("Submission image_id codes don't match solution.")
            cells = frame[TARGET]
        if cells.null_count() == cells.len():
            cells = pl.Series(TARGET, [None] * cells.len(), dtype=pl.String)
        elif kind(cells) != "str":
            # The reference calls .split on a number or bool: AttributeError, a rejection.
            raise InvalidSubmissionError(f"Malformed prediction string: {cells.drop_nulls()[0]}")
        tokens, offsets, bad = _split(cells, 3)
        if bad.size:
            raise InvalidSubmissionError(f"Malformed prediction string: {cells[int(bad[0])]}")
        labels = tokens.gather_every(3, 0)
        xs, failed_x = python_floats(tokens.gather_every(3, 1))
        ys, failed_y = python_floats(tokens.gather_every(3, 2))
        if failed_x >= 0 or failed_y >= 0:
            first = min(i for i in (failed_x, failed_y) if i >= 0)
            row = int(np.searchsorted(offsets, first, side="right") - 1)
            raise InvalidSubmissionError(f"X and Y values must be floats: {cells[row]}")
        boxes = answers.boxes
        t_codes, p_codes = _code_labels(boxes.labels, labels)
        tp, fp, fn = point_in_box_counts(
            boxes.offsets, t_codes, *boxes.coords[:2], *boxes.coords[2:], offsets, p_codes, xs, ys
        )
        if tp + fp == 0 or tp + fn == 0:
            return 0.0
        precision = tp / (tp + fp)
        recall = tp / (tp + fn)
        if precision > 0 and recall > 0:
            return float((2 * precision * recall) / (precision + recall))
        return 0.0


GRADER = KuzushijiF1Grader()
