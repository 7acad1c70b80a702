"""alaska2-image-steganalysis: weighted ROC AUC (TPR 0-0.4 weight 2, 0.4-1 weight 1) with the
TPR thresholds inserted into the curve (:mod:`mlebench_fast.kernels.weighted_auc`).

The reference checks the row count first, then the ``Id`` and ``Label`` columns, sorts both files
by ``Id`` and compares them elementwise, converts ``Label`` with ``astype(float)`` (text that
Python's ``float`` cannot read rejects; bools become 0/1), rejects NaN, and leaves infinity to
``roc_curve``, which fails on it. Scores are not range-checked: any finite numbers rank.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mlebench_fast.competitions.shared.sorted_answers import SortedAnswers, sorted_answers
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.weighted_auc import alaska_weighted_auc
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import kind
from mlebench_fast.validation.pandas_values import float64_values


@dataclass(frozen=True, slots=True)
class _Answers:
    sorted: SortedAnswers
    labels: np.ndarray


@dataclass(frozen=True, slots=True)
class AlaskaWeightedAuc:
    def prepare_answers(self, answers: Table) -> _Answers:
        require_answer_columns(answers, "Id", "Label")
        prepared = sorted_answers(answers, "Id", "Label")
        labels = prepared.target.cast(float).to_numpy()
        return _Answers(sorted=prepared, labels=labels)

    def score(self, submission: Table, answers: _Answers) -> np.float64:
        if submission.height != answers.labels.shape[0]:
            msg = "Submission and answers must have the same length"
            raise InvalidSubmissionError(msg)
        if "Id" not in submission.columns:
            msg = "Submission must have an 'Id' column"
            raise InvalidSubmissionError(msg)
        if "Label" not in submission.columns:
            msg = "Submission must have a 'Label' column"
            raise InvalidSubmissionError(msg)
        frame, ids_match = answers.sorted.sort_submission(submission.frame, "Id", columns=["Label"])
        if not ids_match:
            msg = "Submission and answers must have the same ids"
            raise InvalidSubmissionError(msg)
        label = frame["Label"]
        if kind(label) == "str":
            try:
                # Series.astype(float) on text: Python's float() per cell (malformed files only).
                y_pred = np.asarray(label.to_list(), dtype=object).astype(np.float64)
            except ValueError:
                msg = "Labels in submission must be numbers"
                raise InvalidSubmissionError(msg) from None
        else:
            y_pred = float64_values(label)
        if np.isnan(y_pred).any():
            msg = "Submission cannot contain NaNs"
            raise InvalidSubmissionError(msg)
        return alaska_weighted_auc(answers.labels, y_pred)


GRADER = AlaskaWeightedAuc()
