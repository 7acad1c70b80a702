"""freesound-audio-tagging-2019: label-weighted LRAP over the 80 classes.

The reference checks the row count, that the first column is ``fname`` and that the others are
exactly the 80 class names in order (another count raises pandas' "Lengths must match"), sorts both
files by ``fname`` and compares them, converts every prediction column with ``pd.to_numeric``
(a non-number is rejected), then scores with scikit-learn's
``label_ranking_average_precision_score`` weighted by each clip's number of labels, over the
clips that have labels only: a NaN / infinite prediction is rejected only on those rows.
Returns a ``numpy.float64``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.ranking_lrap import label_ranking_average_precision_score
from mlebench_fast.validation.alignment import IdIndex, sort_and_match
from mlebench_fast.validation.answers import InvalidAnswersError
from mlebench_fast.validation.frames import kind, sort_table
from mlebench_fast.validation.pandas_values import pandas_values

ID = "fname"
CLASS_NAMES = tuple(Path(__file__).with_name("freesound_classes.txt").read_text().split())


@dataclass(frozen=True, slots=True)
class Prepared:
    index: IdIndex
    rows: np.ndarray  # sorted positions of clips with at least one label
    truth: np.ndarray  # their labels, bool
    weights: np.ndarray  # their numbers of labels


def _numeric(column: pl.Series) -> np.ndarray:
    """``pd.to_numeric(column)`` as float64 (ValueError for a string that is not a number)."""
    if kind(column) in ("int", "float", "bool"):
        return column.cast(pl.Float64).fill_null(float("nan")).to_numpy()
    values = pandas_values(column)
    try:
        return values.astype(np.float64)
    except (TypeError, ValueError) as exc:
        msg = f"Error converting submission values to float: {exc}"
        raise InvalidSubmissionError(msg) from exc


@dataclass(frozen=True, slots=True)
class FreesoundGrader:
    def prepare_answers(self, answers: Table) -> Prepared:
        if answers.columns[:1] != [ID] or tuple(answers.columns[1:]) != CLASS_NAMES:
            msg = "Answers must have an 'fname' column and the 80 classes"
            raise InvalidAnswersError(msg)
        frame = sort_table(answers, ID)
        truth = frame.select(CLASS_NAMES).to_numpy() > 0
        weights = truth.sum(axis=1)
        rows = np.flatnonzero(weights > 0)
        return Prepared(IdIndex.of(frame[ID]), rows, truth[rows], weights[rows])

    def score(self, submission: Table, answers: Prepared) -> np.float64:
        if submission.height != answers.index.ids.len():
            msg = "Submission and answers must have the same length"
            raise InvalidSubmissionError(msg)
        columns = submission.columns
        if not columns or columns[0] != ID:
            msg = "Submission must have an 'fname' column"
            raise InvalidSubmissionError(msg)
        if len(columns) - 1 != len(CLASS_NAMES):
            msg = "Lengths must match to compare"
            raise ValueError(msg)
        if tuple(columns[1:]) != CLASS_NAMES:
            msg = "Submission classes do not match expected classes"
            raise InvalidSubmissionError(msg)
        frame, matched = sort_and_match(submission.frame, ID, answers.index)
        if not matched:
            msg = "Submission and answers must have the same ids"
            raise InvalidSubmissionError(msg)
        scores = np.empty((answers.rows.shape[0], len(CLASS_NAMES)), dtype=np.float64)
        for j, name in enumerate(CLASS_NAMES):
            scores[:, j] = _numeric(frame[name])[answers.rows]
        return label_ranking_average_precision_score(answers.truth, scores, answers.weights)


GRADER = FreesoundGrader()
