"""icecube-neutrinos-in-deep-ice: mean angular distance between true and predicted directions.

The reference rejects unless the submission's columns are exactly {event_id, azimuth, zenith}
(an extra or renamed column, or a written index, rejects), unless azimuth and zenith have numeric
numpy dtypes (a bool or text column rejects), unless both are finite (NaN included), unless the
row count matches and unless ``set(event_id)`` equals the answers' (5 == 5.0: float ids pass).
Both files are then sorted by event_id and paired by position. The score is
``np.average(|arccos(clip(dot, -1, 1))|)`` of the two unit vectors: a ``numpy.float64``.

The real test set has ~13 million events, so nothing here copies the submission: it is placed by
one argsort of its ids (checked against the answers' sorted ids in place; none when it is already
in id order) and the kernel reads the predictions through that order. The answers' sines and
cosines are computed once per answers file, and the kernel shares its chunks out to the CPUs
(the chunk sums are added in order, so the result does not depend on the thread count).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.geometry import (
    direction_terms,
    gathered_equal,
    mean_angular_distance_terms,
)
from mlebench_fast.threads import kernel_threads
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import kind, pandas_sort_indices, same_set

ID, AZ, ZEN = "event_id", "azimuth", "zenith"
COLUMNS = {ID, AZ, ZEN}
_IN_ORDER = np.empty(0, dtype=np.int64)  # no gather: row i is sorted position i


@dataclass(frozen=True, slots=True)
class Prepared:
    ids: np.ndarray  # sorted (int64, or float64 if the answers' ids are floats)
    terms: np.ndarray  # direction_terms(azimuth, zenith) in that order


def _floats(series: pl.Series) -> np.ndarray:
    return series.cast(pl.Float64).to_numpy()


@dataclass(frozen=True, slots=True)
class IcecubeGrader:
    def prepare_answers(self, answers: Table) -> Prepared:
        require_answer_columns(answers, ID, AZ, ZEN)
        frame = answers.frame
        order = frame[ID].arg_sort().to_numpy()
        ids = frame[ID].to_numpy()[order]
        return Prepared(ids, direction_terms(_floats(frame[AZ])[order], _floats(frame[ZEN])[order]))

    def score(self, submission: Table, answers: Prepared) -> np.floating:
        if set(submission.columns) != COLUMNS:
            raise InvalidSubmissionError(
                "Submission must contain columns 'azimuth','zenith' and 'event_id'"
            )
        frame = submission.frame
        for column, name in ((AZ, "Azimuth"), (ZEN, "Zenith")):
            if kind(frame[column]) not in ("int", "float"):
                msg = f"{name} must be a number"
                raise InvalidSubmissionError(msg)
        for column, name in ((AZ, "Azimuth"), (ZEN, "Zenith")):
            values = frame[column]
            if kind(values) == "float" and (values.null_count() or not values.is_finite().all()):
                msg = f"{name} must not be infinite"
                raise InvalidSubmissionError(msg)
        if frame.height != answers.ids.shape[0]:
            raise InvalidSubmissionError("Submission and answers must have the same length")
        ids = frame[ID]
        rows = self._placement(ids, answers)
        if rows is None:
            raise InvalidSubmissionError("Submission and answers must have the same event_ids")
        return mean_angular_distance_terms(
            answers.terms, _floats(frame[AZ]), _floats(frame[ZEN]), rows, threads=kernel_threads()
        )

    @staticmethod
    def _placement(ids: pl.Series, answers: Prepared) -> np.ndarray | None:
        """The submission rows in sorted-id order, or None when the id sets differ."""
        id_kind = kind(ids)
        if id_kind in ("int", "float") and not ids.null_count():
            if answers.ids.dtype == np.int64 and id_kind == "int":
                values, reference = ids.to_numpy(), answers.ids
            else:
                values, reference = _floats(ids), answers.ids.astype(np.float64)
            if np.array_equal(values, reference):  # already in id order: read in place
                return _IN_ORDER
            rows = ids.arg_sort().to_numpy()
            if gathered_equal(values, rows, reference):
                return rows
        # Not a permutation of the (unique) answers' ids: equal sets are still possible with
        # repeated answers ids or ids of other kinds; the reference then sorts both.
        if not same_set(ids, pl.Series(answers.ids)):
            return None
        return pandas_sort_indices(ids).astype(np.int64)


GRADER = IcecubeGrader()
