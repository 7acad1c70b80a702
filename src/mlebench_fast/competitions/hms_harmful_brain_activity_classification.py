"""hms-harmful-brain-activity-classification: Kaggle's KL divergence of the six vote shares.

The reference checks ``eeg_id`` and the six ``*_vote`` columns, the length, that every row sum
(NaN counted as 0) satisfies Python's ``round(s, 5) == 1``, and that the SETS of ids are equal
(``eeg_id`` repeats in the answers: one row per labelled segment, so a submission may repeat or
drop ids freely as long as the sets and lengths agree). It then sorts both files by ``eeg_id``
(pandas' unstable quicksort) and pairs rows BY POSITION, normalises the answers' votes per row,
and runs Kaggle's ``score``: every submission column except ``eeg_id`` goes through
``verify_valid_probabilities`` (``df.values`` must be numeric: a string column, or bools mixed
with numbers, rejects; ``min() < 0`` / ``max() > 1`` reject, NaN skipped; ``np.allclose(row
sums, 1)`` including any extra column), then predictions are clipped to [1e-15, 1 - 1e-15] (except integer columns: pandas' ``clip`` gives
their 0s and 1s back as integers, so a 0 where the truth is not gives an infinite score),
``y * log(y / p)`` is summed per row where ``y != 0`` (pandas skips a NaN term), and the rows
are averaged. Returns ``numpy.float64``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.divergence import kl_divergence
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import kind, pandas_sort_indices, same_set, sort_table
from mlebench_fast.validation.probabilities import float_matrix, matrix_row_sums, row_sums

ID = "eeg_id"
TARGETS = (
    "seizure_vote",
    "lpd_vote",
    "gpd_vote",
    "lrda_vote",
    "grda_vote",
    "other_vote",
)
# round(s, 5) == 1 holds exactly for s within 5e-6 of one; only sums near that edge need
# Python's correctly rounded round() to decide.
_SURE_IN, _SURE_OUT = 4.9e-6, 5.1e-6


class ParticipantVisibleError(Exception):
    """The Kaggle metric's own rejection (the reference's Grader returns None for it)."""


@dataclass(frozen=True, slots=True)
class VoteShares:
    ids: pl.Series
    unique_ids: np.ndarray | None  # sorted distinct int64 ids, when the ids are integers
    shares: np.ndarray  # (n, 6) votes / row total, rows sorted by eeg_id as pandas sorts them
    valid: bool  # the shares pass verify_valid_probabilities


def _rounds_to_one(sums: np.ndarray) -> bool:
    distance = np.abs(sums - 1.0)
    if np.any(np.isnan(sums)) or np.any(distance > _SURE_OUT):
        return False
    edge = sums[distance > _SURE_IN]
    return all(round(float(s), 5) == 1 for s in edge)


def _same_ids(answers: VoteShares, ids: pl.Series) -> tuple[bool, np.ndarray | None]:
    """``set(answer ids) == set(ids)``, and for integer ids the order ``sort_values`` gives
    (numpy's quicksort, as pandas sorts a column with repeated values), from one sort."""
    distinct = answers.unique_ids
    if distinct is None or kind(ids) != "int" or ids.null_count():
        return same_set(answers.ids, ids), None
    if ids.dtype == pl.UInt64 and ids.max() > np.iinfo(np.int64).max:
        return False, None
    values = ids.cast(pl.Int64).to_numpy()
    order = np.argsort(values, kind="quicksort")
    ordered = values[order]
    first = np.ones(len(ordered), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    return bool(np.array_equal(ordered[first], distinct)), order


def _values_numeric(columns: list[pl.Series]) -> bool:
    """``is_numeric_dtype(df.values)``: one common numeric dtype for every column."""
    kinds = {kind(c) for c in columns}
    if kinds & {"str", "object"}:
        return False
    return not ("bool" in kinds and kinds != {"bool"})


def _verify(columns: list[pl.Series], name: str) -> None:
    if not _values_numeric(columns):
        msg = f"All target values in {name} must be numeric"
        raise ParticipantVisibleError(msg)
    values = [c.cast(pl.Float64) for c in columns]
    lows = [v.min() for v in values]
    highs = [v.max() for v in values]
    # pandas' min/max skip NaN; an all-NaN column gives NaN, which compares False
    if any(x is not None and x < 0 for x in lows):
        msg = f"All target values in {name} must be at least zero"
        raise ParticipantVisibleError(msg)
    if any(x is not None and x > 1 for x in highs):
        msg = f"All target values in {name} must be no greater than one"
        raise ParticipantVisibleError(msg)
    if not np.allclose(row_sums(columns), 1):
        msg = f"Target values in {name} do not add to one within all rows"
        raise ParticipantVisibleError(msg)


@dataclass(frozen=True, slots=True)
class HmsGrader:
    def prepare_answers(self, answers: Table) -> VoteShares:
        require_answer_columns(answers, ID, *TARGETS)
        frame = sort_table(answers, ID)
        votes = frame.select(pl.col(c).cast(pl.Float64) for c in TARGETS).to_numpy()
        with np.errstate(invalid="ignore", divide="ignore"):
            shares = votes / votes.sum(axis=1, keepdims=True)
        valid = True
        try:
            _verify([pl.Series(c, shares[:, j]) for j, c in enumerate(TARGETS)], "solution")
        except ParticipantVisibleError:
            valid = False
        ids = frame[ID]
        unique_ids = None
        if kind(ids) == "int" and not ids.null_count():
            unique_ids = np.unique(ids.cast(pl.Int64).to_numpy())
        return VoteShares(
            ids=ids, unique_ids=unique_ids, shares=np.ascontiguousarray(shares), valid=valid
        )

    def score(self, submission: Table, answers: VoteShares) -> np.float64:
        if ID not in submission.columns:
            msg = f"Submission must contain {ID} column"
            raise InvalidSubmissionError(msg)
        if not all(c in submission.columns for c in TARGETS):
            msg = f"Submission must contain all target columns: {list(TARGETS)}"
            raise InvalidSubmissionError(msg)
        if submission.height != answers.ids.len():
            msg = "Submission and answers must have the same length"
            raise InvalidSubmissionError(msg)
        frame = submission.frame
        matrix = float_matrix(frame, TARGETS)
        if matrix is None:
            sums = row_sums([frame[c] for c in TARGETS])
            matrix = frame.select(pl.col(c).cast(pl.Float64) for c in TARGETS).to_numpy()
        else:
            sums = matrix_row_sums(matrix)
        if not _rounds_to_one(sums):
            msg = "Submission probabilities must add to 1 for each row"
            raise InvalidSubmissionError(msg)
        same, order = _same_ids(answers, frame[ID])
        if not same:
            msg = "Submission and answers must have the same IDs"
            raise InvalidSubmissionError(msg)
        if not answers.valid:
            msg = "Target values in solution do not add to one within all rows"
            raise ParticipantVisibleError(msg)
        others = [c for c in frame.columns if c != ID]
        # The probability checks look at every row alike, so they run before the sort.
        if others == list(TARGETS) and _values_numeric([frame[c] for c in TARGETS]):
            with np.errstate(invalid="ignore"):
                if bool((matrix < 0).any()):
                    msg = "All target values in submission must be at least zero"
                    raise ParticipantVisibleError(msg)
                if bool((matrix > 1).any()):
                    msg = "All target values in submission must be no greater than one"
                    raise ParticipantVisibleError(msg)
            if not np.allclose(sums, 1):
                msg = "Target values in submission do not add to one within all rows"
                raise ParticipantVisibleError(msg)
        else:
            _verify([frame[c] for c in others], "submission")
        if order is None:
            order = pandas_sort_indices(frame[ID])
        predictions = matrix[order]
        clipped = [kind(frame[c]) != "int" for c in TARGETS]
        return kl_divergence(answers.shares, predictions, clipped=clipped)

GRADER = HmsGrader()
