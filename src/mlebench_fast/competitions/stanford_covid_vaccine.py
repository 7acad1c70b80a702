"""stanford-covid-vaccine: MCRMSE over reactivity, deg_Mg_pH10 and deg_Mg_50C on ``keep`` rows.

The reference checks the row count, the columns (``deg_pH10`` and ``deg_50C`` are required but
unused), sorts both files by ``id_seqpos`` and compares them pairwise. Then it filters both sorted
frames with the answers' ``keep`` column, a boolean Series that pandas aligns **by index label**:
a submission row is kept when the answers row at the submission row's *original position* is kept,
not the row it was matched with. Unless the submission is in the answers' row order, the kept
predictions are paired with other rows' truths (graded, not rejected). Values of rows that are
not kept are never checked (a NaN or a string there is fine as long as the kept values convert).
The score is ``np.mean`` of three scikit-learn RMSEs: a ``numpy.float64``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.regression import root_mean_squared_error
from mlebench_fast.validation.alignment import IdIndex, sort_and_match
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import pandas_sort_indices
from mlebench_fast.validation.pandas_values import as_float_array

ID = "id_seqpos"
TARGETS = ("reactivity", "deg_Mg_pH10", "deg_Mg_50C")
SUBMISSION_COLUMNS = (ID, *TARGETS, "deg_pH10", "deg_50C")
_ROW = "__mlebench_fast_row"


@dataclass(frozen=True, slots=True)
class Prepared:
    index: IdIndex
    keep: np.ndarray  # by original row
    y_true: tuple[np.ndarray, ...]  # kept rows, sorted by id


@dataclass(frozen=True, slots=True)
class CovidVaccineGrader:
    def prepare_answers(self, answers: Table) -> Prepared:
        require_answer_columns(answers, ID, *TARGETS, "keep")
        order = pandas_sort_indices(answers.frame[ID])
        keep = answers.frame["keep"].cast(pl.Boolean).to_numpy()
        kept = order[keep[order]]
        frame = answers.frame
        y_true = tuple(frame[t].cast(pl.Float64).to_numpy()[kept] for t in TARGETS)
        return Prepared(IdIndex.of(frame[ID][order]), keep, y_true)

    def score(self, submission: Table, answers: Prepared) -> np.floating:
        n = answers.keep.shape[0]
        if submission.height != n:
            msg = (
                "Expected submission to be the same length as answers, but got "
                f"{submission.height} instead of {n}."
            )
            raise InvalidSubmissionError(msg)
        if not set(SUBMISSION_COLUMNS) <= set(submission.columns):
            msg = (
                f"Expected the submission to have columns {list(SUBMISSION_COLUMNS)}, but instead "
                f"it has columns {submission.columns}."
            )
            raise InvalidSubmissionError(msg)
        frame = submission.frame.select(SUBMISSION_COLUMNS).with_row_index(_ROW)
        ordered, matched = sort_and_match(frame, ID, answers.index)
        if not matched:
            got, want = ordered[ID], answers.index.ids
            i = int(np.flatnonzero((got.cast(pl.String) != want.cast(pl.String)).fill_null(True).to_numpy())[0])
            msg = (
                f"Expected submission to have the same `{ID}` as answers, but got `{got[i]}` "
                f"instead of `{want[i]}` on row {i} of the submission."
            )
            raise InvalidSubmissionError(msg)
        if submission.index is not None:
            # The keep mask's labels 0..n-1 are not the submission's index labels.
            msg = "Unalignable boolean Series provided as indexer"
            raise ValueError(msg)
        rows = ordered[_ROW].to_numpy()
        kept = np.flatnonzero(answers.keep[rows])
        errors = []
        for target, y_true in zip(TARGETS, answers.y_true):
            y_pred = as_float_array(ordered[target][kept])
            errors.append(root_mean_squared_error(y_true, y_pred))
        return np.mean(errors)


GRADER = CovidVaccineGrader()
