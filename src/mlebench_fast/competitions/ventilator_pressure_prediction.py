"""ventilator-pressure-prediction: MAE of ``pressure`` on the answers' inspiratory rows (u_out == 0).

The reference checks the columns and the row count, sorts both files by ``id`` and rejects
unless the sorted id columns are equal elementwise (numpy ``!=``: 1 equals 1.0, a string never
equals a number). It then keeps the answers rows with ``u_out == 0`` and the submission rows whose
id is among theirs; with the ids already equal, those are the same positions of the sorted files.
Only the kept predictions reach scikit-learn's ``mean_absolute_error``: a NaN or a word in an
expiratory row is never looked at, while numeric strings convert through ``float()``. The score
is a ``numpy.float64``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.regression import mean_absolute_error
from mlebench_fast.validation.alignment import IdIndex, sort_and_match
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import pandas_sort_indices
from mlebench_fast.validation.pandas_values import as_float_array

ID, TARGET = "id", "pressure"


@dataclass(frozen=True, slots=True)
class Prepared:
    index: IdIndex
    kept: np.ndarray  # positions in the id-sorted answers with u_out == 0
    y_true: np.ndarray  # their pressures


@dataclass(frozen=True, slots=True)
class VentilatorGrader:
    def prepare_answers(self, answers: Table) -> Prepared:
        require_answer_columns(answers, ID, TARGET, "u_out")
        frame = answers.frame[pandas_sort_indices(answers.frame[ID])]
        kept = np.flatnonzero((frame["u_out"].cast(pl.Float64) == 0).fill_null(False).to_numpy())
        y_true = frame[TARGET].cast(pl.Float64).to_numpy()[kept]
        return Prepared(IdIndex.of(frame[ID]), kept, y_true)

    def score(self, submission: Table, answers: Prepared) -> np.floating:
        for column in (ID, TARGET):
            if column not in submission.columns:
                msg = f"Submission must contain the '{column}' column"
                raise InvalidSubmissionError(msg)
        if submission.height != answers.index.ids.len():
            msg = "Submission and answers must have the same length"
            raise InvalidSubmissionError(msg)
        frame = submission.frame.select(ID, TARGET)
        ordered, matched = sort_and_match(frame, ID, answers.index, columns=(TARGET,))
        if not matched:
            msg = "Submission and answers must be aligned in id order"
            raise InvalidSubmissionError(msg)
        return mean_absolute_error(answers.y_true, as_float_array(ordered[TARGET][answers.kept]))


GRADER = VentilatorGrader()
