"""nfl-player-contact-detection: scikit-learn's Matthews correlation of ``contact``.

The reference checks the columns, that the *sets* of ``contact_id`` are equal, then the row count,
sorts both files by ``contact_id`` and calls ``matthews_corrcoef(answers.contact, sub.contact)``
(ids are not compared again: with unique answer ids, equal sets and lengths make the submission a
permutation). scikit-learn rejects NaN and non-integral floats; MCC returns ``numpy.float64``, or
the Python ``float`` 0.0 when a side is constant.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.classification import matthews_corrcoef
from mlebench_fast.validation.alignment import IdIndex
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import pandas_sort_indices, same_set, sort_table
from mlebench_fast.validation.pandas_values import pandas_values

ID, TARGET = "contact_id", "contact"


@dataclass(frozen=True, slots=True)
class Prepared:
    index: IdIndex
    y_true: np.ndarray


@dataclass(frozen=True, slots=True)
class ContactGrader:
    def prepare_answers(self, answers: Table) -> Prepared:
        require_answer_columns(answers, ID, TARGET)
        frame = sort_table(answers, ID)
        return Prepared(IdIndex.of(frame[ID]), pandas_values(frame[TARGET]))

    def score(self, submission: Table, answers: Prepared) -> float | np.float64:
        if not {ID, TARGET} <= set(submission.columns):
            msg = "Submission must have columns: contact_id, contact"
            raise InvalidSubmissionError(msg)
        ids = submission.frame[ID]
        # A permutation of the answers' unique ids passes both checks below.
        order = answers.index.order(ids)
        if order is None:
            if not same_set(ids, answers.index.ids):
                msg = "Submission contact_id's inconsistent with answers contact_id's"
                raise InvalidSubmissionError(msg)
            n, m = submission.height, answers.y_true.shape[0]
            if n != m:
                msg = (
                    "Submission and answers have different lengths: submission has "
                    f"{n} samples, answers has {m} samples"
                )
                raise InvalidSubmissionError(msg)
            order = pandas_sort_indices(ids)
        y_pred = pandas_values(submission.frame[TARGET])[order]
        return matthews_corrcoef(answers.y_true, y_pred)


GRADER = ContactGrader()
