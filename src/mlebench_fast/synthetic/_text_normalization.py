"""Text normalization answers: ``id`` = ``{sentence}_{token}``, ``after`` = the normalized token."""

from __future__ import annotations

from typing import ClassVar

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality


class TextNormalization(Generator):
    id_column = "id"
    is_lower_better = False
    leaderboard_worst = 0.5
    words: ClassVar[tuple[str, ...]]
    # Tokens the normalizer rewrites (numbers, dates, ...): what a copy-the-input baseline misses.
    rewritten: ClassVar[tuple[tuple[str, str], ...]]

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        # Sentences of 3..25 tokens, in file order (sentence then token).
        lengths = rng.integers(3, 26, size=rows // 3 + 2)
        sentence = np.repeat(np.arange(len(lengths)), lengths)[:rows]
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        token = np.arange(rows) - starts[sentence]
        ids = pl.Series(sentence).cast(pl.String) + "_" + pl.Series(token).cast(pl.String)
        words = np.array(self.words, dtype=object)
        after = words[rng.integers(0, len(words), size=rows)]
        normalized = np.array([a for _, a in self.rewritten], dtype=object)
        hit = rng.random(rows) < 0.1
        after[hit] = normalized[rng.integers(0, len(normalized), size=int(hit.sum()))]
        return pl.DataFrame({"id": ids, "after": pl.Series(after.tolist(), dtype=pl.String)})

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        # prepare.py copies ``before``: the rewritten tokens keep their written form.
        before = dict((a, b) for b, a in self.rewritten)
        return answers.with_columns(pl.col("after").replace(before))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        if quality == "perfect":
            return answers
        base = self.sample_submission(answers)
        if quality == "random":
            words = np.array(self.words, dtype=object)
            return base.with_columns(
                pl.Series("after", words[rng.integers(0, len(words), answers.height)].tolist())
            )
        wrong = rng.random(answers.height) < 0.02
        return base.with_columns(
            pl.when(pl.Series(wrong)).then(pl.lit("<wrong>")).otherwise(pl.col("after")).alias("after")
        )
