"""Run-length-encoded masks: decoding with the reference's checks, and the tgs-salt IoU sweep.

A column of RLE strings decodes to :class:`Runs`: for each row, the 0-based half-open
``[start, stop)`` intervals of flat pixel indices it covers, clipped to the image, sorted and
disjoint. Metrics work on the intervals; :meth:`Runs.mask` materialises an image when one is
needed (column-major for the Kaggle convention of tgs, hubmap, contrails, uw-madison; row-major
for vesuvius).

Decoding reproduces ``mlebench.competitions.utils.rle_decode``: tokens are parsed as Python's
``int()`` parses them (signs, underscores, Unicode digits and spaces), pairs are checked in the
reference's order (sorted starts, positive starts, positive lengths, no overlap), runs past the
image are truncated and runs starting beyond it are ignored, as numpy slicing does. The compiled
kernel decodes ordinary strings; the rare exotic one goes through :func:`_decode_one_python`,
which applies Python's and numpy's own semantics (int64 wrap-around, dtype promotion of huge
values, broadcasting of odd token counts) rather than imitating them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import polars as pl

from mlebench_fast._native import load
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.kernels.strings import StringColumn, string_buffers

__all__ = [
    "InvalidRLEError",
    "Runs",
    "decode_rle_column",
    "decode_rle",
    "iou_sweep_scores",
    "tgs_salt_score",
    "IOU_THRESHOLDS",
    "MSG_UNSORTED",
    "MSG_NOT_POSITIVE",
    "MSG_OVERLAP",
]

# The reference's assertion messages, verbatim.
MSG_UNSORTED = "The pairs in the RLE string must be sorted."
MSG_NOT_POSITIVE = "All pairs in the RLE string must be positive integers."
MSG_OVERLAP = "Overlapping RLE pairs are not allowed."

# Built as the reference builds them: 0.6000000000000001, ... decide ties at the thresholds.
IOU_THRESHOLDS = np.arange(0.5, 1.0, 0.05)


class InvalidRLEError(InvalidSubmissionError):
    """An RLE string the reference's ``rle_decode`` rejects.

    ``row`` is the row's position in the decoded column. ``assertion`` tells how the reference
    fails: True for its ``assert`` checks (the tgs grader reports ``Error decoding RLE masks:
    <message>``), False for an exception escaping its grader (``int()`` of a bad token, numpy
    broadcasting of an odd token count, non-integer slice bounds) whose message is kept as is.
    """

    def __init__(self, message: str, *, row: int, assertion: bool) -> None:
        super().__init__(message)
        self.row = row
        self.assertion = assertion


@dataclass(frozen=True, slots=True)
class Runs:
    """Decoded masks of a column: row ``r`` covers ``[starts[i], stops[i])`` for ``i`` in
    ``offsets[r]:offsets[r + 1]`` (int64, sorted, disjoint, within ``[0, n_pixels)``)."""

    offsets: np.ndarray
    starts: np.ndarray
    stops: np.ndarray
    n_pixels: int | np.ndarray  # one size for every row, or each row's own (int64)

    def __len__(self) -> int:
        return self.offsets.shape[0] - 1

    def areas(self) -> np.ndarray:
        """Pixels covered by each row (int64)."""
        cumulative = np.concatenate(([0], np.cumsum(self.stops - self.starts)))
        return cumulative[self.offsets[1:]] - cumulative[self.offsets[:-1]]

    def mask(self, row: int, height: int, width: int, order: Literal["F", "C"] = "F") -> np.ndarray:
        """Row ``row`` as a (height, width) bool image.

        ``order="F"``: flat index ``k`` is pixel ``(k % height, k // height)`` (the reference's
        ``img.reshape((width, height)).T``); ``"C"``: ``(k // width, k % width)``.
        """
        n_pixels = self.n_pixels if np.isscalar(self.n_pixels) else int(self.n_pixels[row])
        if height * width != n_pixels:
            msg = (
                f"height * width = {height * width}, but the runs were decoded for "
                f"{n_pixels} pixels."
            )
            raise ValueError(msg)
        flat = np.zeros(height * width, dtype=bool)
        lo, hi = self.offsets[row], self.offsets[row + 1]
        for start, stop in zip(self.starts[lo:hi].tolist(), self.stops[lo:hi].tolist()):
            flat[start:stop] = True
        if order == "F":
            return flat.reshape((width, height)).T
        return flat.reshape((height, width))


_ASSERTION_MESSAGES = {2: MSG_UNSORTED, 3: MSG_NOT_POSITIVE, 4: MSG_OVERLAP}


def _decode_one_python(rle: str, n_pixels: int, row: int) -> tuple[np.ndarray, np.ndarray]:
    """One string, with Python's ``int()`` and numpy's arithmetic and slicing doing the work.

    Used for the strings the compiled kernel declines; returns (starts, stops) like it does.
    """
    empty = np.zeros(0, dtype=np.int64)
    if not rle.strip():
        return empty, empty
    try:
        values = [int(token) for token in rle.split()]
    except ValueError as exc:
        raise InvalidRLEError(str(exc), row=row, assertion=False) from exc
    starts, lengths = values[0::2], values[1::2]
    if starts != sorted(starts):
        raise InvalidRLEError(MSG_UNSORTED, row=row, assertion=True)
    if any(v <= 0 for v in starts) or any(v <= 0 for v in lengths):
        raise InvalidRLEError(MSG_NOT_POSITIVE, row=row, assertion=True)
    try:
        # numpy on purpose: an odd token count broadcasts (or fails to), huge values promote to
        # uint64 / float64 / object and int64 sums wrap, exactly as in the reference.
        lows = np.array(starts) - 1
        highs = lows + lengths
    except (ValueError, TypeError, OverflowError) as exc:
        raise InvalidRLEError(str(exc), row=row, assertion=False) from exc
    if highs.size == 0:  # a lone token: its start broadcasts against no length, zip() is empty
        return empty, empty
    if lows.dtype == np.int64 and highs.dtype == np.int64 and bool(np.all(highs >= lows)):
        return _slice_runs(lows, highs, n_pixels, row)
    covered = np.zeros(n_pixels, dtype=bool)
    try:
        for lo, hi in zip(lows, highs):
            window = covered[lo:hi]
            if window.any():
                raise InvalidRLEError(MSG_OVERLAP, row=row, assertion=True)
            window[:] = True
    except (ValueError, TypeError, OverflowError) as exc:
        if isinstance(exc, InvalidRLEError):
            raise
        raise InvalidRLEError(str(exc), row=row, assertion=False) from exc
    edges = np.diff(covered.astype(np.int8), prepend=0, append=0)
    return np.flatnonzero(edges == 1).astype(np.int64), np.flatnonzero(edges == -1).astype(np.int64)


def _slice_runs(
    lows: np.ndarray, highs: np.ndarray, n_pixels: int, row: int
) -> tuple[np.ndarray, np.ndarray]:
    """``img[lo:hi] = True`` for each pair (sorted, non-negative starts, no wrap-around), with
    the reference's overlap check, on intervals: a gigapixel image is never allocated."""
    lo_c = np.minimum(lows, n_pixels)
    hi_c = np.minimum(highs, n_pixels)
    keep = hi_c > lo_c
    lo_c, hi_c = lo_c[keep], hi_c[keep]
    if lo_c.size > 1:
        # Sorted starts: a slice meets an earlier one iff it starts before their furthest end.
        reach = np.maximum.accumulate(hi_c)[:-1]
        if np.any(lo_c[1:] < reach):
            raise InvalidRLEError(MSG_OVERLAP, row=row, assertion=True)
    # Adjacent slices join into one run, as the dense decoding's edges would give them.
    joined = np.concatenate(([True], lo_c[1:] != hi_c[:-1])) if lo_c.size else keep[:0]
    ends = np.concatenate((np.flatnonzero(joined)[1:] - 1, [lo_c.size - 1])) if lo_c.size else lo_c
    return lo_c[joined].astype(np.int64), hi_c[ends].astype(np.int64)


def decode_rle_column(rles: StringColumn, n_pixels: int | np.ndarray) -> Runs:
    """Decode a column of RLE strings (no nulls: replace them by "" first) over images of
    ``n_pixels`` pixels (an int, or one int64 per row), as the reference's ``rle_decode``
    would, row by row.

    Raises :class:`InvalidRLEError` for the first row (in column order) the reference rejects.
    """
    offsets, data = string_buffers(rles)
    if np.isscalar(n_pixels):
        status, run_offsets, starts, stops = load("rle").decode_runs(offsets, data, n_pixels)
        row_pixels = None
    else:
        row_pixels = np.ascontiguousarray(n_pixels, dtype=np.int64)
        decoded = load("rle").decode_runs_sized(offsets, data, row_pixels)
        status, run_offsets, starts, stops = decoded
    bad = np.flatnonzero(status)
    if bad.size == 0:
        return Runs(run_offsets, starts, stops, n_pixels)

    raw = bytes(data)  # exotic rows only: decode them from the original UTF-8
    replaced: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for row in bad.tolist():
        code = int(status[row])
        if code != 1:  # the kernel already knows the reference's verdict
            raise InvalidRLEError(_ASSERTION_MESSAGES[code], row=row, assertion=True)
        text = raw[offsets[row] : offsets[row + 1]].decode("utf-8")
        size = n_pixels if row_pixels is None else int(row_pixels[row])
        replaced[row] = _decode_one_python(text, size, row)

    counts = np.diff(run_offsets)
    pieces_start: list[np.ndarray] = []
    pieces_stop: list[np.ndarray] = []
    previous = 0
    for row, (row_starts, row_stops) in sorted(replaced.items()):
        pieces_start += [starts[run_offsets[previous] : run_offsets[row]], row_starts]
        pieces_stop += [stops[run_offsets[previous] : run_offsets[row]], row_stops]
        counts[row] = row_starts.shape[0]
        previous = row + 1
    pieces_start.append(starts[run_offsets[previous] :])
    pieces_stop.append(stops[run_offsets[previous] :])
    new_offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    return Runs(new_offsets, np.concatenate(pieces_start), np.concatenate(pieces_stop), n_pixels)


def decode_rle(rle: str, n_pixels: int) -> tuple[np.ndarray, np.ndarray]:
    """(starts, stops) of one RLE string; see :func:`decode_rle_column`."""
    runs = decode_rle_column(pl.Series([rle], dtype=pl.String), n_pixels)
    return runs.starts, runs.stops


def iou_sweep_scores(answers: Runs, predictions: Runs) -> np.ndarray:
    """Per-image score of the tgs-salt grader's ``iou_metric`` (float64).

    For each image: 1.0 if both masks are empty, 0.0 if only the answer is; otherwise the share
    of :data:`IOU_THRESHOLDS` strictly below IoU = |T & P| / |T | P|, where an empty prediction
    counts as covering the whole image (the reference's ``histogram2d`` bins an all-False mask
    that way), i.e. IoU = |T| / n_pixels.
    """
    if answers.n_pixels != predictions.n_pixels:
        msg = f"Masks of different sizes: {answers.n_pixels} and {predictions.n_pixels} pixels."
        raise ValueError(msg)
    return load("rle").iou_sweep_scores(
        answers.offsets,
        answers.starts,
        answers.stops,
        predictions.offsets,
        predictions.starts,
        predictions.stops,
        answers.n_pixels,
        IOU_THRESHOLDS,
    )


def tgs_salt_score(
    predictions: StringColumn, answers: StringColumn, *, height: int = 101, width: int = 101
) -> np.float64:
    """The tgs-salt-identification-challenge metric: the mean of :func:`iou_sweep_scores`.

    Both columns are id-sorted RLE strings with nulls replaced by "". Predictions are decoded
    first, as in the reference, so an invalid prediction raises :class:`InvalidRLEError` before
    the answers are looked at.
    """
    n_pixels = height * width
    predicted = decode_rle_column(predictions, n_pixels)
    expected = decode_rle_column(answers, n_pixels)
    if len(predicted) != len(expected):
        msg = f"Expected {len(expected)} predicted masks, got {len(predicted)}."
        raise ValueError(msg)
    return np.mean(iou_sweep_scores(expected, predicted))
