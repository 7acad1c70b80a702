"""Jaccard similarity of the word sets ``set(s.lower().split())`` of two aligned text columns.

Both tweet-sentiment-extraction (Kaggle's per-row formula) and chaii (scikit-learn's
``jaccard_score(average="samples")`` on binarised sets) score |A ∩ B| / |A ∪ B| per row; they
differ in what a row with two empty sets does (ZeroDivisionError vs 0) and in their checks.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.validation.frames import astype_str, kind
from mlebench_fast.validation.python_text import python_lower, python_split


@dataclass(frozen=True, slots=True)
class WordSets:
    """Each row's distinct lowercased words, as (row, word) pairs, and the set sizes."""

    pairs: pl.DataFrame
    sizes: np.ndarray

    @classmethod
    def of(cls, texts: pl.Series) -> WordSets:
        words = python_split(python_lower(texts))
        pairs = (
            pl.DataFrame({"row": pl.int_range(0, texts.len(), eager=True, dtype=pl.Int64), "word": words})
            .explode("word")
            .drop_nulls("word")
            .unique()
        )
        sizes = np.bincount(pairs["row"].to_numpy(), minlength=texts.len())
        return cls(pairs, sizes)

    def vocabulary_size(self, other: WordSets) -> int:
        return pl.concat([self.pairs["word"], other.pairs["word"]]).n_unique()


def intersection_sizes(a: WordSets, b: WordSets) -> np.ndarray:
    rows = a.pairs.join(b.pairs, on=["row", "word"], how="inner")["row"].to_numpy()
    return np.bincount(rows, minlength=a.sizes.size)


def union_sizes(a: WordSets, b: WordSets, common: np.ndarray) -> np.ndarray:
    return a.sizes + b.sizes - common


def fillna_empty_astype_str(series: pl.Series) -> pl.Series:
    """``Series.fillna("").astype(str)``: missing cells become "", the rest their ``str``."""
    if kind(series) == "str":
        return series.fill_null("")
    missing = series.is_null()
    if series.dtype.is_float():
        missing = missing | series.is_nan().fill_null(False)
    return pl.select(
        pl.when(pl.lit(missing)).then(pl.lit("")).otherwise(pl.lit(astype_str(series)))
    ).to_series().alias(series.name)
