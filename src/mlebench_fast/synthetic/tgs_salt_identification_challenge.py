"""tgs-salt-identification-challenge: IoU-sweep precision on 101x101 column-major RLE masks."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex

SIZE = 101


def rle_encode(masks: np.ndarray) -> list[str | None]:
    """Column-major (top-down, then left-right), 1-indexed run-length strings; None for empty.

    ``masks`` is (n, 101, 101) bool. Runs may wrap from the bottom of one column into the next,
    exactly as Kaggle's encoder (and the reference's ``rle_encode``) produce them.
    """
    n = masks.shape[0]
    flat = masks.transpose(0, 2, 1).reshape(n, SIZE * SIZE)
    padded = np.zeros((n, SIZE * SIZE + 2), dtype=np.int8)
    padded[:, 1:-1] = flat
    edges = np.diff(padded, axis=1)
    rows_start, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    out: list[str | None] = [None] * n
    bounds = np.searchsorted(rows_start, np.arange(n + 1))
    for i in range(n):
        lo, hi = bounds[i], bounds[i + 1]
        if lo == hi:
            continue
        pairs = np.empty(2 * (hi - lo), dtype=np.int64)
        pairs[0::2] = starts[lo:hi] + 1
        pairs[1::2] = ends[lo:hi] - starts[lo:hi]
        out[i] = " ".join(map(str, pairs.tolist()))
    return out


def rle_decode(rle: str | None) -> np.ndarray:
    """The (101, 101) bool mask of a valid RLE string (None or blank is empty)."""
    flat = np.zeros(SIZE * SIZE, dtype=bool)
    if rle and rle.strip():
        tokens = np.array(rle.split(), dtype=np.int64)
        for start, length in zip(tokens[0::2], tokens[1::2], strict=True):
            flat[start - 1 : start - 1 + length] = True
    return flat.reshape(SIZE, SIZE).T


def random_masks(n: int, rng: np.random.Generator, empty_rate: float = 0.39) -> np.ndarray:
    """Salt-like masks: a bodies under a smooth boundary, over a random range of columns."""
    cols = np.arange(SIZE)
    base = rng.uniform(0, SIZE, size=(n, 1))
    slope = rng.normal(0, 0.4, size=(n, 1))
    wave = rng.uniform(0, 12, size=(n, 1)) * np.sin(cols / rng.uniform(6, 30, size=(n, 1)))
    boundary = base + slope * (cols - 50) + wave  # first salt row of each column
    left = rng.integers(0, SIZE // 2, size=(n, 1))
    right = rng.integers(SIZE // 2, SIZE + 1, size=(n, 1))
    full_width = rng.random((n, 1)) < 0.6
    in_cols = full_width | ((cols >= left) & (cols < right))
    rows = np.arange(SIZE)[None, :, None]
    masks = (rows >= boundary[:, None, :]) & in_cols[:, None, :]
    masks[rng.random(n) < empty_rate] = False
    return masks


class TgsSaltIdentificationChallenge(Generator):
    competition_id = "tgs-salt-identification-challenge"
    default_rows = 1000
    id_column = "id"
    is_lower_better = False
    leaderboard_teams = 3220
    leaderboard_best = 0.896
    leaderboard_worst = 0.3

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        # prepare.py sorts by id and writes empty masks as empty fields (NaN when read back).
        ids = random_hex(rows, 10, rng).sort()
        return pl.DataFrame(
            {"id": ids, "rle_mask": pl.Series(rle_encode(random_masks(rows, rng)), dtype=pl.String)}
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.with_columns(pl.lit("1 1").alias("rle_mask"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        n = answers.height
        if quality == "perfect":
            pred = answers["rle_mask"]
        elif quality == "noisy":
            masks = np.stack([rle_decode(r) for r in answers["rle_mask"].to_list()])
            # Shift each boundary by a few pixels and blank out or hallucinate a few masks.
            shift = rng.integers(-4, 5, size=n)
            moved = np.stack([np.roll(m, s, axis=0) for m, s in zip(masks, shift, strict=True)])
            flips = rng.random(n) < 0.1
            moved[flips] = random_masks(int(flips.sum()), rng, empty_rate=0.5)
            pred = pl.Series(rle_encode(moved), dtype=pl.String)
        else:
            pred = pl.Series(rle_encode(random_masks(n, rng)), dtype=pl.String)
        return pl.DataFrame({"id": answers["id"], "rle_mask": pred})


GENERATOR = TgsSaltIdentificationChallenge()
