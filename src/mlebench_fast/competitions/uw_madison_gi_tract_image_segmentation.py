"""uw-madison-gi-tract-image-segmentation: 0.4 * mean 2-D Dice + 0.6 * (1 - mean 3-D Hausdorff).

The reference asserts the answers' image_height / image_width columns; requires the submission
to contain id, class and predicted (extra columns fine; ``class`` is never read); ``fillna("")``
on both ``predicted`` columns; and then works BY POSITION, never aligning ids: submission row
``i`` is decoded (column-major ``rle_decode``: a cell that is not a ``str`` is rejected, as are
unsorted, non-positive or overlapping pairs and ``int()`` failures; runs past the image are cut,
a lone token is empty, an odd token count broadcasts its one length) with the height and width
of answers row ``i``, and ``zip`` stops at the shorter file, so extra submission rows are never
read and missing ones shorten every list.

- Dice: ``dice_coefficient`` of row ``i`` against answers row ``i``, NaN when both are empty;
  ``np.nanmean`` over rows.
- Hausdorff: each side's rows are sorted by id (Python string order; a non-string id among the
  rows read fails the sort or ``split``), masks of the same id are OR-ed (``logical_or.reduce``
  fails on masks of different shapes), ids are grouped into case-days by the text before their
  first "_slice_" in order of first appearance, and each case-day's slices, in id order, are
  stacked into a volume (``np.stack`` fails on different shapes). The i-th case-day of the
  submission is paired with the i-th of the answers, whatever their names (``zip`` again).
  ``hausdorff_distance``: NaN if both volumes are empty, 0 if equal (``array_equal``: shape and
  voxels), 1 if one is empty or the prediction has more than 10x the true voxels, else the
  symmetric scipy ``directed_hausdorff`` of ``argwhere / true_shape`` divided by sqrt(3);
  ``np.nanmean`` over case-days.

The score is ``0.4 * dice + 0.6 * (1 - hausdorff)``, numpy.float64, NaN when either mean has
nothing to average (an empty submission). Volumes are never materialised whole here: Dice is
computed on runs, Hausdorff on the volumes' boundary points with an exact pruned search
(kernels/hausdorff.py), bit-identical to scipy's.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.hausdorff import union_runs, volume_hausdorff
from mlebench_fast.kernels.masks import Runs, decode_rle_column
from mlebench_fast.kernels.run_overlap import intersection_sizes
from mlebench_fast.validation.answers import InvalidAnswersError
from mlebench_fast.validation.frames import fillna_empty, fillna_empty_is_all_str, kind

SUBMISSION_COLUMNS = {"id", "class", "predicted"}
DICE_WEIGHT = 0.4
HAUSDORFF_WEIGHT = 0.6


@dataclass(frozen=True, slots=True)
class Volumes:
    """Case-day volumes: slice ``s`` covers merged runs ``starts/stops[offsets[s]:offsets[s+1]]``;
    case-day ``d`` stacks slices ``slices[day_offsets[d]:day_offsets[d + 1]]`` of shape
    (heights[d], widths[d])."""

    offsets: np.ndarray
    starts: np.ndarray
    stops: np.ndarray
    slices: np.ndarray
    day_offsets: np.ndarray
    heights: np.ndarray
    widths: np.ndarray

    def __len__(self) -> int:
        return self.day_offsets.shape[0] - 1


@dataclass(frozen=True, slots=True)
class UwMadisonAnswers:
    heights: np.ndarray
    widths: np.ndarray
    masks: Runs
    volumes: Volumes


class ShapeMismatchError(InvalidSubmissionError):
    """Masks of different shapes met in ``logical_or.reduce`` or ``np.stack``."""


def group_volumes(ids: pl.Series, masks: Runs, heights: np.ndarray, widths: np.ndarray) -> Volumes:
    """The reference's ``group_masks_by_day`` on decoded rows (ids: strings without nulls)."""
    n = ids.len()
    frame = pl.DataFrame(
        {"id": ids, "row": np.arange(n, dtype=np.int64), "h": heights, "w": widths}
    ).sort("id", "row")
    per_slice = frame.group_by("id", maintain_order=True).agg(
        pl.col("row"),
        pl.col("h").min().alias("h_min"), pl.col("h").max().alias("h_max"),
        pl.col("w").min().alias("w_min"), pl.col("w").max().alias("w_max"),
    )
    if (per_slice["h_min"] != per_slice["h_max"]).any() or (
        per_slice["w_min"] != per_slice["w_max"]
    ).any():
        msg = (
            "setting an array element with a sequence. The requested array has an "
            "inhomogeneous shape"
        )
        raise ShapeMismatchError(msg)
    rows = frame["row"].to_numpy()
    counts = per_slice["row"].list.len().to_numpy()
    group_offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    offsets, starts, stops = union_runs(
        group_offsets, np.ascontiguousarray(rows), masks.offsets, masks.starts, masks.stops
    )
    days = per_slice.select(
        pl.col("id").str.split("_slice_").list.first().alias("day"),
        pl.int_range(pl.len(), dtype=pl.Int64).alias("slice"),
        pl.col("h_min").alias("h"),
        pl.col("w_min").alias("w"),
    )
    order = days.with_columns(
        pl.col("slice").min().over("day").alias("first")
    ).sort("first", "slice")
    per_day = order.group_by("first", maintain_order=True).agg(
        pl.len().alias("depth"),
        pl.col("h").min().alias("h_min"), pl.col("h").max().alias("h_max"),
        pl.col("w").min().alias("w_min"), pl.col("w").max().alias("w_max"),
    )
    if (per_day["h_min"] != per_day["h_max"]).any() or (per_day["w_min"] != per_day["w_max"]).any():
        raise ShapeMismatchError("all input arrays must have the same shape")
    day_offsets = np.concatenate(([0], np.cumsum(per_day["depth"].to_numpy()))).astype(np.int64)
    return Volumes(
        offsets, starts, stops, order["slice"].to_numpy().astype(np.int64), day_offsets,
        per_day["h_min"].to_numpy().astype(np.int64), per_day["w_min"].to_numpy().astype(np.int64),
    )


