"""vinbigdata-chest-xray-abnormalities-detection: pycocotools' COCOeval bbox AP at IoU 0.4.

The reference asserts the answers' columns and that their corners hold no NaN, then requires the
submission's ``PredictionString`` and ``image_id`` columns ("Submission must have a `...`
column") and ``set(image_id)`` equal to the answers' ("The set of image_ids in the submission
must match the set of image_ids in the answers"). It builds COCO datasets by hand and runs
``COCOeval`` with ``iouThrs=[0.4]``, returning ``stats[0]`` (a ``numpy.float64``):

- images are the answers' distinct ``image_id`` in order of appearance; categories the distinct
  ``class_id``; ground-truth ids count from 0 image by image (answers order within an image);
- every submission row (in file order, duplicates included) is ``s.split(" ")`` -> Python
  ``float()`` per token -> ``reshape(-1, 6)``: a NaN/number cell (no ``split``), an empty token,
  a bad float or a count that is not a multiple of 6 reject; ``int(class)`` of NaN/inf rejects
  and truncates otherwise; detection ids count from 0 over the whole file; detections of an
  unknown class are dropped;
- the corner boxes are passed where COCO expects (x, y, width, height): the IoU is pycocotools'
  ``bbIou`` of ``[x_min, y_min, x_max, y_max]`` read as x/y/w/h (C ``fmin``/``fmax`` ignore
  NaN), while ``area`` is the true corner area (for the [0, 1e10] 'all' range: a ground truth
  outside it is ignored and sorted last, an unmatched detection outside it is ignored);
- per (image, category) detections are sorted by score (stable mergesort, NaN last) and cut to
  100; greedy matching at IoU >= 0.4 where a NaN IoU matches, a ground truth whose matching
  detection has id 0 stays available, and a detection matched to the ground truth of id 0
  counts as unmatched (a false positive): pycocotools stores ids in its match arrays and tests
  them for truth;
- accumulate: per category, all detections stably sorted by score, precision at the 101 recall
  thresholds from the right-maximised curve (0 past the last recall reached); ``stats[0]`` is the
  mean of every value > -1 over recall thresholds x categories (categories without a counted
  ground truth are -1), or -1 when there is none.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.boxes import coco_match, coco_precision
from mlebench_fast.validation.answers import InvalidAnswersError, require_answer_columns
from mlebench_fast.validation.frames import kind, same_set
from mlebench_fast.validation.labels import Vocabulary
from mlebench_fast.validation.python_float import python_floats

ID, TARGET = "image_id", "PredictionString"
CORNERS = ("x_min", "y_min", "x_max", "y_max")
IOU_THRESHOLD = 0.4
AREA_ALL = (0.0, 1e5**2)
MAX_DETS = 100
REC_THRS = np.linspace(0.0, 1.00, int(np.round((1.00 - 0.0) / 0.01)) + 1, endpoint=True)


@dataclass(frozen=True, slots=True)
class PreparedAnswers:
    ids: pl.Series  # distinct image ids in order of appearance
    index: Vocabulary | None  # string ids -> image number
    categories: np.ndarray  # sorted distinct class ids
    g_key: np.ndarray  # per ground truth, sorted by (category, image, ignored, id): key
    g_id: np.ndarray
    g_box: np.ndarray
    g_ignore: np.ndarray
    npig: np.ndarray  # counted (not ignored) ground truths per category


class VinBigDataGrader:
    def prepare_answers(self, answers: Table) -> PreparedAnswers:
        require_answer_columns(answers, "class_id", *CORNERS, ID)
        frame = answers.frame
        for col in CORNERS:
            if frame[col].null_count() or (frame[col].dtype.is_float() and frame[col].is_nan().any()):
                raise InvalidAnswersError(f"Answers must not contain any NaN values in `{col}` column")
            if not frame[col].dtype.is_numeric():
                raise InvalidAnswersError(f"answers' `{col}` must be numbers")
        if kind(frame["class_id"]) != "int":
            raise InvalidAnswersError("answers' class_id must be integers")
        image = frame[ID]
        ids = image.unique(maintain_order=True)
        if kind(image) == "str":
            index = Vocabulary.of(ids)
            img = index.code(image)
        else:
            index = None
            img = _numeric_codes(ids, image)
        n = frame.height
        # Ground-truth ids: answers order within each image, images in order of appearance.
        by_image = np.argsort(img, kind="stable")
        gid = np.empty(n, dtype=np.float64)
        gid[by_image] = np.arange(n, dtype=np.float64)
        cls = frame["class_id"].to_numpy().astype(np.int64)
        categories = np.unique(cls)
        cat = np.searchsorted(categories, cls)
        box = np.column_stack([frame[c].cast(pl.Float64).to_numpy() for c in CORNERS])
        area = (box[:, 2] - box[:, 0]) * (box[:, 3] - box[:, 1])
        ignore = ((area < AREA_ALL[0]) | (area > AREA_ALL[1])).astype(np.int64)
        order = np.lexsort((gid, ignore, img, cat))
        n_img = ids.len()
        npig = np.bincount(cat[ignore == 0], minlength=categories.size).astype(np.int64)
        return PreparedAnswers(
            ids, index, categories, (cat * n_img + img)[order].astype(np.int64),
            gid[order], np.ascontiguousarray(box[order]), ignore[order], npig,
        )

    def score(self, submission: Table, answers: PreparedAnswers) -> np.float64:
        for col in (TARGET, ID):
            if col not in submission.columns:
                raise InvalidSubmissionError(f"Submission must have a `{col}` column")
        image = submission.frame[ID]
        if not same_set(image, answers.ids):
            raise InvalidSubmissionError(
                "The set of image_ids in the submission must match the set of image_ids in the answers"
            )
        cells = submission.frame[TARGET]
        if kind(cells) != "str" or cells.null_count():
            # NaN or a number has no .split(): AttributeError, a rejection.
            raise InvalidSubmissionError("PredictionString cells must be strings")
        lists = cells.str.split(" ")
        counts = lists.list.len().to_numpy().astype(np.int64)
        if (counts % 6).any():
            raise InvalidSubmissionError("cannot reshape the prediction values into rows of 6")
        values, failed = python_floats(lists.explode())
        if failed >= 0:
            raise InvalidSubmissionError("could not convert string to float")
        values = values.reshape(-1, 6)
        label = values[:, 0]
        if not np.isfinite(label).all():
            raise InvalidSubmissionError("cannot convert float NaN or infinity to integer")
        if answers.index is not None:
            img_of_row = answers.index.code(image)
        else:
            img_of_row = _numeric_codes(answers.ids, image)
        img = np.repeat(img_of_row, counts // 6)
        return _evaluate(answers, img, label, values)


def _numeric_codes(ids: pl.Series, values: pl.Series) -> np.ndarray:
    table = pl.DataFrame({"v": ids.cast(pl.Float64), "i": np.arange(ids.len())})
    joined = pl.DataFrame({"v": values.cast(pl.Float64)}).join(table, on="v", how="left", maintain_order="left")
    return joined["i"].to_numpy().astype(np.int64)


def _evaluate(answers: PreparedAnswers, img: np.ndarray, label: np.ndarray, values: np.ndarray) -> np.float64:
    categories = answers.categories
    n_img = answers.ids.len()
    n_cat = categories.size
    # int() truncates toward zero; a class far outside int64 is simply no category.
    inside = np.abs(label) < 2.0**62
    cls = np.where(inside, np.trunc(label), -1).astype(np.int64)
    pos = np.minimum(np.searchsorted(categories, cls), max(n_cat - 1, 0))
    known = inside & (n_cat > 0) & (categories[pos] == cls) if n_cat else np.zeros(cls.size, bool)
    det = np.flatnonzero(known)  # detection ids are positions over the whole file
    score = values[det, 1]
    cat = pos[det]
    key = cat * n_img + img[det]
    # Per (image, category): stable sort by -score (NaN last), cut to MAX_DETS.
    by_score = np.argsort(-score, kind="stable")
    grouped = by_score[np.argsort(key[by_score], kind="stable")]
    gkey = key[grouped]
    starts = np.flatnonzero(np.r_[True, gkey[1:] != gkey[:-1]]) if gkey.size else np.zeros(0, np.int64)
    rank = np.arange(gkey.size) - np.repeat(starts, np.diff(np.r_[starts, gkey.size]))
    kept = grouped[rank < MAX_DETS]
    kkey = key[kept]
    group = np.flatnonzero(np.r_[True, kkey[1:] != kkey[:-1]]) if kkey.size else np.zeros(0, np.int64)
    group_keys = kkey[group]
    d_group = np.r_[group, kkey.size].astype(np.int64)
    g_start = np.searchsorted(answers.g_key, group_keys, side="left").astype(np.int64)
    g_stop = np.searchsorted(answers.g_key, group_keys, side="right").astype(np.int64)
    rows = det[kept]
    box = np.ascontiguousarray(values[rows, 2:6])
    area = (box[:, 2] - box[:, 0]) * (box[:, 3] - box[:, 1])
    dtm, dtig = coco_match(
        d_group, rows.astype(np.float64), box, area, g_start, g_stop,
        answers.g_id, answers.g_box, answers.g_ignore, IOU_THRESHOLD, *AREA_ALL,
    )
    # Accumulation order: per category, images in order, then stably by -score.
    kcat = cat[kept]
    acc = np.argsort(-score[kept], kind="stable")
    acc = acc[np.argsort(kcat[acc], kind="stable")]
    cat_start = np.searchsorted(kcat[acc], np.arange(n_cat + 1)).astype(np.int64)
    precision = coco_precision(cat_start, dtm[acc], dtig[acc], answers.npig, REC_THRS)
    s = precision.ravel()
    s = s[s > -1]
    if s.size == 0:
        return np.float64(-1)
    return np.float64(np.mean(s))


GRADER = VinBigDataGrader()
