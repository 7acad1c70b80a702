"""billion-word-imputation: each test sentence with one word removed; answers hold the full one.

prepare.py hand-writes ``"id","sentence"`` then ``{id},"{sentence}"`` with ``""`` escapes; the
sample submission is the public test file (the sentences with their word removed).
"""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality

_WORDS = np.array(
    [
        "the", "of", "to", "and", "a", "in", '"', "is", "that", "for", "it", "'s", "said", "on",
        "was", "with", "he", "as", "at", "by", ",", ".", "-", "U.S.", "$", "1,000", "2008",
        "year", "government", "company", "people", "New", "York", "Obama", "percent", "(", ")",
        "Müller", "café", "&amp;", "n't", "''", "``", "?", "!", ";", ":", "--",
    ],
    dtype=object,
)


def _sentences(tokens: pl.Series) -> pl.Series:
    return tokens.list.join(" ")


class BillionWordImputation(Generator):
    competition_id = "billion-word-imputation"
    default_rows = 303000
    id_column = "id"
    is_lower_better = True
    leaderboard_teams = 63
    leaderboard_best = 5.4
    leaderboard_worst = 7.8

    def _token_lists(self, rows: int, rng: np.random.Generator) -> pl.Series:
        lengths = rng.integers(3, 40, size=rows)
        flat = _WORDS[rng.integers(0, len(_WORDS), size=int(lengths.sum()))]
        row = np.repeat(np.arange(rows), lengths)
        frame = pl.DataFrame({"row": row, "token": pl.Series(flat.tolist(), dtype=pl.String)})
        return frame.group_by("row", maintain_order=True).agg("token")["token"]

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        tokens = self._token_lists(rows, rng)
        return pl.DataFrame({"id": np.arange(rows, dtype=np.int64), "sentence": _sentences(tokens)})

    def _drop_word(self, sentences: pl.Series, rng: np.random.Generator) -> pl.Series:
        tokens = sentences.str.split(" ")
        lengths = tokens.list.len().to_numpy()
        # prepare.py never removes the first or the last word
        drop = rng.integers(1, np.maximum(lengths - 1, 2))
        frame = pl.DataFrame({"t": tokens, "i": drop})
        kept = frame.select(
            pl.concat_list(pl.col("t").list.head(pl.col("i")), pl.col("t").list.slice(pl.col("i") + 1))
        ).to_series()
        return _sentences(kept)

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.with_columns(self._drop_word(answers["sentence"], np.random.default_rng(0)))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        if quality == "perfect":
            return answers
        if quality == "random":
            return answers.with_columns(_sentences(self._token_lists(answers.height, rng)).alias("sentence"))
        # Half the gaps refilled with the right word, the rest left out.
        dropped = self._drop_word(answers["sentence"], rng)
        fixed = rng.random(answers.height) < 0.5
        return answers.with_columns(
            pl.when(pl.Series(fixed)).then(pl.col("sentence")).otherwise(dropped).alias("sentence")
        )


GENERATOR = BillionWordImputation()
