"""vinbigdata-chest-xray-abnormalities-detection: one answers row per (image, class) after the
reference's groupby.first, sorted by image then class; "No finding" (14) rows are 0, 0, 1, 1."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex

CLASS_NAMES = [
    "Aortic enlargement", "Atelectasis", "Calcification", "Cardiomegaly", "Consolidation", "ILD",
    "Infiltration", "Lung Opacity", "Nodule/Mass", "Other lesion", "Pleural effusion",
    "Pleural thickening", "Pneumothorax", "Pulmonary fibrosis", "No finding",
]
_IMAGES_PER_ROW = 1500 / 2300
_FINDING_P = np.array([7162, 279, 960, 5427, 556, 1000, 1247, 2483, 2580, 2203, 2476, 4842, 226, 4655])
_FINDING_P = _FINDING_P / _FINDING_P.sum()


def _fmt(values: np.ndarray) -> np.ndarray:
    return np.char.mod("%.6g", values)


def _join(n: int, row: np.ndarray, parts: np.ndarray) -> pl.Series:
    grouped = (
        pl.DataFrame({"row": row, "s": pl.Series(parts, dtype=pl.String)})
        .group_by("row", maintain_order=True)
        .agg(pl.col("s").str.join(" "))
    )
    full = pl.DataFrame({"row": np.arange(n)}).join(grouped, on="row", how="left")
    return full["s"]


def _objects(cls, conf, x0, y0, x1, y1) -> np.ndarray:
    out = cls.astype(str)
    for v in (conf, x0, y0, x1, y1):
        out = np.char.add(np.char.add(out, " "), _fmt(v))
    return out


class VinBigData(Generator):
    competition_id = "vinbigdata-chest-xray-abnormalities-detection"
    default_rows = 2300
    id_column = "image_id"
    is_lower_better = False
    leaderboard_teams = 1277
    leaderboard_best = 0.314
    leaderboard_worst = 0.0

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        n_img = max(2, int(round(rows * _IMAGES_PER_ROW)))
        ids = random_hex(n_img, 32, rng).sort()
        finding = rng.random(n_img) < 0.3
        finding[0] = True
        k = np.where(finding, rng.integers(1, 6, n_img), 1)
        row = np.repeat(np.arange(n_img), k)
        m = row.size
        cls = np.where(finding[row], rng.choice(14, size=m, p=_FINDING_P), 14)
        df = pl.DataFrame({"row": row, "class_id": cls.astype(np.int64)}).unique(
            ["row", "class_id"], maintain_order=True
        ).sort("row", "class_id")
        m = df.height
        cls = df["class_id"].to_numpy()
        x0 = np.round(rng.uniform(0, 2500, m))
        y0 = np.round(rng.uniform(0, 2500, m))
        x1 = x0 + np.round(rng.uniform(20, 900, m))
        y1 = y0 + np.round(rng.uniform(20, 900, m))
        none = cls == 14
        return pl.DataFrame(
            {
                "image_id": ids.gather(df["row"]),
                "class_id": cls,
                "class_name": pl.Series(np.array(CLASS_NAMES)[cls]),
                "rad_id": pl.Series(np.char.add("R", rng.integers(1, 18, m).astype(str))),
                "x_min": np.where(none, 0.0, x0),
                "y_min": np.where(none, 0.0, y0),
                "x_max": np.where(none, 1.0, x1),
                "y_max": np.where(none, 1.0, y1),
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select(pl.col("image_id").unique(maintain_order=True)).with_columns(
            pl.lit("14 1 0 0 1 1").alias("PredictionString")
        )

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        ids = answers["image_id"].unique(maintain_order=True)
        n = ids.len()
        row = answers["image_id"].rank("dense").cast(pl.Int64).to_numpy() - 1
        # rank("dense") orders ids; map back to first-appearance order.
        first = {v: i for i, v in enumerate(ids.to_list())}
        order_ids = answers["image_id"].unique().sort().to_list()
        remap = np.array([first[v] for v in order_ids])
        row = remap[row]
        cls = answers["class_id"].to_numpy()
        box = [answers[c].to_numpy().astype(float) for c in ("x_min", "y_min", "x_max", "y_max")]
        m = cls.size
        if quality == "perfect":
            parts = _objects(cls, np.ones(m), *box)
            text = _join(n, row, parts)
        elif quality == "noisy":
            w = box[2] - box[0]
            h = box[3] - box[1]
            jit = [np.round(b + rng.normal(0, 0.1, m) * s, 1) for b, s in zip(box, (w, h, w, h))]
            conf = np.round(rng.uniform(0.2, 1.0, m), 3)
            keep = rng.random(m) > 0.15
            extra = rng.integers(0, 4, n)
            erow = np.repeat(np.arange(n), extra)
            e = erow.size
            ex0 = np.round(rng.uniform(0, 2500, e), 1)
            ey0 = np.round(rng.uniform(0, 2500, e), 1)
            eparts = _objects(
                rng.integers(0, 15, e), np.round(rng.uniform(0, 0.6, e), 3),
                ex0, ey0, ex0 + np.round(rng.uniform(20, 900, e), 1),
                ey0 + np.round(rng.uniform(20, 900, e), 1),
            )
            parts = np.concatenate([_objects(cls, conf, *jit)[keep], eparts])
            allrow = np.concatenate([row[keep], erow])
            o = np.argsort(allrow, kind="stable")
            text = _join(n, allrow[o], parts[o])
        else:
            k = rng.integers(1, 5, n)
            rrow = np.repeat(np.arange(n), k)
            e = rrow.size
            x0 = np.round(rng.uniform(0, 2500, e), 1)
            y0 = np.round(rng.uniform(0, 2500, e), 1)
            parts = _objects(
                rng.integers(0, 15, e), np.round(rng.random(e), 3), x0, y0,
                x0 + np.round(rng.uniform(20, 900, e), 1), y0 + np.round(rng.uniform(20, 900, e), 1),
            )
            text = _join(n, rrow, parts)
        text = text.fill_null("14 1 0 0 1 1")
        return pl.DataFrame({"image_id": ids, "PredictionString": text})


GENERATOR = VinBigData()
