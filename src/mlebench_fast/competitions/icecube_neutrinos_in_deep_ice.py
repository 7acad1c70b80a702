"""icecube-neutrinos-in-deep-ice: mean angular distance between true and predicted directions.

The reference rejects unless the submission's columns are exactly {event_id, azimuth, zenith}
(an extra or renamed column, or a written index, rejects), unless azimuth and zenith have numeric
numpy dtypes (a bool or text column rejects), unless both are finite (NaN included), unless the
row count matches and unless ``set(event_id)`` equals the answers' (5 == 5.0: float ids pass).
Both files are then sorted by event_id and paired by position. The score is
``np.average(|arccos(clip(dot, -1, 1))|)`` of the two unit vectors: a ``numpy.float64``.

The real test set has ~13 million events (a 611 MB CSV each side), so big files are streamed
(:mod:`mlebench_fast.io.csv_stream`): the answers are read window by window into their sorted
ids and the answers' half of the trigonometry (:func:`~mlebench_fast.kernels.angular.direction_terms`),
nothing else; a submission window by window: each row is paired with its event id's answers row
(found in a rank bitmap of the ids, or where they are sparse a bucket index over them, see
:func:`~mlebench_fast.kernels.angular.id_lookup`), its angular distance added to an exact sum
(so the order of the rows does not matter) and the answers row marked as seen. That holds one
window of the submission and one byte per event, instead of the whole file; the rows are
paired on the threads that parse them. It takes the common
case only: a plain numeric file, the three columns, int64 ids each one of the answers' (which
are unique), finite predictions, as many rows as answers, every answers row seen. Anything else
(a row the stream declines, float or text ids, an unknown or repeated id, NaN or infinity,
another row count, repeated answers ids) grades the whole file as below, which gives the
reference's verdicts and messages.

The whole-file path does not copy the submission either: it is placed by one argsort of its ids
(checked against the answers' sorted ids in place; none when it is already in id order) and the
kernel reads the predictions through that order. Both paths share the rows out to the CPUs and
give the same result (exact sums) whatever the thread count.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.csv_stream import StreamDeclined, open_numeric_csv
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.angular import (
    add_distances_by_id,
    direction_terms,
    gathered_equal,
    id_lookup,
    ids_of_ranks,
    mean_angular_distance,
    mean_of_limbs,
    permute_rows,
)
from mlebench_fast.threads import kernel_threads
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import kind, pandas_sort_indices, same_set

ID, AZ, ZEN = "event_id", "azimuth", "zenith"
COLUMNS = {ID, AZ, ZEN}
_IN_ORDER = np.empty(0, dtype=np.int64)  # no gather: row i is sorted position i
#: Files at least this big are streamed (smaller ones read whole faster).
STREAM_MIN_BYTES = 16 << 20


@dataclass(frozen=True, slots=True)
class Prepared:
    # Sorted ids (int64 or float64), or their offsets from id_base; empty when the lookup's rank
    # bitmap holds them (offsets then decodes them).
    sorted_ids: np.ndarray
    terms: np.ndarray  # (n, 3) float64 in that order: direction_terms of azimuth, zenith
    # Unique int64 ids are kept as offsets from the smallest (uint32 where they fit: 53 MB
    # instead of 105 MB at the real size), with an id_lookup over them for streamed
    # submissions; otherwise both are None.
    id_base: int | None = None
    lookup: tuple[np.ndarray, int, np.ndarray] | None = None

    @property
    def offsets(self) -> np.ndarray:
        """sorted_ids, decoded from the rank bitmap when that holds them."""
        if self.lookup is not None and self.lookup[2].shape[0]:
            return ids_of_ranks(self.lookup[2])
        return self.sorted_ids

    @property
    def ids(self) -> np.ndarray:
        """The sorted ids as the answers hold them."""
        if self.id_base is None:
            return self.sorted_ids
        return self.offsets.astype(np.int64) + np.int64(self.id_base)

    @property
    def size(self) -> int:
        return self.terms.shape[0]


def _floats(series: pl.Series) -> np.ndarray:
    return series.cast(pl.Float64).to_numpy()


def _terms(azimuth: np.ndarray, zenith: np.ndarray) -> np.ndarray:
    terms = np.empty((azimuth.shape[0], 3), dtype=np.float64)
    direction_terms(azimuth, zenith, terms)
    return terms


def _prepared(ids: np.ndarray, terms: np.ndarray) -> Prepared:
    """The Prepared of sorted ``ids`` (an array of the caller's own: offsets are made in place)."""
    n = ids.shape[0]
    if not (
        ids.dtype == np.int64
        and 0 < n < 2**31
        and int(ids[-1]) - int(ids[0]) < 2**62  # offsets and their buckets stay in int64
        and bool((ids[1:] > ids[:-1]).all())
    ):
        return Prepared(ids, terms)
    base = int(ids[0])
    np.subtract(ids, np.int64(base), out=ids)
    if int(ids[-1]) < 2**32:
        ids = _narrowed(ids)
    lookup = id_lookup(ids)
    if lookup[2].shape[0]:
        ids = np.empty(0, dtype=ids.dtype)  # the rank bitmap holds them
    return Prepared(ids, terms, base, lookup)


def _narrowed(ids: np.ndarray) -> np.ndarray:
    """``ids.astype(np.uint32)`` (values known to fit), written over the first half of an int64
    array that owns its memory, which is then shrunk to it: the two never coexist (53 MB less
    at the peak of preparing 13 million ids)."""
    if not ids.flags.owndata or not ids.flags.c_contiguous:
        return ids.astype(np.uint32)
    n = ids.shape[0]
    narrow = ids.view(np.uint32)[:n]
    narrow[0] = ids[0]
    lo = 1
    while lo < n:
        # narrow[lo:hi] covers bytes [4lo, 4hi) <= [4lo, 8lo): ids already read
        hi = min(2 * lo, n)
        narrow[lo:hi] = ids[lo:hi]
        lo = hi
    del narrow
    ids.resize(((n + 1) // 2,), refcheck=False)
    return ids.view(np.uint32)[:n]


def _streamable(path: str | os.PathLike[str]):
    try:
        if os.stat(path).st_size < STREAM_MIN_BYTES:
            return None
    except OSError:
        return None
    stream = open_numeric_csv(path)
    if stream is None or len(stream.names) != len(COLUMNS) or set(stream.names) != COLUMNS:
        return None
    return stream


class _Growing:
    """Arrays (rows, *shape) filled window by window, with room to spare (pages never written
    are never resident), doubled when full."""

    def __init__(self, capacity: int, layouts: list[tuple[tuple[int, ...], np.dtype]]) -> None:
        self.arrays = [np.empty((capacity, *shape), dtype=d) for shape, d in layouts]
        self.size = 0

    def extend(self, rows: int) -> list[np.ndarray]:
        """The next ``rows`` rows of every array, to be written by the caller."""
        if self.size + rows > self.arrays[0].shape[0]:
            capacity = 2 * (self.size + rows)
            for k, old in enumerate(self.arrays):
                grown = np.empty((capacity, *old.shape[1:]), dtype=old.dtype)
                grown[: self.size] = old[: self.size]
                self.arrays[k] = grown
        start, self.size = self.size, self.size + rows
        return [a[start : self.size] for a in self.arrays]

    def trimmed(self) -> list[np.ndarray]:
        """The arrays cut to the rows written, in place (the callers' views of them must be
        gone), so that they own their memory."""
        for a in self.arrays:
            a.resize((self.size, *a.shape[1:]), refcheck=False)
        return self.arrays


@dataclass(frozen=True, slots=True)
class IcecubeGrader:
    def prepare_answers(self, answers: Table) -> Prepared:
        require_answer_columns(answers, ID, AZ, ZEN)
        frame = answers.frame
        order = frame[ID].arg_sort().to_numpy()
        ids = frame[ID].to_numpy()[order]
        return _prepared(ids, _terms(_floats(frame[AZ])[order], _floats(frame[ZEN])[order]))

    def prepare_answers_file(self, path: str | os.PathLike[str]) -> Prepared | None:
        """:meth:`prepare_answers` of the file at ``path`` streamed, or None: read it whole.

        Taken when the file streams with int64 ids that are all different (then the sort
        order does not depend on the sort's stability).
        """
        stream = _streamable(path)
        if stream is None:
            return None
        where = [stream.names.index(c) for c in (ID, AZ, ZEN)]
        growing = None
        try:
            for window in stream.windows():
                ids, az, zen = (window.columns[j] for j in where)
                if growing is None:
                    if ids.dtype != np.int64:
                        return None
                    size = os.stat(path).st_size
                    estimate = int(size * window.rows / max(window.nbytes, 1) * 1.05) + 1024
                    growing = _Growing(estimate, [((), np.dtype(np.int64)),
                                                  ((3,), np.dtype(np.float64))])
                id_rows, term_rows = growing.extend(window.rows)
                id_rows[:] = ids
                direction_terms(az.astype(np.float64, copy=False),
                                zen.astype(np.float64, copy=False), term_rows)
                del window, ids, az, zen, id_rows, term_rows  # before the next window
        except StreamDeclined:
            return None
        if growing is None:
            return None
        ids, terms = growing.trimmed()
        del growing
        if not bool((ids[1:] > ids[:-1]).all()):
            order = np.argsort(ids, kind="stable")
            ids = ids[order]
            if not bool((ids[1:] > ids[:-1]).all()):
                return None  # repeated ids: the whole-file path sorts them as it always has
            permute_rows(terms, order)  # in place: a second 317 MB copy would double the peak
        return _prepared(ids, terms)

    def score_file(self, path: str | os.PathLike[str], answers: Prepared) -> np.floating | None:
        """:meth:`score` of the submission file at ``path`` streamed, or None: grade it whole
        (the module docstring says when)."""
        if answers.lookup is None:
            return None
        stream = _streamable(path)
        if stream is None:
            return None
        where = [stream.names.index(c) for c in (ID, AZ, ZEN)]
        n = answers.size
        table, shift, ranks = answers.lookup
        seen = np.zeros(n, dtype=np.uint8)
        totals: list[np.ndarray] = []
        id_at, az_at, zen_at = where

        def pair(columns: list[np.ndarray], lo: int, hi: int) -> int:
            # on the thread that parsed rows [lo, hi), while they are in its cache
            ids = columns[id_at]
            if ids.dtype != np.int64:
                return 1
            az = columns[az_at][lo:hi].astype(np.float64, copy=False)
            zen = columns[zen_at][lo:hi].astype(np.float64, copy=False)
            acc = np.zeros(3, dtype=np.int64)
            totals.append(acc)  # list.append is atomic: the parts' threads may share it
            return add_distances_by_id(
                ids[lo:hi], az, zen, 0, hi - lo, answers.sorted_ids, answers.id_base, table,
                shift, ranks, answers.terms, seen, acc,
            )

        rows = 0
        try:
            for window in stream.windows(pair):
                rows += window.rows
                if rows > n or any(window.parts):
                    return None
                del window  # before the stream reads the next window
        except StreamDeclined:
            return None
        # n rows, each an answers id, all n ids seen: a permutation of the answers' ids
        if rows != n or not seen.all():
            return None
        return mean_of_limbs(totals, n)

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
        if frame.height != answers.size:
            raise InvalidSubmissionError("Submission and answers must have the same length")
        ids = frame[ID]
        rows = self._placement(ids, answers)
        if rows is None:
            raise InvalidSubmissionError("Submission and answers must have the same event_ids")
        return mean_angular_distance(
            answers.terms, _floats(frame[AZ]), _floats(frame[ZEN]), rows, threads=kernel_threads()
        )

    @staticmethod
    def _placement(ids: pl.Series, answers: Prepared) -> np.ndarray | None:
        """The submission rows in sorted-id order, or None when the id sets differ."""
        id_kind = kind(ids)
        answers_ids = answers.ids
        if id_kind in ("int", "float") and not ids.null_count():
            if answers_ids.dtype == np.int64 and id_kind == "int":
                values, reference = ids.to_numpy(), answers_ids
            else:
                values, reference = _floats(ids), answers_ids.astype(np.float64)
            if np.array_equal(values, reference):  # already in id order: read in place
                return _IN_ORDER
            rows = ids.arg_sort().to_numpy()
            if gathered_equal(values, rows, reference):
                return rows
        # Not a permutation of the (unique) answers' ids: equal sets are still possible with
        # repeated answers ids or ids of other kinds; the reference then sorts both.
        if not same_set(ids, pl.Series(answers_ids)):
            return None
        return pandas_sort_indices(ids).astype(np.int64)


GRADER = IcecubeGrader()
