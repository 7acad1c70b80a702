"""osic-pulmonary-fibrosis-progression: modified Laplace log-likelihood on each patient's last 3
measured weeks (higher is better).

The reference checks the three columns, then that every submitted ``Patient_Week`` is among the
answers' (``pw in array``: numpy ``==`` against strings, so a number or NaN is never found and
rejects, naming the first offender), then that ``FVC`` and ``Confidence`` have numeric dtypes
(bool counts). Missing confidences become 0. The answers keep rows with an FVC, and per patient
the 3 latest weeks; the submission keeps rows whose Patient_Week is among those. Both are sorted
by Patient_Week and paired **by position**, the answers restricted to weeks the submission has:
a missing week just drops out, a repeated one misaligns the pairs (or fails numpy's broadcast,
which rejects). ``sd = max(confidence, 70)``, ``delta = min(|FVC - pred|, 1000)``, the metric is
``-sqrt(2) delta / sd - log(sqrt(2) sd)``: a NaN prediction makes the score NaN (graded), an
infinite one is capped at 1000, no kept row at all gives NaN. The score is a ``numpy.float64``.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import is_numeric_dtype, kind, pandas_sort_indices
from mlebench_fast.validation.pandas_values import pandas_values

PW, FVC, CONFIDENCE = "Patient_Week", "FVC", "Confidence"


@dataclass(frozen=True, slots=True)
class Prepared:
    all_weeks: pl.Series  # every answers Patient_Week, dummy rows included
    scored: pl.Series  # the 3 latest measured weeks per patient, sorted
    fvc: np.ndarray  # their FVC, same order


@dataclass(frozen=True, slots=True)
class OsicGrader:
    def prepare_answers(self, answers: Table) -> Prepared:
        require_answer_columns(answers, PW, FVC, "Patient")
        frame = answers.frame.select(
            pl.col(PW).cast(pl.String), pl.col(FVC).cast(pl.Float64), pl.col("Patient")
        )
        measured = frame.filter(pl.col(FVC).is_not_null() & pl.col(FVC).is_not_nan())
        week = measured[PW].str.split("_").list.last().cast(pl.Int64)
        latest = (
            measured.with_columns(week.alias("__week"))
            .with_row_index("__row")
            .sort("__week", "__row")
            .group_by("Patient", maintain_order=True)
            .tail(3)
        )
        latest = latest[pandas_sort_indices(latest[PW])]
        return Prepared(frame[PW], latest[PW], latest[FVC].to_numpy())

    def score(self, submission: Table, answers: Prepared) -> np.floating:
        for column in (PW, FVC, CONFIDENCE):
            if column not in submission.columns:
                msg = f"Submission DataFrame must have a '{column}' column."
                raise InvalidSubmissionError(msg)
        frame = submission.frame
        weeks = frame[PW]
        if weeks.len():
            if kind(weeks) == "str":
                known = weeks.is_in(answers.all_weeks).fill_null(False)
            else:
                known = pl.Series([False] * weeks.len())
            if not known.all():
                first = int(np.flatnonzero(~known.to_numpy())[0])
                value = pandas_values(weeks[first : first + 1])[0]
                msg = f"Patient_Week {value} in submission does not exist in answers"
                raise InvalidSubmissionError(msg)
        if not is_numeric_dtype(frame[FVC]):
            raise InvalidSubmissionError("FVC column in submission must be numeric.")
        if not is_numeric_dtype(frame[CONFIDENCE]):
            raise InvalidSubmissionError("Confidence column in submission must be numeric.")
        confidence = frame[CONFIDENCE]
        if kind(confidence) == "float":
            confidence = confidence.fill_null(0.0).fill_nan(0.0)
        kept = frame.select(PW, FVC).with_columns(confidence.alias(CONFIDENCE))
        if weeks.len():
            kept = kept.filter(pl.col(PW).is_in(answers.scored))
        kept = kept[pandas_sort_indices(kept[PW])]
        fvc_true = answers.fvc[answers.scored.is_in(kept[PW]).to_numpy()]
        fvc_pred = pandas_values(kept[FVC])
        sd = np.maximum(pandas_values(kept[CONFIDENCE]), 70)
        delta = np.minimum(np.abs(fvc_true - fvc_pred), 1000)
        metric = -np.sqrt(2) * delta / sd - np.log(np.sqrt(2) * sd)
        with warnings.catch_warnings():
            # No kept row: the reference's np.mean warns and returns NaN, which it reports.
            warnings.simplefilter("ignore", RuntimeWarning)
            return np.mean(metric)


GRADER = OsicGrader()
