"""dog-breed-identification: multi-class log loss over 120 breed-probability columns.

The reference checks columns, length, row sums (``np.isclose(sum, 1, atol=1e-6)``, so up to
~1.1e-5 away passes), the [0, 1] range, then sorts by ``id`` and calls scikit-learn's
``log_loss`` on the answers' one-hot matrix without renormalising first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.classification import log_loss
from mlebench_fast.validation.alignment import IdIndex, sort_and_match
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import kind, sort_table
from mlebench_fast.validation.probabilities import row_sums_close_to_one, within_unit_interval

BREEDS: tuple[str, ...] = tuple(
    (Path(__file__).with_name("dog_breeds.txt")).read_text().split()
)
ID = "id"


@dataclass(frozen=True, slots=True)
class OneHotAnswers:
    index: IdIndex
    columns: tuple[str, ...]
    one_hot: np.ndarray


@dataclass(frozen=True, slots=True)
class DogBreedGrader:
    def prepare_answers(self, answers: Table) -> OneHotAnswers:
        require_answer_columns(answers, ID, *BREEDS)
        frame = sort_table(answers, ID)
        columns = tuple(c for c in frame.columns if c != ID)
        return OneHotAnswers(
            index=IdIndex.of(frame[ID]), columns=columns, one_hot=frame.select(columns).to_numpy()
        )

    def score(self, submission: Table, answers: OneHotAnswers) -> float:
        if not all(breed in submission.columns for breed in BREEDS):
            msg = f"Submission must have columns for all dogs: {list(BREEDS)}"
            raise InvalidSubmissionError(msg)
        if ID not in submission.columns:
            msg = "Submission must have an `id` column"
            raise InvalidSubmissionError(msg)
        if submission.height != answers.index.ids.len():
            msg = "Submission should be the same length as the answers"
            raise InvalidSubmissionError(msg)
        probabilities = [submission.frame[breed] for breed in BREEDS]
        if not row_sums_close_to_one(probabilities, atol=1e-6):
            msg = "Dog probabilities in each row in submission should sum to one, as probabilities."
            raise InvalidSubmissionError(msg)
        if not within_unit_interval(probabilities):
            msg = "All probabilities in submission DataFrame must be between 0 and 1."
            raise InvalidSubmissionError(msg)
        missing = set(answers.columns) - set(submission.columns)
        if missing:
            msg = (
                "The submission DataFrame is missing some columns required by the `answers` "
                f"DataFrame. Missing columns: {missing}."
            )
            raise InvalidSubmissionError(msg)
        frame, ids_match = sort_and_match(submission.frame, ID, answers.index)
        if not ids_match:
            msg = (
                "Mismatch in Ids between `submission` and `answers` after sorting. "
                "Ensure both DataFrames have the same Ids."
            )
            raise AssertionError(msg)
        y_pred = frame.select(
            pl.col(c).cast(pl.Float64) if kind(frame[c]) != "str" else pl.col(c)
            for c in answers.columns
        ).to_numpy()
        return log_loss(answers.one_hot, y_pred)


GRADER = DogBreedGrader()
