"""uw-madison-gi-tract-image-segmentation: MRI case-days of stacked slices with three organs as
ellipsoids, one column-major RLE row per (slice, class)."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality
from mlebench_fast.synthetic._masks import Blobs, blob_runs, merge_runs, rle_strings

CLASSES = ("large_bowel", "small_bowel", "stomach")
# (height, width, slices) of the scanners in the data; 45 case-days of 144 slices, 4 of 80.
SCANS_144 = ((266, 266), (234, 234), (276, 276))
SCAN_80 = (310, 360)
# Ellipsoids per class: (count, radius range in pixels, slice half-extent range)
ORGANS = ((3, (10, 30), (8, 30)), (4, (6, 18), (6, 20)), (1, (20, 45), (10, 35)))


def _case_days(rows: int, rng: np.random.Generator) -> pl.DataFrame:
    """One row per slice: case, day, slice number, height, width; about rows / 3 slices."""
    slices_wanted = max(rows // 3, 1)
    if slices_wanted == 6800:
        depths = [144] * 45 + [80] * 4
    else:  # small files (golden fixtures): a few short stacks of small images
        depths = []
        while sum(depths) < slices_wanted:
            depths.append(int(min(rng.integers(2, 6), slices_wanted - sum(depths))))
    n_days = len(depths)
    cases = rng.choice(np.arange(1, 160), size=n_days, replace=True)
    days = rng.integers(0, 40, n_days)
    shapes = []
    for i, depth in enumerate(depths):
        if slices_wanted != 6800:
            side = int(rng.integers(8, 16))
            shapes.append((side, side + int(rng.integers(0, 3))))
        elif depth == 80:
            shapes.append(SCAN_80)
        else:
            shapes.append(SCANS_144[int(rng.integers(0, 3))])
    # Distinct case-day names (a case can have several days): days < 40, so d + 40 i never repeats.
    names = [f"case{c}_day{d + 40 * i}" for i, (c, d) in enumerate(zip(cases, days, strict=True))]
    day = np.repeat(np.arange(n_days), depths)
    number = np.concatenate([np.arange(1, d + 1) for d in depths])
    return pl.DataFrame(
        {
            "day": day,
            "name": np.array(names)[day],
            "slice": number,
            "height": np.array([s[0] for s in shapes])[day],
            "width": np.array([s[1] for s in shapes])[day],
            "depth": np.array(depths)[day],
        }
    )


def _organs(slices: pl.DataFrame, rng: np.random.Generator, scale: float = 1.0) -> dict:
    """Ellipsoids per (case-day, class): arrays of day, class, centre and radii (in pixels)."""
    per_day = slices.group_by("day", maintain_order=True).agg(
        pl.col("height").first(), pl.col("width").first(), pl.col("depth").first()
    )
    out = {k: [] for k in ("day", "cls", "cz", "cy", "cx", "rz", "ry", "rx")}
    small = int(per_day["height"].max()) < 100
    for cls, (count, radius, half) in enumerate(ORGANS):
        for day, h, w, depth in per_day.iter_rows():
            k = int(rng.integers(1, count + 1))
            r = np.array(radius, dtype=float) * (0.15 if small else 1.0) * scale
            hz = np.array(half, dtype=float) * (0.06 if small else 1.0)
            out["day"] += [day] * k
            out["cls"] += [cls] * k
            out["cz"] += rng.uniform(0.25, 0.75, k).tolist() if small else rng.uniform(
                0.3, 0.7, k).tolist()
            out["cz"][-k:] = [v * depth for v in out["cz"][-k:]]
            out["cy"] += rng.uniform(0.3, 0.7, k).__mul__(h).tolist()
            out["cx"] += rng.uniform(0.3, 0.7, k).__mul__(w).tolist()
            out["rz"] += rng.uniform(max(hz[0], 0.6), max(hz[1], 1.2), k).tolist()
            out["ry"] += rng.uniform(max(r[0], 1.0), max(r[1], 2.0), k).tolist()
            out["rx"] += rng.uniform(max(r[0], 1.0), max(r[1], 2.0), k).tolist()
    return {k: np.asarray(v) for k, v in out.items()}


def _rows_of(slices: pl.DataFrame, organs: dict) -> tuple[np.ndarray, ...]:
    """Each ellipsoid cut into its slices: Blobs whose image is the (slice, class) row index."""
    first_slice = slices.with_row_index("pos").group_by("day", maintain_order=True).agg(
        pl.col("pos").first()
    )
    start_of_day = dict(
        zip(first_slice["day"].to_list(), first_slice["pos"].to_list(), strict=True)
    )
    depth = slices["depth"].to_numpy()
    day_start = np.array([start_of_day[d] for d in organs["day"].tolist()], dtype=np.int64)
    z0 = np.clip(np.ceil(organs["cz"] - organs["rz"]), 0, None).astype(np.int64)
    z1 = np.floor(organs["cz"] + organs["rz"]).astype(np.int64) + 1
    z1 = np.minimum(z1, depth[day_start])
    count = np.maximum(z1 - z0, 0)
    which = np.repeat(np.arange(count.size), count)
    z = z0[which] + (np.arange(which.size) - np.repeat(np.cumsum(count) - count, count))
    t = (z - organs["cz"][which]) / organs["rz"][which]
    shrink = np.sqrt(np.clip(1 - t * t, 0, None))
    row = (day_start[which] + z) * 3 + organs["cls"][which]
    return row, organs["cy"][which], organs["cx"][which], organs["ry"][which] * shrink, organs[
        "rx"][which] * shrink


def _encode(slices: pl.DataFrame, organs: dict) -> list[str]:
    row, cy, cx, ry, rx = _rows_of(slices, organs)
    n_rows = slices.height * 3
    heights = np.repeat(slices["height"].to_numpy(), 3)
    widths = np.repeat(slices["width"].to_numpy(), 3)
    runs = blob_runs(Blobs(row, cy, cx, ry, rx), heights, widths, "F")
    return rle_strings(*runs, n_rows)


class UwMadisonGiTractImageSegmentation(Generator):
    competition_id = "uw-madison-gi-tract-image-segmentation"
    default_rows = 20400
    id_column = "id"
    is_lower_better = False
    leaderboard_teams = 1548
    leaderboard_best = 0.887
    leaderboard_worst = 0.5

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        slices = _case_days(rows, rng)
        encoded = _encode(slices, _organs(slices, rng))
        ids = [f"{n}_slice_{s:04d}" for n, s in zip(slices["name"].to_list(),
                                                     slices["slice"].to_list(), strict=True)]
        n = slices.height
        return pl.DataFrame(
            {
                "id": np.repeat(np.array(ids), 3),
                "class": np.tile(np.array(CLASSES), n),
                "predicted": pl.Series(encoded, dtype=pl.String).replace("", None),
                "image_width": np.repeat(slices["width"].to_numpy(), 3).astype(np.float64),
                "image_height": np.repeat(slices["height"].to_numpy(), 3).astype(np.float64),
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("id", "class", pl.lit("1 1 5 2").alias("predicted"))

    def submission(self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
                   ) -> pl.DataFrame:
        # The grader pairs rows by position: agent-like submissions keep the answers' order.
        return self._predict(answers, quality, rng)

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        if quality == "perfect":
            return answers.select("id", "class", "predicted")
        slices = _slices_of(answers)
        if quality == "noisy":
            predicted = _shifted(answers, rng)
        else:
            organs = _organs(slices, np.random.default_rng(int(rng.integers(1 << 30))))
            predicted = pl.Series("predicted", _encode(slices, organs), dtype=pl.String)
        return answers.select("id", "class", predicted.replace("", None).alias("predicted"))


def _shifted(answers: pl.DataFrame, rng: np.random.Generator) -> pl.Series:
    """The answers' masks moved by a pixel or two per case-day, a few dropped, a few made up."""
    n = answers.height
    tokens = (
        answers.select(pl.col("predicted").fill_null("").str.split(" ").alias("t"))
        .with_row_index("row")
        .explode("t")
        .filter(pl.col("t") != "")
    )
    row = tokens["row"].to_numpy().astype(np.int64)[0::2]
    values = tokens["t"].cast(pl.Int64).to_numpy()
    start, length = values[0::2] - 1, values[1::2]
    heights = answers["image_height"].cast(pl.Int64).to_numpy()
    widths = answers["image_width"].cast(pl.Int64).to_numpy()
    day = answers["id"].str.split("_slice_").list.first().rank("dense").cast(pl.Int64).to_numpy()
    dy = rng.integers(-2, 3, day.max() + 1)[day]
    dx = rng.integers(-2, 3, day.max() + 1)[day]
    h = heights[row]
    y = start % h + dy[row]
    x = start // h + dx[row]
    ok = (x >= 0) & (x < widths[row])
    y0 = np.clip(y, 0, h)
    y1 = np.clip(y + length, 0, h)
    ok &= y1 > y0
    dropped = rng.random(n) < 0.05
    ok &= ~dropped[row]
    image, lo, hi = row[ok], (x * h + y0)[ok], (x * h + y1)[ok]
    made_up = np.flatnonzero(rng.random(n) < 0.03)
    extra_lo = (widths[made_up] // 2) * heights[made_up] + heights[made_up] // 2
    image = np.concatenate([image, made_up])
    lo = np.concatenate([lo, extra_lo])
    hi = np.concatenate([hi, extra_lo + 2])
    return pl.Series("predicted", rle_strings(*merge_runs(image, lo, hi), n), dtype=pl.String)


def _slices_of(answers: pl.DataFrame) -> pl.DataFrame:
    every = answers.gather_every(3)
    name = every["id"].str.split("_slice_").list.first()
    day = name.rank("dense").cast(pl.Int64).to_numpy() - 1
    # Keep the answers' order of case-days.
    first = pl.DataFrame({"name": name}).with_row_index().group_by("name", maintain_order=True).agg(
        pl.col("index").first())
    code = dict(zip(first["name"].to_list(), range(first.height), strict=True))
    day = np.array([code[v] for v in name.to_list()], dtype=np.int64)
    depth = np.bincount(day)[day]
    return pl.DataFrame(
        {
            "day": day,
            "name": name,
            "slice": every["id"].str.split("_slice_").list.last().cast(pl.Int64),
            "height": every["image_height"].cast(pl.Int64),
            "width": every["image_width"].cast(pl.Int64),
            "depth": depth,
        }
    )


GENERATOR = UwMadisonGiTractImageSegmentation()
