"""tensorflow-speech-recognition-challenge: accuracy on the string ``label`` (the raw folder name
of each clip: 30 words and ``_background_noise_``) of ``clip_%08d.wav`` files, numbered in
split order."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality
from mlebench_fast.synthetic._labels import predict_labels

WORDS = np.array(
    [
        "bed",
        "bird",
        "cat",
        "dog",
        "down",
        "eight",
        "five",
        "four",
        "go",
        "happy",
        "house",
        "left",
        "marvin",
        "nine",
        "no",
        "off",
        "on",
        "one",
        "right",
        "seven",
        "sheila",
        "six",
        "stop",
        "three",
        "tree",
        "two",
        "up",
        "wow",
        "yes",
        "zero",
    ]
)
LABELS = np.append(WORDS, "_background_noise_")
# The ten command words have about 2,370 clips each, the others about 1,730; 6 noise files.
_COUNTS = np.array(
    [
        2370
        if w in ("yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go")
        else 1730
        for w in WORDS
    ]
    + [6],
    dtype=float,
)
# What agents predict: the Kaggle label set (10 commands, silence, unknown) or folder names.
_PREDICTED = np.concatenate([LABELS, ["silence", "unknown"]])


class TensorflowSpeechRecognitionChallenge(Generator):
    competition_id = "tensorflow-speech-recognition-challenge"
    default_rows = 6473
    id_column = "fname"
    is_lower_better = False
    leaderboard_teams = 1315
    leaderboard_best = 0.91060
    leaderboard_worst = 0.3

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        labels = LABELS[rng.choice(len(LABELS), size=rows, p=_COUNTS / _COUNTS.sum())]
        fname = pl.Series(np.arange(rows)).cast(pl.String).str.zfill(8)
        return pl.DataFrame({"fname": "clip_" + fname + ".wav", "label": labels})

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("fname", pl.lit("silence").alias("label"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        pred = predict_labels(answers["label"].to_numpy(), _PREDICTED, quality, rng, noise=0.2)
        return pl.DataFrame({"fname": answers["fname"], "label": pred})


GENERATOR = TensorflowSpeechRecognitionChallenge()
