"""3d-object-detection-for-autonomous-vehicles: Lyft 3D mAP per sample, averaged.

The reference checks the row count ("Submission and answers must have the same length"), the
``Id`` and ``PredictionString`` columns, sorts both by ``Id`` and compares them position by
position, then ``fillna("")`` on the submission's predictions (a NaN answers cell stays NaN and
crashes). Each cell whose ``strip()`` is empty has no object; any other is ``split(" ")`` (single
spaces: a double or trailing space makes an empty token) into 9-token objects
``conf cx cy cz w l h yaw class`` — a count that is not a multiple of 9 is rejected ("Prediction
string must have 9 tokens per object, but got N tokens"), the eight numbers go through Python's
``float()`` (rejected if it refuses), the class is the ninth token as is; a number cell (no
``strip``) is rejected.

Per sample (sorted by Id) and IoU threshold 0.5, 0.55, ..., 0.95: the classes are the sorted
names of that sample's ground truth; a class without a prediction in the sample scores 0; else
its predictions, sorted by score descending (Python's stable ``sorted``; a NaN score makes that
order Python's own, reproduced by Python for those samples), each take their best ground truth
(``np.argmax``, first on ties) when the IoU is above the threshold and that box is unclaimed,
else count as false positives; AP is the area under the right-maximised precision at each
distinct recall (``np.sum`` order), the sample's mAP the ``np.mean`` over its classes. The
score is ``np.mean`` over every (sample, threshold): a ``numpy.float64``.
IoU: bird's-eye-view intersection of the rotated rectangles (shapely in the reference, convex
polygon clipping here: equal to rounding) times the height overlap, over the union of the
volumes, clipped to [0, 1]. Box3D rejects a box (only the ones it builds: predictions of a class
the sample has ground truth of, and that class's ground truth) with a NaN centre, size or yaw,
a size <= 0, or corners whose orthogonality check fails (infinite values).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.competitions.shared.sorted_answers import SortedAnswers, sorted_answers
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.boxes import lyft_sample_maps
from mlebench_fast.validation.answers import InvalidAnswersError, require_answer_columns
from mlebench_fast.validation.frames import kind
from mlebench_fast.validation.labels import Vocabulary
from mlebench_fast.validation.python_float import python_floats
from mlebench_fast.validation.python_text import TOKEN

ID, TARGET = "Id", "PredictionString"
WIDTH = 9
THRESHOLDS = np.array([0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95])


@dataclass(frozen=True, slots=True)
class Objects:
    offsets: np.ndarray
    names: pl.Series
    values: np.ndarray  # (n, 8): conf cx cy cz w l h yaw


def parse(cells: pl.Series) -> Objects | str:
    """Objects of string cells without nulls, or why the reference rejects them."""
    blank = ~cells.str.contains(TOKEN)
    lists = cells.str.split(" ")
    counts = lists.list.len().to_numpy().astype(np.int64)
    counts[blank.to_numpy()] = 0
    bad = np.flatnonzero(counts % WIDTH)
    if bad.size:
        return (
            f"Prediction string must have {WIDTH} tokens per object, "
            f"but got {counts[bad[0]]} tokens"
        )
    if blank.any():
        lists = pl.select(pl.when(blank).then(pl.lit([], dtype=pl.List(pl.String))).otherwise(lists)).to_series()
    offsets = np.zeros(counts.size + 1, dtype=np.int64)
    np.cumsum(counts // WIDTH, out=offsets[1:])
    tokens = lists.explode().drop_nulls()
    position = pl.int_range(tokens.len(), eager=True) % WIDTH
    numeric = tokens.filter(position != WIDTH - 1)
    values, failed = python_floats(numeric)
    if failed >= 0:
        return f"could not convert string to float: {numeric[failed]!r}"
    return Objects(offsets, tokens.filter(position == WIDTH - 1), values.reshape(-1, WIDTH - 1))


@dataclass(frozen=True, slots=True)
class PreparedAnswers:
    sorted: SortedAnswers
    boxes: Objects
    classes: Vocabulary
    codes: np.ndarray


def _prediction_order(objects: Objects, codes: np.ndarray) -> np.ndarray:
    """Per sample: predictions grouped by class code, each class by score descending as
    Python's stable ``sorted(reverse=True)`` orders them."""
    offsets = objects.offsets
    score = objects.values[:, 0]
    sample = np.repeat(np.arange(offsets.size - 1), np.diff(offsets))
    order = np.lexsort((-score, codes, sample)).astype(np.int64)
    nan = np.isnan(score)
    if nan.any():
        for s in np.unique(sample[nan]).tolist():
            lo, hi = int(offsets[s]), int(offsets[s + 1])
            keys = score.tolist()
            block = order[lo:hi]
            out = []
            for c in np.unique(codes[block]).tolist():
                members = [j for j in range(lo, hi) if codes[j] == c]
                out += sorted(members, key=keys.__getitem__, reverse=True)
            order[lo:hi] = out
    return order


class Lyft3DGrader:
    def prepare_answers(self, answers: Table) -> PreparedAnswers:
        require_answer_columns(answers, ID, TARGET)
        prepared = sorted_answers(answers, ID, TARGET)
        target = prepared.target
        if kind(target) != "str" or target.null_count():
            raise InvalidAnswersError("answers' PredictionString must be strings")
        boxes = parse(target.cast(pl.String))
        if isinstance(boxes, str):
            raise InvalidAnswersError(boxes)
        classes = Vocabulary.of(boxes.names.unique().sort())
        return PreparedAnswers(prepared, boxes, classes, classes.code(boxes.names))

    def score(self, submission: Table, answers: PreparedAnswers) -> np.float64:
        n = answers.sorted.ids.len()
        if submission.height != n:
            raise InvalidSubmissionError("Submission and answers must have the same length")
        if ID not in submission.columns:
            raise InvalidSubmissionError("Submission must have an 'Id' column")
        if TARGET not in submission.columns:
            raise InvalidSubmissionError("Submission must have a 'PredictionString' column")
        order = answers.sorted.index.order(submission.frame[ID])
        if order is not None:
            cells = submission.frame[TARGET].gather(order)
        else:
            frame, ids_match = answers.sorted.sort_submission(
                submission.frame.select(ID, TARGET), ID
            )
            if not ids_match:
                raise InvalidSubmissionError("Submission and answers must have the same ids")
            cells = frame[TARGET]
        if cells.null_count() == cells.len():
            cells = pl.Series(TARGET, [""] * cells.len(), dtype=pl.String)
        elif kind(cells) != "str":
            # fillna("") leaves numbers: they have no .strip(), a rejection.
            raise InvalidSubmissionError("PredictionString cells must be strings")
        preds = parse(cells.cast(pl.String).fill_null(""))
        if isinstance(preds, str):
            raise InvalidSubmissionError(preds)
        truth = answers.boxes
        p_codes = answers.classes.code(preds.names)
        g = truth.values
        p = preds.values
        maps = lyft_sample_maps(
            truth.offsets, answers.codes, *(np.ascontiguousarray(g[:, i]) for i in range(1, 8)),
            preds.offsets, _prediction_order(preds, p_codes), p_codes,
            *(np.ascontiguousarray(p[:, i]) for i in range(1, 8)),
            THRESHOLDS,
        )
        if maps.size and maps[0, 0] == -np.inf:
            raise InvalidSubmissionError("a box failed Box3D's checks (NaN, size <= 0 or corners)")
        return np.mean(maps.ravel())


GRADER = Lyft3DGrader()
