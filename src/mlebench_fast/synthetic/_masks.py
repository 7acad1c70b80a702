"""Synthetic segmentation masks as run-length strings, built from ellipses without drawing images.

An ellipse covers, in each pixel column (or row) it crosses, one interval, so its runs come out
analytically; gigapixel images (hubmap) and 40-megapixel ones (vesuvius) cost only their runs.
Runs of overlapping ellipses are merged, so every string is valid for the reference's decoder.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import polars as pl

Order = Literal["F", "C"]  # F: column-major (Kaggle's top-down then left-right); C: row-major


@dataclass(frozen=True)
class Blobs:
    """Ellipses: image index, centre (y, x) and radii (ry, rx), in pixels."""

    image: np.ndarray
    cy: np.ndarray
    cx: np.ndarray
    ry: np.ndarray
    rx: np.ndarray

    def take(self, keep: np.ndarray) -> Blobs:
        return Blobs(self.image[keep], self.cy[keep], self.cx[keep], self.ry[keep], self.rx[keep])

    @staticmethod
    def concat(*parts: Blobs) -> Blobs:
        return Blobs(*(np.concatenate([getattr(p, f) for p in parts]) for f in
                       ("image", "cy", "cx", "ry", "rx")))


def grid_blobs(
    image: np.ndarray,
    heights: np.ndarray,
    widths: np.ndarray,
    cell: int,
    fill: float,
    rng: np.random.Generator,
) -> Blobs:
    """About ``fill`` of the ``cell``-sized squares of each image hold one ellipse inside it."""
    parts = []
    for img, h, w in zip(image.tolist(), heights.tolist(), widths.tolist(), strict=True):
        rows, cols = max(h // cell, 1), max(w // cell, 1)
        n = rows * cols
        chosen = np.flatnonzero(rng.random(n) < fill)
        if chosen.size == 0 and fill >= 0.1:  # every image of a real set has something in it
            chosen = rng.integers(0, n, 1)
        k = chosen.size
        half = cell / 2
        ry = rng.uniform(0.25, 0.45, k) * cell
        rx = rng.uniform(0.25, 0.45, k) * cell
        cy = (chosen // cols) * cell + half + rng.uniform(-0.05, 0.05, k) * cell
        cx = (chosen % cols) * cell + half + rng.uniform(-0.05, 0.05, k) * cell
        parts.append(Blobs(np.full(k, img, dtype=np.int64), cy, cx, ry, rx))
    return Blobs.concat(*parts)


def jitter(
    blobs: Blobs, shift: float, scale: float, drop: float, rng: np.random.Generator
) -> Blobs:
    """A plausible prediction: centres moved by up to ``shift`` pixels, radii scaled by up to
    ``scale``, a share ``drop`` of the ellipses missed."""
    n = blobs.cy.size
    keep = rng.random(n) >= drop
    return Blobs(
        blobs.image,
        blobs.cy + rng.uniform(-shift, shift, n),
        blobs.cx + rng.uniform(-shift, shift, n),
        blobs.ry * rng.uniform(1 - scale, 1 + scale, n),
        blobs.rx * rng.uniform(1 - scale, 1 + scale, n),
    ).take(keep)


def blob_runs(
    blobs: Blobs, heights: np.ndarray, widths: np.ndarray, order: Order
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(image, start, stop) of the 0-based half-open runs covered by the ellipses, sorted by
    image then start, overlapping or touching runs merged. ``heights``/``widths`` are indexed
    by image."""
    h = heights[blobs.image]
    w = widths[blobs.image]
    # Runs go along the fast axis: y (down a column) for F, x (along a row) for C.
    if order == "F":
        slow_c, slow_r, slow_n = blobs.cx, blobs.rx, w
        fast_c, fast_r, fast_n = blobs.cy, blobs.ry, h
    else:
        slow_c, slow_r, slow_n = blobs.cy, blobs.ry, h
        fast_c, fast_r, fast_n = blobs.cx, blobs.rx, w
    lo = np.clip(np.ceil(slow_c - slow_r), 0, slow_n).astype(np.int64)
    hi = np.clip(np.floor(slow_c + slow_r) + 1, 0, slow_n).astype(np.int64)
    count = np.maximum(hi - lo, 0)
    which = np.repeat(np.arange(count.size), count)
    line = lo[which] + (np.arange(which.size) - np.repeat(np.cumsum(count) - count, count))
    t = (line - slow_c[which]) / slow_r[which]
    half = fast_r[which] * np.sqrt(np.clip(1 - t * t, 0, None))
    a = np.clip(np.ceil(fast_c[which] - half), 0, fast_n[which]).astype(np.int64)
    b = np.clip(np.floor(fast_c[which] + half) + 1, 0, fast_n[which]).astype(np.int64)
    ok = b > a
    base = line[ok] * fast_n[which][ok]
    image = blobs.image[which][ok]
    starts, stops = base + a[ok], base + b[ok]
    return merge_runs(image, starts, stops)


def merge_runs(
    image: np.ndarray, starts: np.ndarray, stops: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sort runs by (image, start) and merge those that overlap or touch within an image."""
    idx = np.lexsort((starts, image))
    image, starts, stops = image[idx], starts[idx], stops[idx]
    if starts.size == 0:
        return image, starts, stops
    # A run starts a new group when the image changes or it begins after every earlier stop.
    key_stop = stops + (image << 40)
    key_start = starts + (image << 40)
    reach = np.maximum.accumulate(key_stop)
    new = np.concatenate(([True], key_start[1:] > reach[:-1]))
    group = np.cumsum(new) - 1
    out_stop = np.zeros(int(group[-1]) + 1, dtype=np.int64)
    np.maximum.at(out_stop, group, stops)
    return image[new], starts[new], out_stop


def rle_strings(
    image: np.ndarray, starts: np.ndarray, stops: np.ndarray, n_images: int
) -> list[str]:
    """One 1-based "start length ..." string per image ("" for an empty one)."""
    pairs = pl.DataFrame({"image": image, "start": starts + 1, "length": stops - starts})
    joined = (
        pairs.select(
            "image",
            pl.concat_str(pl.col("start").cast(pl.String), pl.col("length").cast(pl.String),
                          separator=" ").alias("pair"),
        )
        .group_by("image", maintain_order=True)
        .agg(pl.col("pair").str.join(" "))
    )
    out = [""] * n_images
    for img, text in zip(joined["image"].to_list(), joined["pair"].to_list(), strict=True):
        out[img] = text
    return out
