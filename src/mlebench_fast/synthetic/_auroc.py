"""Shared shape of the ROC AUC competitions' synthetic data: binary labels per id, probabilities
predicted per id (one column, or several for the column-wise variants)."""

from __future__ import annotations

from typing import ClassVar

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality


def _constant(value: float | int) -> pl.Expr:
    # pandas writes an int fill as int64 and a float fill as float64.
    return pl.lit(value, dtype=pl.Int64 if isinstance(value, int) else pl.Float64)


def scores_for(truth: np.ndarray, quality: Quality, rng: np.random.Generator) -> np.ndarray:
    """Probabilities for 0/1 ``truth`` (any shape): exact, informative but noisy, or random.

    Noisy scores are rounded to 4 decimals, as agents' files usually are, which also gives ties.
    """
    truth = truth.astype(np.float64)
    if quality == "perfect":
        return truth
    if quality == "noisy":
        noisy = np.clip(0.2 + 0.6 * truth + rng.normal(0.0, 0.2, truth.shape), 0.0, 1.0)
        return np.round(noisy, 4)
    return np.round(rng.random(truth.shape), 4)


class BinaryAurocGenerator(Generator):
    """Answers ``id_column`` + ``target_column`` (int64 0/1, ``positive_rate`` ones), plus whatever
    ``_extra_answer_columns`` adds; submissions ``id_column`` + ``target_column``."""

    target_column: ClassVar[str]
    positive_rate: ClassVar[float] = 0.5
    sample_value: ClassVar[float | int] = 0.5
    is_lower_better = False
    leaderboard_best = 1.0
    leaderboard_worst = 0.5

    def _ids(self, rows: int, rng: np.random.Generator) -> pl.Series:
        raise NotImplementedError

    def _labels(self, rows: int, rng: np.random.Generator) -> np.ndarray:
        labels = (rng.random(rows) < self.positive_rate).astype(np.int64)
        if rows >= 2:
            # Both classes present, or the reference's roc_auc_score would reject every file.
            labels[:2] = (0, 1)
        return labels

    def _frame(self, ids: pl.Series, labels: np.ndarray) -> pl.DataFrame:
        return pl.DataFrame({self.id_column: ids, self.target_column: labels})

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        return self._frame(self._ids(rows, rng).alias(self.id_column), self._labels(rows, rng))

    def _submission_columns(self) -> list[str]:
        return [self.id_column, self.target_column]

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select(self._submission_columns()).with_columns(
            _constant(self.sample_value).alias(self.target_column)
        )

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        truth = answers[self.target_column].to_numpy()
        return answers.select(self._submission_columns()).with_columns(
            pl.Series(self.target_column, scores_for(truth, quality, rng))
        )


class ColumnwiseAurocGenerator(Generator):
    """Answers ``id_column`` + one int64 0/1 column per class; submissions the same columns as
    probabilities."""

    classes: ClassVar[tuple[str, ...]]
    sample_value: ClassVar[float | int] = 0.5
    is_lower_better = False
    leaderboard_best = 1.0
    leaderboard_worst = 0.5

    def _prediction_columns(self) -> tuple[str, ...]:
        return self.classes

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select(self.id_column, *self._prediction_columns()).with_columns(
            _constant(self.sample_value).alias(c) for c in self._prediction_columns()
        )

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        columns = self._prediction_columns()
        truth = answers.select(columns).to_numpy()
        scores = scores_for(np.clip(truth, 0, 1), quality, rng)
        return pl.DataFrame({self.id_column: answers[self.id_column]}).hstack(
            pl.DataFrame(scores, schema=list(columns))
        )
