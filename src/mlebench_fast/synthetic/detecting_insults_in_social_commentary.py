"""detecting-insults-in-social-commentary: ROC AUC of ``Insult``, rows matched by the free-text
``Comment`` (the raw, quoted, backslash-escaped text of the original file; a few comments repeat).

Answers are ``Insult, Date, Comment, Usage``; a submission is ``Insult, Date, Comment``.
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np
import polars as pl

from mlebench_fast.synthetic._auroc import BinaryAurocGenerator

_WORDS = np.array(
    "you are an idiot the this is so true lol what dumb moron thanks great point really "
    "why would anyone believe that , go away loser \\n \\xa0 I agree with you"
    " \\' shut up, fool obama romney vote".split()
)


class DetectingInsultsInSocialCommentary(BinaryAurocGenerator):
    competition_id = "detecting-insults-in-social-commentary"
    default_rows = 2647
    id_column = "Comment"
    target_column = "Insult"
    positive_rate = 0.26
    sample_value = 0
    leaderboard_teams = 50
    duplicate_share: ClassVar[float] = 0.01

    def _ids(self, rows: int, rng: np.random.Generator) -> pl.Series:
        lengths = rng.integers(1, 12, size=rows)
        words = _WORDS[rng.integers(0, len(_WORDS), size=int(lengths.sum()))]
        owners = np.repeat(np.arange(rows), lengths)
        text = (
            pl.DataFrame({"row": owners, "word": words})
            .group_by("row", maintain_order=True)
            .agg(pl.col("word").str.join(" "))["word"]
        )
        # Short comments recur in the real file ("\"Idiot\""); repeated ids are a sorting trap.
        copies = rng.random(rows) < self.duplicate_share
        copies[0] = False
        source = np.where(copies, rng.integers(0, rows, size=rows), np.arange(rows))
        if rows >= 8:
            # At least one repeat of each class's first comment, whatever the size.
            source[-2:] = (0, 1)
        return '"' + text[source] + '"'

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        comments = self._ids(rows, rng)
        stamps = 20120600000000 + rng.integers(0, 30, rows) * 1_000_000 + rng.integers(0, 235959, rows)
        dates = pl.Series(stamps).cast(pl.String) + "Z"
        dates = dates.scatter(np.flatnonzero(rng.random(rows) < 0.2), None)
        usage = np.where(rng.random(rows) < 0.5, "PublicTest", "PrivateTest")
        return pl.DataFrame(
            {
                "Insult": self._labels(rows, rng),
                "Date": dates,
                "Comment": comments,
                "Usage": usage,
            }
        )

    def _submission_columns(self) -> list[str]:
        return ["Insult", "Date", "Comment"]


GENERATOR = DetectingInsultsInSocialCommentary()
