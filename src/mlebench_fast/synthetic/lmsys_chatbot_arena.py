"""lmsys-chatbot-arena: answers are train rows (id, models, JSON-list texts, one-hot winner)."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality
from mlebench_fast.synthetic._probabilities import noisy_probabilities

CLASSES = ("winner_model_a", "winner_model_b", "winner_tie")
_SHARES = (0.349, 0.342, 0.309)
_MODELS = (
    "gpt-4-1106-preview", "gpt-4-0613", "gpt-3.5-turbo-0613", "claude-2.1", "claude-instant-1",
    "llama-2-70b-chat", "vicuna-13b", "mixtral-8x7b-instruct-v0.1", "gemini-pro", "koala-13b",
    "mistral-medium", "zephyr-7b-beta", "wizardlm-70b", "palm-2", "yi-34b-chat",
)
_WORDS = (
    "the", "model", "answer", "is", "a", "of", "to", "and", "in", "that", "please", "write",
    "code", "function", "return", "explain", "why", "how", "story", "about", "data,", "list,",
    'say \\"hi\\"', "line\\n", "émoji", "naïve", "über", "1.5", "42", "x = y + 1;", "{key: 1}",
)


def _texts(n: int, low: int, high: int, rng: np.random.Generator, corpus: str) -> pl.Series:
    """JSON lists of one string each, cut from a shared corpus (vectorised)."""
    lengths = rng.integers(low, high, n)
    starts = rng.integers(0, len(corpus) - high, n)
    cut = pl.select(pl.lit(corpus).str.slice(pl.Series(starts), pl.Series(lengths))).to_series()
    # never end on a lone backslash: that would escape the closing quote
    cut = cut.str.replace(r"\\+$", "")
    return '["' + cut.str.strip_chars() + '"]'


class ChatbotArena(Generator):
    competition_id = "lmsys-chatbot-arena"
    default_rows = 5748
    id_column = "id"
    is_lower_better = True
    leaderboard_teams = 1849
    leaderboard_best = 0.8797
    leaderboard_worst = 1.1

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        corpus = " ".join(rng.choice(_WORDS, size=20_000))
        ids = 30_192 + rng.choice(4_294_947_231 - 30_192, size=rows, replace=False)
        models = np.array(_MODELS)
        a = rng.integers(0, len(models), rows)
        b = (a + rng.integers(1, len(models), rows)) % len(models)
        labels = rng.choice(len(CLASSES), size=rows, p=_SHARES)
        onehot = np.zeros((rows, len(CLASSES)), dtype=np.int64)
        onehot[np.arange(rows), labels] = 1
        return pl.DataFrame(
            {
                "id": np.asarray(ids, dtype=np.int64),
                "model_a": models[a],
                "model_b": models[b],
                "prompt": _texts(rows, 20, 700, rng, corpus),
                "response_a": _texts(rows, 50, 3000, rng, corpus),
                "response_b": _texts(rows, 50, 3000, rng, corpus),
            }
        ).hstack(pl.DataFrame(onehot, schema=list(CLASSES)))

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("id", *[pl.lit(0.3333333333333333).alias(c) for c in CLASSES])

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        truth = answers.select(CLASSES).to_numpy().astype(np.float64)
        if quality == "perfect":
            probs = truth
        else:
            probs = noisy_probabilities(truth, 1.0 if quality == "noisy" else 0.0, rng)
        return pl.DataFrame({"id": answers["id"]}).hstack(pl.DataFrame(probs, schema=list(CLASSES)))


GENERATOR = ChatbotArena()
