"""kuzushiji-recognition: micro F1 of predicted character centres against labelled boxes.

The reference checks the row count ("Submission has N rows, but expected M rows."), then the
``image_id``/``labels`` columns, sorts both files by ``image_id`` and compares them position by
position. Every non-NaN ``labels`` cell must be a ``str`` (a float/int/bool cell has no ``split``: the
reference crashes, a rejection) whose ``split(" ")`` has a multiple of 3 tokens, with every X and Y
token accepted by Python's ``float()`` ("nan", "inf", "1_0", non-ASCII digits are numbers; an empty
token from a double space is not). Then per page, each ground-truth box in order claims the first
unused prediction of the same label whose point is *strictly* inside it (NaN points never are;
labels compare as the reference's numpy str arrays do, trailing NUL characters ignored);
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
from mlebench_fast.kernels.prediction_strings import label_index, parse_objects, point_in_box_counts
from mlebench_fast.validation.answers import InvalidAnswersError, require_answer_columns
from mlebench_fast.validation.frames import kind

ID, TARGET = "image_id", "labels"


@dataclass(frozen=True, slots=True)
class PreparedAnswers:
    sorted: SortedAnswers
    labels: object  # LabelIndex of the answers' labels (trailing NULs dropped, as numpy does)
    offsets: np.ndarray
    codes: np.ndarray
    corners: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # x0, y0, x1, y1


@dataclass(frozen=True, slots=True)
class KuzushijiF1Grader:
    def prepare_answers(self, answers: Table) -> PreparedAnswers:
        require_answer_columns(answers, ID, TARGET)
        prepared = sorted_answers(answers, ID, TARGET)
        if kind(prepared.target) != "str" and prepared.target.null_count() != prepared.target.len():
            raise InvalidAnswersError("answers' labels must be strings")
        labels = label_index(strip_nul=True)
        boxes = parse_objects(
            prepared.target.cast(pl.String), labels, 5, python_split=False, grow=True
        )
        if boxes.bad_row >= 0:
            raise InvalidAnswersError("Malformed solution string")
        if boxes.fail_row >= 0:
            raise InvalidAnswersError(f"answers' box values must be numbers: {boxes.fail_token!r}")
        x0, y0, w, h = boxes.values
        return PreparedAnswers(prepared, labels, boxes.offsets, boxes.codes, (x0, y0, x0 + w, y0 + h))

    def score(self, submission: Table, answers: PreparedAnswers) -> float:
        n = answers.sorted.ids.len()
        if submission.height != n:
            msg = f"Submission has {submission.height} rows, but expected {n} rows."
            raise InvalidSubmissionError(msg)
        if not {ID, TARGET}.issubset(submission.columns):
            raise InvalidSubmissionError("Submission must have columns 'image_id' and 'labels'.")
        # Cell r of the sorted submission is cells[rows[r]] (no gather of the long strings).
        rows = answers.sorted.index.order(submission.frame[ID])
        if rows is not None:
            cells = submission.frame[TARGET]
        else:
            frame, ids_match = answers.sorted.sort_submission(submission.frame.select(ID, TARGET), ID)
            if not ids_match:
                raise InvalidSubmissionError("Submission image_id codes don't match solution.")
            cells = frame[TARGET]

        def cell(r: int) -> object:
            return cells[int(rows[r]) if rows is not None else r]

        if cells.null_count() == cells.len():
            return 0.0  # no prediction anywhere: tp + fp == 0
        if kind(cells) != "str":
            # The reference calls .split on a number or bool: AttributeError, a rejection.
            first = next(r for r in range(cells.len()) if cell(r) is not None)
            raise InvalidSubmissionError(f"Malformed prediction string: {cell(first)}")
        points = parse_objects(
            cells.cast(pl.String), answers.labels, 3, python_split=False, rows=rows
        )
        if points.bad_row >= 0:
            raise InvalidSubmissionError(f"Malformed prediction string: {cell(points.bad_row)}")
        if points.fail_row >= 0:
            raise InvalidSubmissionError(f"X and Y values must be floats: {cell(points.fail_row)}")
        xs, ys = points.values
        tp, fp, fn = point_in_box_counts(
            answers.offsets, answers.codes, *answers.corners,
            points.offsets, points.codes, xs, ys, len(answers.labels),
        )
        if tp + fp == 0 or tp + fn == 0:
            return 0.0
        precision = tp / (tp + fp)
        recall = tp / (tp + fn)
        if precision > 0 and recall > 0:
            return float((2 * precision * recall) / (precision + recall))
        return 0.0


GRADER = KuzushijiF1Grader()
