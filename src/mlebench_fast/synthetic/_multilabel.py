"""Space-separated label sets shared by the multi-label F1 generators (imet, plant pathology,
facebook keywords): truth drawn from a skewed pool, predictions that drop and add labels."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Quality


def draw_label_sets(
    rows: int, pool: np.ndarray, counts: np.ndarray, rng: np.random.Generator, *, skew: float = 0.8
) -> pl.Series:
    """``rows`` cells of ``counts[r]`` distinct labels from ``pool`` (Zipf-like popularity), in
    draw order, joined by single spaces."""
    weights = 1.0 / np.arange(1, len(pool) + 1) ** skew
    flat = rng.choice(len(pool), size=int(counts.sum()), p=weights / weights.sum())
    frame = pl.DataFrame({"row": np.repeat(np.arange(rows), counts), "label": pool[flat]})
    return _join(frame, rows)


def _join(frame: pl.DataFrame, rows: int) -> pl.Series:
    grouped = frame.unique(subset=["row", "label"], keep="first", maintain_order=True).group_by(
        "row", maintain_order=True
    ).agg(pl.col("label").str.join(" "))
    out = pl.DataFrame({"row": np.arange(rows)}).join(grouped, on="row", how="left")
    return out["label"].fill_null("")


def predict_label_sets(
    truth: pl.Series,
    pool: np.ndarray,
    quality: Quality,
    rng: np.random.Generator,
    *,
    keep: float = 0.75,
    extra: float = 0.6,
) -> pl.Series:
    """Predicted cells: perfect copies ``truth``; noisy keeps each true label with probability
    ``keep`` and adds Poisson(``extra``) labels from ``pool``; random is 1-3 labels of ``pool``."""
    if quality == "perfect":
        return truth
    rows = truth.len()
    lists = truth.fill_null("").str.split(" ")
    frame = (
        pl.DataFrame({"row": np.arange(rows), "label": lists})
        .explode("label")
        .filter(pl.col("label").is_not_null() & (pl.col("label") != ""))
    )
    frame = frame.filter(pl.Series(rng.random(frame.height) < (keep if quality == "noisy" else 0)))
    added = rng.poisson(extra, rows) if quality == "noisy" else rng.integers(1, 4, rows)
    extra_rows = np.repeat(np.arange(rows), added)
    extra_frame = pl.DataFrame(
        {"row": extra_rows, "label": pool[rng.integers(0, len(pool), extra_rows.size)]}
    )
    combined = pl.concat([frame, extra_frame.cast(frame.schema)]).sort("row", maintain_order=True)
    return _join(combined, rows)
