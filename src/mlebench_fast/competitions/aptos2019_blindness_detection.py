"""aptos2019-blindness-detection: quadratic weighted kappa of ``diagnosis``.

The reference compares the *sets* of ``id_code`` (not the sorted columns), sorts both files by
``id_code`` and calls ``cohen_kappa_score(y_pred, y_true, weights="quadratic")``; scikit-learn's
own checks then decide the rest (length, label types).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.competitions.shared.sorted_answers import SortedAnswers, sorted_answers
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.classification import cohen_kappa_score
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import same_set, sort_table
from mlebench_fast.validation.sklearn_targets import check_targets, check_unique_labels

ID, TARGET = "id_code", "diagnosis"


def _labels(series: pl.Series) -> np.ndarray:
    if series.dtype == pl.String:
        return np.asarray(series.to_list(), dtype=object)
    return series.cast(pl.Float64).to_numpy()


@dataclass(frozen=True, slots=True)
class KappaGrader:
    def prepare_answers(self, answers: Table) -> SortedAnswers:
        require_answer_columns(answers, TARGET, ID)
        return sorted_answers(answers, ID, TARGET)

    def score(self, submission: Table, answers: SortedAnswers) -> float:
        if TARGET not in submission.columns:
            msg = f"Submission must contain the target column '{TARGET}'"
            raise InvalidSubmissionError(msg)
        if submission.height == 0:
            msg = "Submission DataFrame should not be empty"
            raise InvalidSubmissionError(msg)
        if ID not in submission.columns:
            raise KeyError(ID)
        order = answers.index.order(submission.frame[ID])
        if order is None:
            if not same_set(submission.frame[ID], answers.ids):
                msg = "Submission must have the same id_codes as answers"
                raise InvalidSubmissionError(msg)
            y_pred = sort_table(submission, ID)[TARGET]
        else:  # the same ids, each once: sorting places row order[k] at k
            y_pred = submission.frame[TARGET][order]
        # cohen_kappa_score(y1=y_pred, y2=y_true): confusion_matrix checks them in that order.
        check_targets(y_pred, answers.target)
        check_unique_labels(y_pred, answers.target)
        return cohen_kappa_score(_labels(y_pred), _labels(answers.target), weights="quadratic")


GRADER = KappaGrader()
