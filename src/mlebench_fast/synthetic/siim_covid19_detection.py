"""siim-covid19-detection: study rows ("{label} 1 0 0 1 1") then image rows (opacity boxes or
"none 1 0 0 1 1"), each block sorted by id, as prepare.py writes them."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex

_STUDY = np.array(["negative", "typical", "indeterminate", "atypical"])
_STUDY_P = np.array([1676, 3007, 1049, 474]) / 6206
_STUDIES_PER_ROW = 606 / 1244


def _fmt(values: np.ndarray) -> np.ndarray:
    return np.char.mod("%.7g", np.round(values, 3))


def join_objects(rows: int, row_of: np.ndarray, parts: np.ndarray) -> pl.Series:
    """Space-joined object strings per row ("" for a row without any)."""
    grouped = (
        pl.DataFrame({"row": row_of, "s": pl.Series(parts, dtype=pl.String)})
        .group_by("row", maintain_order=True)
        .agg(pl.col("s").str.join(" "))
    )
    full = pl.DataFrame({"row": np.arange(rows)}).join(grouped, on="row", how="left")
    return full["s"].fill_null("")


def objects(answers: pl.DataFrame) -> pl.DataFrame:
    tokens = answers["PredictionString"].str.split(" ")
    counts = tokens.list.len().to_numpy() // 6
    flat = tokens.explode()
    out = {"row": np.repeat(np.arange(answers.height), counts), "label": flat.gather_every(6, 0)}
    for i, name in enumerate(("conf", "x0", "y0", "x1", "y1")):
        out[name] = flat.gather_every(6, i + 1).cast(pl.Float64)
    return pl.DataFrame(out)


def _strings(df: pl.DataFrame) -> np.ndarray:
    cols = [df["label"].to_numpy().astype(str)] + [
        _fmt(df[c].to_numpy()) for c in ("conf", "x0", "y0", "x1", "y1")
    ]
    out = cols[0]
    for c in cols[1:]:
        out = np.char.add(np.char.add(out, " "), c)
    return out


class SiimCovid19Detection(Generator):
    competition_id = "siim-covid19-detection"
    default_rows = 1244
    id_column = "id"
    is_lower_better = False
    leaderboard_teams = 1305
    leaderboard_best = 0.635
    leaderboard_worst = 0.0

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        n_study = max(1, int(round(rows * _STUDIES_PER_ROW)))
        n_image = rows - n_study
        study_ids = (random_hex(n_study, 12, rng) + "_study").sort()
        image_ids = (random_hex(n_image, 12, rng) + "_image").sort()
        study = np.char.add(rng.choice(_STUDY, size=n_study, p=_STUDY_P), " 1 0 0 1 1")
        counts = rng.choice([0, 1, 2, 3], size=n_image, p=[0.33, 0.2, 0.42, 0.05])
        total = int(counts.sum())
        x0 = rng.uniform(0, 2500, total)
        y0 = rng.uniform(0, 2500, total)
        boxes = pl.DataFrame(
            {
                "label": ["opacity"] * total,
                "conf": np.ones(total),
                "x0": x0,
                "y0": y0,
                "x1": x0 + rng.uniform(100, 1200, total),
                "y1": y0 + rng.uniform(100, 1800, total),
            }
        )
        image = join_objects(n_image, np.repeat(np.arange(n_image), counts), _strings(boxes))
        image = pl.Series(np.where(counts == 0, "none 1 0 0 1 1", image.to_numpy()))
        return pl.DataFrame(
            {
                "id": pl.concat([study_ids, image_ids]),
                "PredictionString": pl.concat([pl.Series(study), image.cast(pl.String)]),
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        study = answers["id"].str.ends_with("_study")
        text = pl.when(study).then(pl.lit("negative 1 0 0 1 1")).otherwise(pl.lit("none 1 0 0 1 1"))
        return answers.select("id", text.alias("PredictionString"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        if quality == "perfect":
            return answers.select("id", "PredictionString")
        n = answers.height
        study = answers["id"].str.ends_with("_study").to_numpy()
        if quality == "random":
            k = rng.integers(1, 4, size=n)
            row = np.repeat(np.arange(n), k)
            m = row.size
            is_study = study[row]
            label = np.where(
                is_study, rng.choice(_STUDY, size=m), rng.choice(["opacity", "none"], size=m)
            )
            x0 = rng.uniform(0, 2500, m)
            y0 = rng.uniform(0, 2500, m)
            df = pl.DataFrame(
                {
                    "label": label,
                    "conf": rng.random(m),
                    "x0": x0,
                    "y0": y0,
                    "x1": x0 + rng.uniform(100, 1200, m),
                    "y1": y0 + rng.uniform(100, 1800, m),
                }
            )
            return answers.select("id").with_columns(
                join_objects(n, row, _strings(df)).alias("PredictionString")
            )
        obj = objects(answers)
        m = obj.height
        w = (obj["x1"] - obj["x0"]).to_numpy()
        h = (obj["y1"] - obj["y0"]).to_numpy()
        box = obj["label"].to_numpy() == "opacity"
        jit = lambda size: rng.normal(0, 0.08, m) * size * box  # noqa: E731
        kept = obj.with_columns(
            pl.Series("conf", rng.uniform(0.3, 1.0, m)),
            pl.Series("x0", obj["x0"].to_numpy() + jit(w)),
            pl.Series("y0", obj["y0"].to_numpy() + jit(h)),
            pl.Series("x1", obj["x1"].to_numpy() + jit(w)),
            pl.Series("y1", obj["y1"].to_numpy() + jit(h)),
        ).filter(pl.Series(rng.random(m) > 0.1))
        # Lower-confidence alternatives: other study classes, "none" or stray boxes on images.
        alt_row = np.arange(n)
        x0 = rng.uniform(0, 2500, n)
        y0 = rng.uniform(0, 2500, n)
        none = rng.random(n) < 0.5
        alt = pl.DataFrame(
            {
                "row": alt_row,
                "label": np.where(study, rng.choice(_STUDY, size=n),
                                  np.where(none, "none", "opacity")),
                "conf": rng.uniform(0.0, 0.5, n),
                "x0": np.where(study | none, 0.0, x0),
                "y0": np.where(study | none, 0.0, y0),
                "x1": np.where(study | none, 1.0, x0 + rng.uniform(100, 1200, n)),
                "y1": np.where(study | none, 1.0, y0 + rng.uniform(100, 1800, n)),
            }
        )
        allobj = pl.concat([kept, alt.cast(kept.schema)]).sort("row", maintain_order=True)
        text = join_objects(n, allobj["row"].to_numpy(), _strings(allobj))
        return answers.select("id").with_columns(text.alias("PredictionString"))


GENERATOR = SiimCovid19Detection()
