"""movie-review-sentiment-analysis-kernels-only: accuracy on ``Sentiment`` (0-4) of ``PhraseId``;
the answers are train.tsv rows (PhraseId, SentenceId, Phrase, Sentiment) in split order."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality
from mlebench_fast.synthetic._labels import distinct_ints, predict_labels

# Sentiment frequencies of the real train.tsv (negative .. positive).
_SENTIMENT_P = np.array([7072, 27273, 79582, 32927, 9206]) / 156060
# Rotten Tomatoes phrases are tokenised: punctuation and quotes are separate tokens.
_WORDS = np.array(
    [
        "the",
        "a",
        "of",
        "and",
        "to",
        "is",
        "in",
        "that",
        "it",
        "as",
        "film",
        "movie",
        ",",
        "'s",
        "--",
        "``",
        "''",
        "...",
        "story",
        "good",
        "bad",
        "funny",
        "characters",
        "too",
        "more",
        "than",
        "n't",
        "but",
        "an",
        "its",
        "with",
        "this",
        "one",
        "like",
        "for",
        "you",
        "be",
        "at",
        "all",
        "by",
        "has",
        "his",
        "who",
        "about",
        "not",
        "dull",
        "charming",
        ",",
        "'",
        '"',
        "-LRB-",
        "-RRB-",
        ";",
        ":",
        "!",
        "?",
    ]
)
_MAX_WORDS = 14


class MovieReviewSentimentAnalysisKernelsOnly(Generator):
    competition_id = "movie-review-sentiment-analysis-kernels-only"
    default_rows = 46_818
    id_column = "PhraseId"
    is_lower_better = False
    leaderboard_teams = 300
    leaderboard_best = 0.76526
    leaderboard_worst = 0.45

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        phrase_ids = distinct_ints(rows, 1, max(156_061, 2 * rows), rng)
        sentence_ids = 1 + (phrase_ids - 1) * 8544 // max(156_060, 2 * rows)
        lengths = rng.integers(1, _MAX_WORDS + 1, size=rows)
        picks = _WORDS[rng.integers(0, len(_WORDS), size=(rows, _MAX_WORDS))]
        words = pl.DataFrame(
            {
                f"w{k}": pl.Series(picks[:, k]).set(pl.Series(lengths <= k), None)
                for k in range(_MAX_WORDS)
            }
        )
        phrase = words.select(
            pl.concat_str(pl.all(), separator=" ", ignore_nulls=True).alias("Phrase")
        )["Phrase"]
        return pl.DataFrame(
            {
                "PhraseId": phrase_ids,
                "SentenceId": sentence_ids.astype(np.int64),
                "Phrase": phrase,
                "Sentiment": rng.choice(5, size=rows, p=_SENTIMENT_P).astype(np.int64),
            }
        )

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("PhraseId", pl.lit(2, dtype=pl.Int64).alias("Sentiment"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        pred = predict_labels(
            answers["Sentiment"].to_numpy(), np.arange(5), quality, rng, noise=0.4
        )
        return pl.DataFrame({"PhraseId": answers["PhraseId"], "Sentiment": pred.astype(np.int64)})


GENERATOR = MovieReviewSentimentAnalysisKernelsOnly()
