"""learning-agency-lab-automated-essay-scoring-2: quadratic weighted kappa of ``score``.

The reference checks the columns and emptiness, sorts both files by ``essay_id``, rejects when
``(sub.values != answers.values).any()`` (no length check: numpy's broadcast error rejects other
lengths, a one-row file broadcasts and differs) and calls
``cohen_kappa_score(y_pred, y_true, weights="quadratic")``; scikit-learn's checks decide the rest
(NaN, non-integral floats, strings mixed with numbers).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.classification import cohen_kappa_score
from mlebench_fast.validation.alignment import IdIndex, sort_and_match
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import sort_table
from mlebench_fast.validation.sklearn_targets import check_targets, check_unique_labels

ID, TARGET = "essay_id", "score"


@dataclass(frozen=True, slots=True)
class Prepared:
    index: IdIndex
    target: pl.Series


def _labels(series: pl.Series) -> np.ndarray:
    if series.dtype == pl.String:
        return np.asarray(series.to_list(), dtype=object)
    return series.cast(pl.Float64).to_numpy()


@dataclass(frozen=True, slots=True)
class EssayScoringGrader:
    def prepare_answers(self, answers: Table) -> Prepared:
        require_answer_columns(answers, TARGET, ID)
        frame = sort_table(answers, ID)
        return Prepared(IdIndex.of(frame[ID]), frame[TARGET])

    def score(self, submission: Table, answers: Prepared) -> np.float64:
        if TARGET not in submission.columns:
            msg = f"Submission must contain the target column '{TARGET}'"
            raise InvalidSubmissionError(msg)
        if ID not in submission.columns:
            msg = f"Submission must contain the id column '{ID}'"
            raise InvalidSubmissionError(msg)
        if submission.height == 0:
            msg = "Submission DataFrame should not be empty"
            raise InvalidSubmissionError(msg)
        frame, matched = sort_and_match(submission.frame, ID, answers.index, columns=[TARGET])
        if not matched:
            msg = "Submission must contain the same ids as the answers"
            raise InvalidSubmissionError(msg)
        y_pred = frame[TARGET]
        check_targets(y_pred, answers.target)
        check_unique_labels(y_pred, answers.target)
        return cohen_kappa_score(_labels(y_pred), _labels(answers.target), weights="quadratic")


GRADER = EssayScoringGrader()
