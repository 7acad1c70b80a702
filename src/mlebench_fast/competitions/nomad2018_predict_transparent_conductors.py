"""nomad2018-predict-transparent-conductors: mean of scikit-learn's RMSLE on the two targets.

The reference checks the two target columns and the row count, then pairs rows **by position**:
ids are never read, so a shuffled or re-labelled submission is graded against whatever answers
row sits at the same position. Each column goes through scikit-learn's ``check_array``: an
object column of numeric strings converts through ``float()``, NaN / infinity / a word reject,
and a negative value rejects (RMSLE's own check). The formation column is scored (and checked)
first. A bool column stays bool, so its log1p is float16. The result is ``(numpy.float64 + numpy.float64) / 2``: a ``numpy.float64``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.regression import root_mean_squared_log_error
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import kind
from mlebench_fast.validation.pandas_values import as_float_array

TARGETS = ("formation_energy_ev_natom", "bandgap_energy_ev")


def _values(series: pl.Series) -> np.ndarray:
    # check_array keeps a bool column bool, and np.log1p of bools is float16: scored in float16.
    return series.to_numpy() if kind(series) == "bool" else as_float_array(series)


@dataclass(frozen=True, slots=True)
class NomadGrader:
    def prepare_answers(self, answers: Table) -> tuple[np.ndarray, ...]:
        require_answer_columns(answers, *TARGETS)
        return tuple(as_float_array(answers.frame[t]) for t in TARGETS)

    def score(self, submission: Table, answers: tuple[np.ndarray, ...]) -> np.floating:
        for target in TARGETS:
            if target not in submission.columns:
                msg = f"Expected '{target}' column in submission"
                raise InvalidSubmissionError(msg)
        n = answers[0].shape[0]
        if submission.height != n:
            msg = f"Expected {n} rows in submission, got {submission.height}"
            raise InvalidSubmissionError(msg)
        errors = [
            root_mean_squared_log_error(y_true, _values(submission.frame[target]))
            for target, y_true in zip(TARGETS, answers)
        ]
        return (errors[0] + errors[1]) / 2


GRADER = NomadGrader()
