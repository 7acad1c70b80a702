"""smartphone-decimeter-2022: per trip, the mean of the 50th and 95th percentile haversine errors;
then the mean over trips.

The reference checks the four columns and the total row count. Then, for each ``tripId`` in the
order it first appears in the answers, it takes the rows of that trip from both files and rejects
unless their counts match; rows pair **by position within the trip** (``UnixTimeMillis`` is never
compared), so a submission sorted differently inside a trip is graded against other epochs. Trips
only the submission has are never looked at (the total count must still match). A tripId column
that is not text never equals a trip name: rejected. ``np.deg2rad`` of a text column raises
(rejected); of a bool column it is float16, reproduced with numpy. A NaN coordinate makes its
trip's quantiles, and so the score, NaN (graded). The score is ``np.mean`` of the per-trip
scores: a ``numpy.float64``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.geometry import HAVERSINE_RADIUS, haversine_metres, trip_quantile_scores
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import kind

TRIP, TIME, LAT, LNG = "tripId", "UnixTimeMillis", "LatitudeDegrees", "LongitudeDegrees"
_CODE = "__mlebench_fast_trip"


@dataclass(frozen=True, slots=True)
class Prepared:
    trips: pl.Series  # trip names in first-appearance order
    counts: np.ndarray  # answers rows per trip
    offsets: np.ndarray  # trip k's rows are [offsets[k], offsets[k + 1]) of the grouped arrays
    lat: np.ndarray  # answers coordinates grouped by trip, file order inside a trip
    lng: np.ndarray
    rows: int


def _codes(names: pl.Series, trips: pl.Series) -> np.ndarray:
    """Each row's trip number (-1: not an answers trip)."""
    return (
        names.replace_strict(trips, pl.int_range(trips.len(), eager=True), default=-1, return_dtype=pl.Int64)
        .fill_null(-1)
        .to_numpy()
    )


def _numpy_haversine(lat1, lng1, lat2, lng2) -> np.ndarray:
    # The notebook's expression on numpy arrays of the reference's dtypes (float16 for bools).
    p1, p2 = np.deg2rad(lat1), np.deg2rad(lat2)
    dlat = p2 - p1
    dlng = np.deg2rad(lng2) - np.deg2rad(lng1)
    a = np.sin(dlat / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlng / 2) ** 2
    with np.errstate(invalid="ignore"):
        return 2 * HAVERSINE_RADIUS * np.arcsin(np.sqrt(a))


@dataclass(frozen=True, slots=True)
class SmartphoneGrader:
    def prepare_answers(self, answers: Table) -> Prepared:
        require_answer_columns(answers, TRIP, TIME, LAT, LNG)
        names = answers.frame[TRIP].cast(pl.String)
        trips = names.drop_nulls().unique(maintain_order=True)
        codes = _codes(names, trips)
        order = np.argsort(codes, kind="stable")
        order = order[codes[order] >= 0]
        counts = np.bincount(codes[codes >= 0], minlength=trips.len())
        offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        lat = answers.frame[LAT].cast(pl.Float64).to_numpy()[order]
        lng = answers.frame[LNG].cast(pl.Float64).to_numpy()[order]
        return Prepared(trips, counts, offsets, lat, lng, answers.height)

    def score(self, submission: Table, answers: Prepared) -> np.floating:
        for column in (TRIP, TIME, LAT, LNG):
            if column not in submission.columns:
                msg = f"Submission DataFrame must have a '{column}' column."
                raise InvalidSubmissionError(msg)
        if submission.height != answers.rows:
            msg = "Submission and answers DataFrames must have the same number of rows."
            raise InvalidSubmissionError(msg)
        frame = submission.frame
        if kind(frame[TRIP]) == "str":
            codes = _codes(frame[TRIP], answers.trips)
            counts = np.bincount(codes[codes >= 0], minlength=answers.trips.len())
        else:
            codes = np.full(frame.height, -1, dtype=np.int64)
            counts = np.zeros(answers.trips.len(), dtype=np.int64)
        wrong = np.flatnonzero(counts != answers.counts)
        if wrong.size:
            k = int(wrong[0])
            msg = (
                "Submission and answers DataFrames must have the same number of rows for each "
                f"'tripId'.Got {counts[k]} rows in the submission and {answers.counts[k]} rows "
                f"in the answers for tripId {answers.trips[k]}."
            )
            raise InvalidSubmissionError(msg)
        for column in (LAT, LNG):
            if kind(frame[column]) not in ("int", "float", "bool"):
                msg = f"loop of ufunc does not support argument 0 of type {kind(frame[column])} which has no callable deg2rad method"
                raise TypeError(msg)
        order = np.argsort(codes, kind="stable")[codes.size - int(answers.counts.sum()) :]
        if "bool" in (kind(frame[LAT]), kind(frame[LNG])):
            lat = frame[LAT].to_numpy()[order] if kind(frame[LAT]) == "bool" else frame[LAT].cast(pl.Float64).to_numpy()[order]
            lng = frame[LNG].to_numpy()[order] if kind(frame[LNG]) == "bool" else frame[LNG].cast(pl.Float64).to_numpy()[order]
            d = _numpy_haversine(lat, lng, answers.lat, answers.lng)
        else:
            lat = frame[LAT].cast(pl.Float64).fill_null(np.nan).to_numpy()[order]
            lng = frame[LNG].cast(pl.Float64).fill_null(np.nan).to_numpy()[order]
            d = haversine_metres(lat, lng, answers.lat, answers.lng)
        return np.mean(trip_quantile_scores(d, answers.offsets))


GRADER = SmartphoneGrader()