def _head(runs: Runs, rows: int) -> Runs:
    return Runs(runs.offsets[: rows + 1], runs.starts, runs.stops, runs.n_pixels)


def hausdorff_distances(predicted: Volumes, truth: Volumes) -> np.ndarray:
    """``hausdorff_distance`` of each positional pair of case-days (float64)."""
    pairs = min(len(predicted), len(truth))
    out = np.empty(pairs, dtype=np.float64)
    for d in range(pairs):  # one call per case-day (49 in the real test set)
        p = predicted.slices[predicted.day_offsets[d] : predicted.day_offsets[d + 1]]
        t = truth.slices[truth.day_offsets[d] : truth.day_offsets[d + 1]]
        out[d] = volume_hausdorff(
            predicted.offsets, predicted.starts, predicted.stops, p,
            int(predicted.heights[d]), int(predicted.widths[d]),
            truth.offsets, truth.starts, truth.stops, t,
            int(truth.heights[d]), int(truth.widths[d]),
        )
    return out


@dataclass(frozen=True, slots=True)
class UwMadisonGrader:
    def prepare_answers(self, answers: Table) -> UwMadisonAnswers:
        for column in ("image_height", "image_width", "id", "predicted"):
            if column not in answers.columns:
                raise InvalidAnswersError(f"{column} column not found in answers")
        frame = answers.frame
        numeric = ("int", "float")
        if kind(frame["image_height"]) not in numeric or kind(frame["image_width"]) not in numeric:
            raise InvalidAnswersError("Expected numeric image_height and image_width.")
        # astype(int) truncates toward zero.
        heights = frame["image_height"].cast(pl.Float64).to_numpy().astype(np.int64)
        widths = frame["image_width"].cast(pl.Float64).to_numpy().astype(np.int64)
        if not fillna_empty_is_all_str(frame["predicted"]) or kind(frame["id"]) != "str" or frame[
            "id"
        ].null_count():
            raise InvalidAnswersError("Expected string ids and RLE strings in the answers.")
        masks = decode_rle_column(fillna_empty(frame["predicted"]), heights * widths)
        volumes = group_volumes(frame["id"], masks, heights, widths)
        return UwMadisonAnswers(heights, widths, masks, volumes)

    def score(self, submission: Table, answers: UwMadisonAnswers) -> np.float64:
        if not SUBMISSION_COLUMNS.issubset(set(submission.columns)):
            raise InvalidSubmissionError("Submission must have columns: id, class, predicted")
        rows = min(submission.height, answers.heights.shape[0])
        if rows == 0:
            empty = np.zeros(0, dtype=np.float64)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                return DICE_WEIGHT * np.nanmean(empty) + HAUSDORFF_WEIGHT * (1 - np.nanmean(empty))
        frame = submission.frame.head(rows)
        predicted = frame["predicted"]
        if not fillna_empty_is_all_str(predicted):
            # rle_decode's own assert on a non-str cell, which the harness turns into a rejection.
            raise InvalidSubmissionError("Expected a string in every predicted cell.")
        masks = decode_rle_column(
            fillna_empty(predicted), answers.heights[:rows] * answers.widths[:rows]
        )
        ids = frame["id"]
        if rows and (kind(ids) != "str" or ids.null_count()):
            # sorted() of str and float, or str.split on a number.
            raise InvalidSubmissionError("Expected every id to be a string.")
        volumes = group_volumes(ids, masks, answers.heights[:rows], answers.widths[:rows])

        truth = _head(answers.masks, rows)
        inter = intersection_sizes(truth, masks)
        union = truth.areas() + masks.areas()
        with np.errstate(invalid="ignore", divide="ignore"):
            dice = (2 * inter) / union
        dice[union == 0] = np.nan
        distances = hausdorff_distances(volumes, answers.volumes)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # nanmean of nothing: NaN
            dice_mean = np.nanmean(dice)
            hausdorff_mean = np.nanmean(distances)
        return DICE_WEIGHT * dice_mean + HAUSDORFF_WEIGHT * (1 - hausdorff_mean)


GRADER = UwMadisonGrader()
