"""tweet-sentiment-extraction: the span of each tweet that carries its sentiment."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex

_WORDS = np.array(
    ["I", "love", "this", "so", "much", "sad", "today", "SOOO", "happy", "ugh", "work", ":)",
     "http://t.co/x", "it`s", "don't", "Good", "bad", "day!!", "@friend", "...", "café", "ÜBER",
     "lol", "miss", "you", "*****"],
    dtype=object,
)


def _texts(rows: int, low: int, high: int, rng: np.random.Generator) -> pl.Series:
    lengths = rng.integers(low, high, size=rows)
    flat = _WORDS[rng.integers(0, len(_WORDS), size=int(lengths.sum()))]
    frame = pl.DataFrame({"row": np.repeat(np.arange(rows), lengths), "w": flat.tolist()})
    return frame.group_by("row", maintain_order=True).agg(pl.col("w").str.join(" "))["w"]


class TweetSentimentExtraction(Generator):
    competition_id = "tweet-sentiment-extraction"
    default_rows = 2749
    id_column = "textID"
    is_lower_better = False
    leaderboard_teams = 2225
    leaderboard_best = 0.736
    leaderboard_worst = 0.3

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        text = _texts(rows, 3, 25, rng)
        words = text.str.split(" ")
        start = rng.integers(0, 3, size=rows)
        span = rng.integers(1, 4, size=rows)
        selected = pl.DataFrame({"w": words, "s": start, "n": span}).select(
            pl.col("w").list.slice(pl.col("s"), pl.col("n")).list.join(" ")
        )["w"]
        sentiment = rng.choice(["neutral", "positive", "negative"], size=rows)
        # neutral spans are usually the whole tweet
        selected = pl.Series(np.where(sentiment == "neutral", text.to_numpy(), selected.to_numpy()))
        return pl.DataFrame(
            {"textID": random_hex(rows, 10, rng), "text": text, "selected_text": selected,
             "sentiment": sentiment}
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("textID", pl.lit("").alias("selected_text"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        if quality == "perfect":
            pred = answers["selected_text"]
        elif quality == "noisy":
            whole = rng.random(answers.height) < 0.4
            pred = pl.Series(np.where(whole, answers["text"].to_numpy(), answers["selected_text"].to_numpy()))
        else:
            pred = _texts(answers.height, 1, 6, rng)
        return pl.DataFrame({"textID": answers["textID"], "selected_text": pred})


GENERATOR = TweetSentimentExtraction()
