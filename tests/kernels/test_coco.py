"""The COCO bbox AP path of vinbigdata (coco_match, coco_precision and their sorting) against
pycocotools' COCOeval on hand-built datasets, as the reference builds them: corner boxes where
COCO expects x/y/w/h, annotation ids from 0, no loadRes. Skipped without pycocotools."""

from __future__ import annotations

import contextlib
import io

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("pycocotools")
from pycocotools.coco import COCO  # noqa: E402
from pycocotools.cocoeval import COCOeval  # noqa: E402

from mlebench_fast.competitions.vinbigdata_chest_xray_abnormalities_detection import (  # noqa: E402
    GRADER,
    _evaluate,
)
from mlebench_fast.io.table import Table  # noqa: E402

coord = st.one_of(
    st.integers(0, 8).map(float), st.sampled_from([float("nan"), -3.0, 2.5, 1e6])
)
score = st.one_of(st.sampled_from([0.5, 1.0, 0.0]), st.sampled_from([float("nan"), 0.25]))
# The reference asserts that the answers' corners hold no NaN.
gt_coord = st.one_of(st.integers(0, 8).map(float), st.sampled_from([-3.0, 2.5, 1e6]))
gt_row = st.tuples(st.integers(0, 3), st.integers(0, 2), gt_coord, gt_coord, gt_coord, gt_coord)
dt_row = st.tuples(st.integers(0, 3), st.integers(-1, 3), score, coord, coord, coord, coord)


def reference(gts, dts, n_img):
    images = [{"id": i} for i in range(n_img)]
    cats = [{"id": c, "name": str(c), "supercategory": "none"} for c in sorted({g[1] for g in gts})]
    anns = []
    for k, (i, c, x0, y0, x1, y1) in enumerate(sorted(gts, key=lambda g: g[0])):
        anns.append({"id": k, "image_id": i, "category_id": c, "bbox": np.array([x0, y0, x1, y1]),
                     "segmentation": [], "ignore": 0, "area": (x1 - x0) * (y1 - y0), "iscrowd": 0})
    dets = []
    for k, (i, c, s, x0, y0, x1, y1) in enumerate(dts):
        dets.append({"id": k, "image_id": i, "category_id": c, "bbox": np.array([x0, y0, x1, y1]),
                     "segmentation": [], "ignore": 0, "area": (x1 - x0) * (y1 - y0), "iscrowd": 0,
                     "score": s})
    with contextlib.redirect_stdout(io.StringIO()):
        gt = COCO()
        gt.dataset = {"type": "instances", "images": images, "categories": cats, "annotations": anns}
        gt.createIndex()
        dt = COCO()
        dt.dataset = {"images": list(images), "categories": list(cats), "annotations": dets}
        dt.createIndex()
        ev = COCOeval(gt, dt, "bbox")
        ev.params.imgIds = sorted(gt.getImgIds())
        ev.params.useCats = True
        ev.params.iouThrs = np.array([0.4])
        ev.evaluate()
        ev.accumulate()
        ev.summarize()
    return ev.stats[0]


def ours(gts, dts, n_img):
    gts = sorted(gts, key=lambda g: g[0])
    ids = [f"img{i}" for i in range(n_img)]
    # Every image appears in the answers (COCO's image list), in order; an image without ground
    # truth is given none by listing it only through the id table below.
    frame = pl.DataFrame(
        {
            "image_id": [ids[g[0]] for g in gts],
            "class_id": [g[1] for g in gts],
            "x_min": [g[2] for g in gts], "y_min": [g[3] for g in gts],
            "x_max": [g[4] for g in gts], "y_max": [g[5] for g in gts],
        },
        schema_overrides={"class_id": pl.Int64},
    )
    prepared = GRADER.prepare_answers(Table(frame))
    img = np.array([d[0] for d in dts], dtype=np.int64)
    values = np.array([[d[1], *d[2:]] for d in dts], dtype=np.float64).reshape(-1, 6)
    return _evaluate(prepared, img, values[:, 0], values)


@settings(max_examples=300, deadline=None)
@given(st.lists(gt_row, min_size=1, max_size=10), st.lists(dt_row, max_size=14))
def test_matches_cocoeval(gts, dts):
    # Images are numbered by first appearance in the answers, as the reference numbers them.
    seen = []
    for g in sorted(gts, key=lambda g: g[0]):
        if g[0] not in seen:
            seen.append(g[0])
    remap = {old: new for new, old in enumerate(seen)}
    gts = [(remap[g[0]], *g[1:]) for g in gts]
    dts = [(remap[d[0]], *d[1:]) for d in dts if d[0] in remap]
    want = reference(gts, dts, len(seen))
    got = ours(gts, dts, len(seen))
    assert type(got) is type(want)
    assert got == want or (np.isnan(got) and np.isnan(want))


def test_more_than_100_detections_and_ties():
    rng = np.random.default_rng(3)
    gts = [(i % 4, int(rng.integers(0, 3)), *map(float, rng.integers(0, 50, 4))) for i in range(40)]
    gts.sort(key=lambda g: g[0])
    dts = [
        (int(rng.integers(0, 4)), int(rng.integers(0, 3)), float(rng.integers(0, 4)) / 4,
         *map(float, rng.integers(0, 50, 4)))
        for _ in range(600)
    ]
    assert ours(gts, dts, 4) == reference(gts, dts, 4)
