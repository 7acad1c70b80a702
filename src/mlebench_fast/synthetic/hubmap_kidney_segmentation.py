"""hubmap-kidney-segmentation: glomeruli as ellipses on gigapixel slides, column-major RLE."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex
from mlebench_fast.synthetic._masks import Blobs, blob_runs, grid_blobs, jitter, rle_strings

# The real test set: three slides, 1.36 gigapixels in all, glomeruli a few hundred pixels wide.
REAL_SHAPES = ((18484, 24000), (22000, 20350), (16500, 25970))  # (height, width)
REAL_CELL = 400


def _shapes(rows: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int]:
    if rows == len(REAL_SHAPES):
        heights, widths = (np.array(v, dtype=np.int64) for v in zip(*REAL_SHAPES, strict=True))
        return heights, widths, REAL_CELL
    # Other sizes (golden fixtures): thumbnails, so the files stay small.
    return rng.integers(20, 60, rows), rng.integers(20, 60, rows), 12


class HubmapKidneySegmentation(Generator):
    competition_id = "hubmap-kidney-segmentation"
    default_rows = 3
    id_column = "id"
    is_lower_better = False
    leaderboard_teams = 1200
    leaderboard_best = 0.951
    leaderboard_worst = 0.3

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        heights, widths, cell = _shapes(rows, rng)
        blobs = grid_blobs(np.arange(rows), heights, widths, cell, 0.3, rng)
        runs = blob_runs(blobs, heights, widths, "F")
        return pl.DataFrame(
            {
                "id": random_hex(rows, 9, rng),
                "encoding": rle_strings(*runs, rows),
                "width_pixels": widths,
                "height_pixels": heights,
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return pl.DataFrame({"id": answers["id"], "predicted": [None] * answers.height},
                            schema={"id": pl.String, "predicted": pl.String})

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        if quality == "perfect":
            return pl.DataFrame({"id": answers["id"], "predicted": answers["encoding"]})
        rows = answers.height
        heights = answers["height_pixels"].to_numpy()
        widths = answers["width_pixels"].to_numpy()
        cell = REAL_CELL if rows == len(REAL_SHAPES) else 12
        if quality == "noisy":
            truth = _blobs_of(answers, cell, rng)
            shift = cell * 0.04
            blobs = Blobs.concat(
                jitter(truth, shift, 0.1, 0.1, rng),
                grid_blobs(np.arange(rows), heights, widths, cell, 0.02, rng),
            )
        else:
            blobs = grid_blobs(np.arange(rows), heights, widths, cell, 0.3, rng)
        runs = blob_runs(blobs, heights, widths, "F")
        return pl.DataFrame({"id": answers["id"], "predicted": rle_strings(*runs, rows)})


def _blobs_of(answers: pl.DataFrame, cell: int, rng: np.random.Generator) -> Blobs:
    """Ellipses fitting the answers' runs: one per connected column stretch is overkill, so
    take each run's bounding box per grid cell."""
    parts = []
    for img, (rle, h) in enumerate(zip(answers["encoding"].to_list(),
                                       answers["height_pixels"].to_list(), strict=True)):
        if not rle:
            continue
        tokens = np.array(rle.split(), dtype=np.int64)
        start, length = tokens[0::2] - 1, tokens[1::2]
        x = start // h
        y0 = start % h
        y1 = y0 + length
        cell_id = (x // cell) * (1 << 20) + (y0 // cell)
        cells = pl.DataFrame({"c": cell_id, "x": x, "y0": y0, "y1": y1})
        frame = cells.group_by("c", maintain_order=True).agg(
            pl.col("x").min().alias("x0"), pl.col("x").max().alias("x1"),
            pl.col("y0").min(), pl.col("y1").max(),
        )
        x0, x1 = frame["x0"].to_numpy(), frame["x1"].to_numpy() + 1
        ya, yb = frame["y0"].to_numpy(), frame["y1"].to_numpy()
        parts.append(Blobs(np.full(frame.height, img, dtype=np.int64), (ya + yb) / 2,
                           (x0 + x1) / 2, (yb - ya) / 2, (x1 - x0) / 2))
    if not parts:
        empty = np.zeros(0)
        return Blobs(np.zeros(0, dtype=np.int64), empty, empty, empty, empty)
    return Blobs.concat(*parts)


GENERATOR = HubmapKidneySegmentation()
