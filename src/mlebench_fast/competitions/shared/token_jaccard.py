"""Jaccard similarity of the word sets ``set(s.lower().split())`` of two aligned text columns.

Both tweet-sentiment-extraction (Kaggle's per-row formula) and chaii (scikit-learn's
``jaccard_score(average="samples")`` on binarised sets) score |A ∩ B| / |A ∪ B| per row; they
differ in what a row with two empty sets does (ZeroDivisionError vs 0) and in their checks.
The sets are compared row by row in one native pass (:mod:`mlebench_fast.kernels.tokens`).
"""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.kernels.tokens import AnswerWords, word_overlaps
from mlebench_fast.validation.frames import astype_str, kind

__all__ = ["AnswerWords", "fillna_empty_astype_str", "overlap_and_union"]


def overlap_and_union(
    texts: pl.Series, answers: AnswerWords, rows: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Per answers row: ``|A ∩ B|`` and ``|A ∪ B|`` of the words of ``texts[rows[r]]`` and the
    answers' row ``r``. ``texts`` is a String column without nulls."""
    common, distinct = word_overlaps(texts, answers, rows)
    return common, distinct + answers.sizes - common


def fillna_empty_astype_str(series: pl.Series) -> pl.Series:
    """``Series.fillna("").astype(str)``: missing cells become "", the rest their ``str``."""
    if kind(series) == "str":
        return series.fill_null("") if series.null_count() else series
    missing = series.is_null()
    if series.dtype.is_float():
        missing = missing | series.is_nan().fill_null(False)
    return pl.select(
        pl.when(pl.lit(missing)).then(pl.lit("")).otherwise(pl.lit(astype_str(series)))
    ).to_series().alias(series.name)
