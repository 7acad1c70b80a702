"""chaii-hindi-and-tamil-question-answering: answer spans in Hindi and Tamil (some digits, Latin)."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality, random_hex

_WORDS = np.array(
    ["भारत", "की", "राजधानी", "नई", "दिल्ली", "१९४७", "महात्मा", "गांधी", "தமிழ்", "நாடு",
     "சென்னை", "1947", "இந்தியா", "ஆண்டு", "UNESCO", "Delhi", "किलोमीटर", "மு.க.", "ஸ்டாலின்"],
    dtype=object,
)


class ChaiiHindiAndTamilQuestionAnswering(Generator):
    competition_id = "chaii-hindi-and-tamil-question-answering"
    default_rows = 112
    id_column = "id"
    is_lower_better = False
    leaderboard_teams = 943
    leaderboard_best = 0.8
    leaderboard_worst = 0.2

    def _spans(self, rows: int, rng: np.random.Generator) -> pl.Series:
        lengths = rng.integers(1, 5, size=rows)
        flat = _WORDS[rng.integers(0, len(_WORDS), size=int(lengths.sum()))]
        frame = pl.DataFrame({"row": np.repeat(np.arange(rows), lengths), "w": flat.tolist()})
        return frame.group_by("row", maintain_order=True).agg(pl.col("w").str.join(" "))["w"]

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        return pl.DataFrame({"id": random_hex(rows, 9, rng), "PredictionString": self._spans(rows, rng)})

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.with_columns(pl.lit("dummy text").alias("PredictionString"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        if quality == "perfect":
            return answers
        guess = self._spans(answers.height, rng)
        if quality == "noisy":
            keep = rng.random(answers.height) < 0.6
            guess = pl.Series(np.where(keep, answers["PredictionString"].to_numpy(), guess.to_numpy()))
        return answers.with_columns(guess.alias("PredictionString"))


GENERATOR = ChaiiHindiAndTamilQuestionAnswering()
