"""denoising-dirty-documents: one row per pixel of 29 cleaned 540-wide pages, "{img}_{row}_{col}" ids."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality

WIDTH = 540
HEIGHTS = (420, 258)


def _layout(rows: int, width: int, rng: np.random.Generator) -> tuple[list[int], list[int]]:
    """Image stems and heights covering ``rows`` pixels; the real size is 20 pages of 420 rows and
    9 of 258. Smaller sizes keep the shape and cut the last page short (a whole number of rows)."""
    stems = rng.choice(np.arange(1, 217), size=64, replace=False).tolist()
    heights = [HEIGHTS[0]] * 20 + [HEIGHTS[1]] * 9 if width == WIDTH else [12] * 29
    rng.shuffle(heights)
    out_stems, out_heights, total = [], [], 0
    for stem, height in zip(stems, heights * 3):
        if total >= rows:
            break
        take = min(height, -(-(rows - total) // width))
        out_stems.append(stem)
        out_heights.append(take)
        total += take * width
    # prepare.py concatenates the pages in the sorted order of their file names ("101.png" < "11.png").
    order = sorted(range(len(out_stems)), key=lambda i: f"{out_stems[i]}.png")
    return [out_stems[i] for i in order], [out_heights[i] for i in order]


class DenoisingDirtyDocuments(Generator):
    competition_id = "denoising-dirty-documents"
    default_rows = 5_789_880
    id_column = "id"
    is_lower_better = True
    leaderboard_teams = 161
    leaderboard_best = 0.02
    leaderboard_worst = 0.3

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        # Tiny test sets (golden fixtures) use 3-pixel-wide pages of 12 rows, so that they still span
        # several pages and two-digit rows, whose ids sort lexicographically ("7_10_1" < "7_2_1").
        width = WIDTH if rows >= 20 * WIDTH * HEIGHTS[0] else 3
        stems, heights = _layout(rows, width, rng)
        counts = np.array(heights) * width
        stem = np.repeat(np.array(stems), counts)
        local = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        frame = pl.DataFrame(
            {"stem": stem, "row": local // width + 1, "col": local % width + 1}
        ).head(rows)
        # Cleaned pages: mostly white, with dark strokes of text.
        n = frame.height
        level = np.full(n, 255, dtype=np.int64)
        ink = rng.random(n) < 0.08
        level[ink] = rng.integers(0, 200, size=int(ink.sum()))
        return frame.select(
            pl.format("{}_{}_{}", "stem", "row", "col").alias("id"),
            pl.Series("value", level / 255.0),
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.with_columns(pl.lit(1, dtype=pl.Int64).alias("value"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        truth = answers["value"].to_numpy()
        if quality == "perfect":
            value = truth
        elif quality == "noisy":
            value = np.clip(truth + rng.normal(0, 0.05, size=truth.shape[0]), 0.0, 1.0)
        else:
            value = rng.random(truth.shape[0])
        return pl.DataFrame({"id": answers["id"], "value": value})


GENERATOR = DenoisingDirtyDocuments()
