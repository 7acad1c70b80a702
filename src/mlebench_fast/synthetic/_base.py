"""What every synthetic-data generator provides, and the helpers they share."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar, Literal

import numpy as np
import polars as pl

from mlebench_fast.synthetic._csv import to_csv_bytes

Quality = Literal["perfect", "noisy", "random"]
QUALITIES: tuple[Quality, ...] = ("perfect", "noisy", "random")

_HEX = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)

# The reference's leaderboard.csv is the Kaggle API's rows minus teamName/teamNameNullable.
LEADERBOARD_COLUMNS = (
    "scoreNullable",
    "teamId",
    "hasTeamName",
    "submissionDate",
    "score",
    "hasScore",
)


def random_hex(n: int, length: int, rng: np.random.Generator) -> pl.Series:
    """``n`` distinct lowercase hex strings of ``length`` characters (vectorised: bms needs 484k)."""
    out = np.empty(0, dtype=f"S{length}")
    while out.size < n:
        digits = rng.integers(0, 16, size=(n - out.size, length), dtype=np.uint8)
        fresh = _HEX[digits].view(f"S{length}").ravel()
        # Keep first occurrences in draw order so the result stays a function of the seed.
        merged = np.concatenate([out, fresh])
        _, first = np.unique(merged, return_index=True)
        out = merged[np.sort(first)]
    return pl.Series(out[:n]).cast(pl.String)


def shuffled(df: pl.DataFrame, rng: np.random.Generator) -> pl.DataFrame:
    return df[rng.permutation(df.height)]


def unique_ints(n: int, low: int, high: int, rng: np.random.Generator) -> np.ndarray:
    return rng.choice(np.arange(low, high), size=n, replace=False)


class Generator(ABC):
    """Synthetic answers, sample submission, agent-like submissions and leaderboard of one competition.

    Everything is a function of the ``rng`` passed in, so a suite is reproducible from its seed.
    """

    competition_id: ClassVar[str]
    default_rows: ClassVar[int]  # the real test-set size (competitions.tsv)
    id_column: ClassVar[str]
    is_lower_better: ClassVar[bool]
    # Leaderboard shape: team count and the score range, best to worst, of plausible entries.
    leaderboard_teams: ClassVar[int]
    leaderboard_best: ClassVar[float]
    leaderboard_worst: ClassVar[float]

    @abstractmethod
    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        """The private answers file in the real schema, in the row order prepare.py writes."""

    @abstractmethod
    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        """The public sample submission exactly as the reference's prepare.py builds it."""

    @abstractmethod
    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        """Prediction columns (id first) for ``quality``, aligned with ``answers``' rows."""

    def submission(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        """An agent-like submission: perfect keeps the answers' order, others are shuffled."""
        if quality not in QUALITIES:
            msg = f"unknown quality {quality!r}; valid: {', '.join(QUALITIES)}"
            raise ValueError(msg)
        sub = self._predict(answers, quality, rng)
        return sub if quality == "perfect" else shuffled(sub, rng)

    def malformed(self, answers: pl.DataFrame, rng: np.random.Generator) -> dict[str, bytes]:
        """Raw CSV bytes of broken submissions, by name. Subclasses add their own traps."""
        good = self._predict(answers, "noisy", rng)
        text = to_csv_bytes(good)
        header, _, body = text.partition(b"\n")
        rows = body.splitlines()
        out = {
            "empty": b"",
            "header_only": header + b"\n",
            "missing_rows": b"\n".join([header, *rows[: max(1, len(rows) // 2)]]) + b"\n",
            "missing_target": to_csv_bytes(good.select(self.id_column)),
            "wrong_id_column": to_csv_bytes(good.rename({self.id_column: "ID"})),
            # Unbalanced field counts: pandas raises a tokenizing error before the grader runs.
            "ragged": b"\n".join([header, rows[0], rows[0] + b",1,2,3", *rows[1:]]) + b"\n",
        }
        return out

    def leaderboard(self, rng: np.random.Generator, teams: int | None = None) -> pl.DataFrame:
        """A leaderboard.csv as the reference stores it: best row first."""
        n = teams or self.leaderboard_teams
        # Most teams sit near the top of a Kaggle leaderboard with a long tail of weak entries.
        quality = np.sort(rng.beta(5.0, 1.5, size=n))[::-1]
        scores = self.leaderboard_worst + (self.leaderboard_best - self.leaderboard_worst) * quality
        scores = np.round(scores, 5)
        start = np.datetime64("2019-01-01T00:00:00")
        seconds = rng.integers(0, 120 * 86400, size=n)
        dates = (start + seconds.astype("timedelta64[s]")).astype(str)
        return pl.DataFrame(
            {
                "scoreNullable": [repr(float(s)) for s in scores],
                "teamId": unique_ints(n, 100_000, 10_000_000, rng).astype(np.int64),
                "hasTeamName": np.ones(n, dtype=bool),
                "submissionDate": np.char.replace(dates, "T", " "),
                "score": scores,
                "hasScore": np.ones(n, dtype=bool),
            }
        )
