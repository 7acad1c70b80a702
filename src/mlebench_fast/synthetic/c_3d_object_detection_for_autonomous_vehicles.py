"""3d-object-detection-for-autonomous-vehicles: samples (64-hex tokens) of 3D boxes,
"1.0 cx cy cz w l h yaw class" per object (prepare.py prepends the 1.0 confidence)."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex

CLASSES = np.array(
    ["car", "pedestrian", "truck", "bicycle", "other_vehicle", "bus", "motorcycle",
     "emergency_vehicle", "animal"]
)
_CLASS_P = np.array([534911, 24935, 14164, 20928, 33376, 8729, 818, 132, 186], dtype=float)
_CLASS_P /= _CLASS_P.sum()
# Typical width, length, height per class (metres).
_SIZE = np.array(
    [[1.9, 4.7, 1.7], [0.7, 0.8, 1.8], [2.8, 9.0, 3.4], [0.6, 1.8, 1.4], [2.1, 6.0, 2.3],
     [2.9, 12.0, 3.4], [0.9, 2.2, 1.5], [2.0, 5.5, 2.0], [0.4, 0.7, 0.5]]
)


def _fmt(v: np.ndarray, digits: int) -> np.ndarray:
    return np.char.mod(f"%.{digits}g", v)


def _strings(conf, cx, cy, cz, w, l, h, yaw, cls, digits: int) -> np.ndarray:
    out = _fmt(conf, 4)
    for v in (cx, cy, cz, w, l, h, yaw):
        out = np.char.add(np.char.add(out, " "), _fmt(v, digits))
    return np.char.add(np.char.add(out, " "), CLASSES[cls])


def _join(n: int, row: np.ndarray, parts: np.ndarray) -> pl.Series:
    grouped = (
        pl.DataFrame({"row": row, "s": pl.Series(parts, dtype=pl.String)})
        .group_by("row", maintain_order=True)
        .agg(pl.col("s").str.join(" "))
    )
    return pl.DataFrame({"row": np.arange(n)}).join(grouped, on="row", how="left")["s"]


def objects(answers: pl.DataFrame) -> dict[str, np.ndarray]:
    tokens = answers["PredictionString"].fill_null("").str.split(" ")
    counts = tokens.list.len().to_numpy() // 9
    flat = tokens.explode().drop_nulls().filter(pl.Series(np.repeat(counts > 0, counts * 9 + (counts == 0))))
    out = {"row": np.repeat(np.arange(answers.height), counts)}
    for i, name in enumerate(("conf", "cx", "cy", "cz", "w", "l", "h", "yaw")):
        out[name] = flat.gather_every(9, i).cast(pl.Float64).to_numpy()
    cls = flat.gather_every(9, 8).to_numpy()
    out["cls"] = np.searchsorted(np.sort(CLASSES), cls)
    out["cls"] = np.argsort(CLASSES)[out["cls"]]
    return out


class Lyft3D(Generator):
    competition_id = "3d-object-detection-for-autonomous-vehicles"
    default_rows = 4536
    id_column = "Id"
    is_lower_better = False
    leaderboard_teams = 547
    leaderboard_best = 0.22
    leaderboard_worst = 0.0

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        k = rng.integers(1, 56 if rows > 100 else 7, rows)
        row = np.repeat(np.arange(rows), k)
        m = row.size
        cls = rng.choice(len(CLASSES), size=m, p=_CLASS_P)
        size = _SIZE[cls] * rng.uniform(0.85, 1.15, (m, 3))
        # Each sample is a patch of road around its ego position.
        ego = rng.uniform(0, 3000, (rows, 2))
        cx = ego[row, 0] + rng.uniform(-60, 60, m)
        cy = ego[row, 1] + rng.uniform(-60, 60, m)
        cz = rng.uniform(-25, -15, m)
        yaw = rng.uniform(-np.pi, np.pi, m)
        parts = _strings(np.ones(m), cx, cy, cz, *size.T, yaw, cls, 16)
        parts = np.char.replace(parts, "1 ", "1.0 ", count=1)
        return pl.DataFrame({"Id": random_hex(rows, 64, rng), "PredictionString": _join(rows, row, parts)})

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("Id", pl.lit(None, dtype=pl.String).alias("PredictionString"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        if quality == "perfect":
            return answers.select("Id", "PredictionString")
        o = objects(answers)
        n = answers.height
        m = o["row"].size
        if quality == "random":
            keep = np.ones(m, bool)
            cls = rng.integers(0, len(CLASSES), m)
            cx = o["cx"] + rng.uniform(-30, 30, m)
            cy = o["cy"] + rng.uniform(-30, 30, m)
            yaw = rng.uniform(-np.pi, np.pi, m)
            size = np.column_stack([o["w"], o["l"], o["h"]]) * rng.uniform(0.5, 1.5, (m, 3))
            cz = o["cz"]
            conf = rng.random(m)
            row = o["row"]
        else:
            keep = rng.random(m) > 0.15
            cls = o["cls"]
            size = np.column_stack([o["w"], o["l"], o["h"]]) * rng.normal(1, 0.06, (m, 3))
            cx = o["cx"] + rng.normal(0, 0.25, m)
            cy = o["cy"] + rng.normal(0, 0.25, m)
            cz = o["cz"] + rng.normal(0, 0.2, m)
            yaw = o["yaw"] + rng.normal(0, 0.08, m)
            conf = rng.uniform(0.1, 1.0, m)
            row = o["row"]
            # False positives near the ego car.
            e = m // 5
            frow = rng.integers(0, n, e)
            fcls = rng.choice(len(CLASSES), size=e, p=_CLASS_P)
            base = rng.integers(0, m, e)
            cls = np.concatenate([cls, fcls])
            size = np.concatenate([size, _SIZE[fcls]])
            cx = np.concatenate([cx, o["cx"][base] + rng.uniform(-5, 5, e)])
            cy = np.concatenate([cy, o["cy"][base] + rng.uniform(-5, 5, e)])
            cz = np.concatenate([cz, o["cz"][base]])
            yaw = np.concatenate([yaw, rng.uniform(-np.pi, np.pi, e)])
            conf = np.concatenate([conf, rng.uniform(0.0, 0.5, e)])
            row = np.concatenate([row, frow])
            keep = np.concatenate([keep, np.ones(e, bool)])
        size = np.abs(size) + 0.01
        parts = _strings(np.round(conf, 4), cx, cy, cz, *size.T, yaw, cls, 10)[keep]
        row = row[keep]
        order = np.argsort(row, kind="stable")
        text = _join(n, row[order], parts[order])
        return answers.select("Id").with_columns(text.alias("PredictionString"))


GENERATOR = Lyft3D()
