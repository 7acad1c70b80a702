"""kuzushiji-recognition: pages of labelled character boxes ("U+XXXX x y w h ..."), some empty."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality

_VOCABULARY = 4000


def _join(rows: int, row_of: np.ndarray, parts: pl.Series) -> pl.Series:
    """Space-joined objects per row, null where a row has none (pandas reads "" as NaN)."""
    grouped = (
        pl.DataFrame({"row": row_of, "s": parts})
        .group_by("row", maintain_order=True)
        .agg(pl.col("s").str.join(" "))
    )
    full = pl.DataFrame({"row": np.arange(rows)}).join(grouped, on="row", how="left")
    return full["s"]


def _labels(codes: np.ndarray) -> pl.Series:
    return pl.Series(np.char.add("U+", np.char.upper(np.char.mod("%04x", 0x3000 + codes))))


def _objects(answers: pl.DataFrame) -> pl.DataFrame:
    tokens = answers["labels"].str.split(" ")
    rows = np.repeat(np.arange(answers.height), tokens.list.len().fill_null(0).to_numpy() // 5)
    flat = tokens.explode().drop_nulls()
    out = {"row": rows, "label": flat.gather_every(5, 0)}
    for i, name in enumerate(("x", "y", "w", "h")):
        out[name] = flat.gather_every(5, i + 1).cast(pl.Int64)
    return pl.DataFrame(out)


def _points(rows: int, objects: pl.DataFrame) -> pl.Series:
    parts = pl.format("{} {} {}", "label", "cx", "cy").alias("s")
    text = objects.select(parts).to_series()
    return _join(rows, objects["row"].to_numpy(), text)


class KuzushijiRecognition(Generator):
    competition_id = "kuzushiji-recognition"
    default_rows = 361
    id_column = "image_id"
    is_lower_better = False
    leaderboard_teams = 293
    leaderboard_best = 0.95
    leaderboard_worst = 0.0

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        books = rng.integers(100000000, 300000000, size=rows)
        ids = pl.Series(
            np.char.add(
                np.char.add(books.astype(str), "_"),
                np.char.add(np.char.mod("%05d", rng.integers(1, 100, size=rows)), "_2"),
            )
        )
        # Real pages hold up to ~700 characters; small files (golden fixtures) stay small.
        counts = rng.integers(0, 700 if rows > 100 else 6, size=rows)
        counts[rng.random(rows) < 0.03] = 0
        total = int(counts.sum())
        row_of = np.repeat(np.arange(rows), counts)
        x = rng.integers(0, 3000, size=total)
        y = rng.integers(0, 4000, size=total)
        w = rng.integers(10, 160, size=total)
        h = rng.integers(10, 160, size=total)
        labels = _labels(rng.zipf(1.3, size=total) % _VOCABULARY)
        objects = pl.DataFrame({"label": labels, "x": x, "y": y, "w": w, "h": h})
        text = objects.select(pl.format("{} {} {} {} {}", "label", "x", "y", "w", "h")).to_series()
        return pl.DataFrame({"image_id": ids, "labels": _join(rows, row_of, text)}).unique(
            "image_id", keep="first", maintain_order=True
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        # The public sample_submission.csv: one fixed prediction per page.
        return answers.select("image_id", pl.lit("U+003F 1 1 U+FF2F 2 2").alias("labels"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        objects = _objects(answers)
        n = objects.height
        cx = objects["x"].to_numpy() + objects["w"].to_numpy() // 2
        cy = objects["y"].to_numpy() + objects["h"].to_numpy() // 2
        labels = objects["label"]
        keep = np.ones(n, dtype=bool)
        if quality == "random":
            labels = _labels(rng.zipf(1.3, size=n) % _VOCABULARY)
            cx = rng.integers(0, 3000, size=n)
            cy = rng.integers(0, 4000, size=n)
        elif quality == "noisy":
            # Some centres pushed off their box, some labels wrong, some characters missed.
            cx = cx + rng.integers(-60, 60, size=n)
            wrong = rng.random(n) < 0.1
            labels = pl.Series(
                np.where(wrong, _labels(rng.integers(0, _VOCABULARY, size=n)).to_numpy(),
                         labels.to_numpy())
            )
            keep = rng.random(n) > 0.05
        objects = pl.DataFrame(
            {"row": objects["row"], "label": labels, "cx": cx, "cy": cy}
        ).filter(pl.Series(keep))
        return answers.select("image_id").with_columns(_points(answers.height, objects).alias("labels"))


GENERATOR = KuzushijiRecognition()
