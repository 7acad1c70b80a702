"""vesuvius-challenge-ink-detection: ink strokes on one papyrus fragment, row-major RLE."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality
from mlebench_fast.synthetic._masks import Blobs, blob_runs, grid_blobs, jitter, rle_strings

# Fragment 3 of the training set becomes the test set: one 5249 x 7606 ink mask (width x height).
REAL_WIDTH, REAL_HEIGHT = 5249, 7606
REAL_CELL = 64
SMALL_CELL = 8


def _ids(rows: int) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return [letters[i % 26] * (1 + i // 26) for i in range(rows)]


def _strokes(images: np.ndarray, heights: np.ndarray, widths: np.ndarray, cell: int,
             fill: float, rng: np.random.Generator) -> Blobs:
    """Letters as flat ellipses, one per cell, wide ones and tall ones."""
    blobs = grid_blobs(images, heights, widths, cell, fill, rng)
    tall = rng.random(blobs.cy.size) < 0.5
    ry = np.where(tall, blobs.ry, blobs.ry * 0.3)
    rx = np.where(tall, blobs.rx * 0.3, blobs.rx)
    return Blobs(blobs.image, blobs.cy, blobs.cx, ry, rx)


class VesuviusChallengeInkDetection(Generator):
    competition_id = "vesuvius-challenge-ink-detection"
    default_rows = 1
    id_column = "Id"
    is_lower_better = False
    leaderboard_teams = 1249
    leaderboard_best = 0.82
    leaderboard_worst = 0.2

    @staticmethod
    def _shape(rows: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int]:
        if rows == 1:
            return np.array([REAL_HEIGHT]), np.array([REAL_WIDTH]), REAL_CELL
        # Golden fixtures: several small fragments, so the files stay small.
        return rng.integers(16, 40, rows), rng.integers(16, 40, rows), SMALL_CELL

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        heights, widths, cell = self._shape(rows, rng)
        blobs = _strokes(np.arange(rows), heights, widths, cell, 0.5, rng)
        runs = blob_runs(blobs, heights, widths, "C")
        return pl.DataFrame(
            {
                "Id": _ids(rows),
                "Predicted": rle_strings(*runs, rows),
                "width": widths.astype(np.int64),
                "height": heights.astype(np.int64),
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return pl.DataFrame({"Id": answers["Id"], "Predicted": ["1 1 5 1"] * answers.height})

    def submission(self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
                   ) -> pl.DataFrame:
        # The grader pairs rows by position: agent-like submissions keep the answers' order.
        return self._predict(answers, quality, rng)

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        if quality == "perfect":
            return answers.select("Id", "Predicted")
        rows = answers.height
        heights = answers["height"].to_numpy()
        widths = answers["width"].to_numpy()
        cell = REAL_CELL if rows == 1 else SMALL_CELL
        truth = _strokes(np.arange(rows), heights, widths, cell, 0.5,
                         np.random.default_rng(int(rng.integers(1 << 30))))
        if quality == "noisy":
            # Regenerating from another seed is no prediction: start from the answers' runs.
            blobs = Blobs.concat(
                jitter(_truth_blobs(answers, cell), cell * 0.06, 0.15, 0.15, rng),
                _strokes(np.arange(rows), heights, widths, cell, 0.05, rng),
            )
        else:
            blobs = truth
        runs = blob_runs(blobs, heights, widths, "C")
        return pl.DataFrame({"Id": answers["Id"], "Predicted": rle_strings(*runs, rows)})


def _truth_blobs(answers: pl.DataFrame, cell: int) -> Blobs:
    """One ellipse per grid cell spanning the answers' runs in it (row-major runs)."""
    parts = []
    for img, (rle, w) in enumerate(zip(answers["Predicted"].to_list(), answers["width"].to_list(),
                                       strict=True)):
        if not rle:
            continue
        tokens = np.array(rle.split(), dtype=np.int64)
        start, length = tokens[0::2] - 1, tokens[1::2]
        y, x0 = start // w, start % w
        frame = pl.DataFrame({"c": (y // cell) * (1 << 20) + x0 // cell, "y": y, "x0": x0,
                              "x1": x0 + length}).group_by("c", maintain_order=True).agg(
            pl.col("y").min().alias("y0"), pl.col("y").max().alias("y1"),
            pl.col("x0").min(), pl.col("x1").max())
        y0, y1 = frame["y0"].to_numpy(), frame["y1"].to_numpy() + 1
        x0, x1 = frame["x0"].to_numpy(), frame["x1"].to_numpy()
        parts.append(Blobs(np.full(frame.height, img, dtype=np.int64), (y0 + y1) / 2,
                           (x0 + x1) / 2, (y1 - y0) / 2, (x1 - x0) / 2))
    if not parts:
        empty = np.zeros(0)
        return Blobs(np.zeros(0, dtype=np.int64), empty, empty, empty, empty)
    return Blobs.concat(*parts)


GENERATOR = VesuviusChallengeInkDetection()
