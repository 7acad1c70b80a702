"""google-research-identify-contrails-reduce-global-warming: 256x256 contrail masks as column-major RLE."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality

SIZE = 256


def rle_encode(masks: np.ndarray) -> list[str]:
    """Column-major, 1-indexed run-length strings of (n, h, w) bool masks; "-" for empty, as
    prepare.py writes them."""
    n = masks.shape[0]
    flat = masks.transpose(0, 2, 1).reshape(n, -1)
    padded = np.zeros((n, flat.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = flat
    edges = np.diff(padded, axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    pairs = np.empty(2 * starts.size, dtype=np.int64)
    pairs[0::2] = starts + 1
    pairs[1::2] = ends - starts
    tokens = pairs.astype(str)
    bounds = np.searchsorted(rows, np.arange(n + 1))
    out = ["-"] * n
    for i in np.flatnonzero(np.diff(bounds)).tolist():
        out[i] = " ".join(tokens[2 * bounds[i] : 2 * bounds[i + 1]].tolist())
    return out


def random_masks(n: int, rng: np.random.Generator, empty_rate: float = 0.6) -> np.ndarray:
    """Contrail-like masks: one or two thin straight bands over part of the image."""
    out = np.zeros((n, SIZE, SIZE), dtype=bool)
    y, x = np.mgrid[0:SIZE, 0:SIZE]
    chunk = 128
    for lo in range(0, n, chunk):
        m = min(chunk, n - lo)
        for _ in range(2):
            slope = rng.normal(0, 1.0, size=(m, 1, 1))
            offset = rng.uniform(-100, SIZE + 100, size=(m, 1, 1))
            half_width = rng.uniform(0.8, 3.0, size=(m, 1, 1))
            x0 = rng.integers(0, SIZE // 2, size=(m, 1, 1))
            x1 = x0 + rng.integers(20, SIZE, size=(m, 1, 1))
            band = np.abs(y - (slope * x + offset)) < half_width * np.sqrt(1 + slope**2)
            band &= (x >= x0) & (x < x1)
            band &= (rng.random((m, 1, 1)) < 0.7) | (_ == 0)
            out[lo : lo + m] |= band
    out[rng.random(n) < empty_rate] = False
    return out


class GoogleResearchIdentifyContrails(Generator):
    competition_id = "google-research-identify-contrails-reduce-global-warming"
    default_rows = 1856
    id_column = "record_id"
    is_lower_better = False
    leaderboard_teams = 954
    leaderboard_best = 0.72
    leaderboard_worst = 0.0

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        # 18-19 digit record ids, in the shuffled order of train_test_split.
        ids = np.unique(rng.integers(10**17, 9 * 10**18, size=rows + rows // 10 + 10))
        ids = rng.permutation(ids)[:rows]
        return pl.DataFrame(
            {
                "record_id": ids,
                "encoded_pixels": rle_encode(random_masks(rows, rng)),
                "height": np.full(rows, SIZE, dtype=np.int64),
                "width": np.full(rows, SIZE, dtype=np.int64),
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        rng = np.random.default_rng(0)
        choice = np.where(rng.random(answers.height) < 0.5, "1 3 10 5", "-")
        return answers.with_columns(pl.Series("encoded_pixels", choice, dtype=pl.String))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        n = answers.height
        if quality == "perfect":
            pred = answers["encoded_pixels"]
        elif quality == "noisy":
            masks = _decode_all(answers["encoded_pixels"].to_list())
            shift = rng.integers(-2, 3, size=n)
            for s in np.unique(shift).tolist():
                picked = shift == s
                masks[picked] = np.roll(masks[picked], s, axis=2)
            flips = rng.random(n) < 0.1
            masks[flips] = random_masks(int(flips.sum()), rng, empty_rate=0.5)
            pred = pl.Series(rle_encode(masks), dtype=pl.String)
        else:
            pred = pl.Series(rle_encode(random_masks(n, rng)), dtype=pl.String)
        return pl.DataFrame({"record_id": answers["record_id"], "encoded_pixels": pred})


def _decode_all(rles: list[str]) -> np.ndarray:
    flat = np.zeros((len(rles), SIZE * SIZE), dtype=bool)
    for r, rle in enumerate(rles):
        if rle == "-":
            continue
        tokens = np.array(rle.split(), dtype=np.int64)
        for start, length in zip(tokens[0::2].tolist(), tokens[1::2].tolist()):
            flat[r, start - 1 : start - 1 + length] = True
    return flat.reshape(len(rles), SIZE, SIZE).transpose(0, 2, 1).copy()


GENERATOR = GoogleResearchIdentifyContrails()
