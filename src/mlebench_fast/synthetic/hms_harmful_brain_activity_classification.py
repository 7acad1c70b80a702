"""hms-harmful-brain-activity-classification: train rows of the held-out spectrograms (15 columns,
``eeg_id`` repeated once per labelled segment), six integer vote columns."""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality
from mlebench_fast.synthetic._probabilities import noisy_probabilities

TARGETS = ("seizure_vote", "lpd_vote", "gpd_vote", "lrda_vote", "grda_vote", "other_vote")
_CONSENSUS = np.array(["Seizure", "LPD", "GPD", "LRDA", "GRDA", "Other"])


class HarmfulBrainActivity(Generator):
    competition_id = "hms-harmful-brain-activity-classification"
    default_rows = 10680
    id_column = "eeg_id"
    is_lower_better = True
    leaderboard_teams = 2767
    leaderboard_best = 0.2723
    leaderboard_worst = 1.5

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        # Segments per EEG are skewed: most EEGs have a few, some have dozens.
        sizes = np.minimum(rng.geometric(1 / 6, size=rows), 60)
        sizes = sizes[: int(np.searchsorted(np.cumsum(sizes), rows)) + 1]
        sizes[-1] -= sizes.sum() - rows
        n_eeg = len(sizes)
        eeg = (568_657 + rng.choice(4_294_958_358 - 568_657, size=n_eeg, replace=False)).astype(np.int64)
        group = np.repeat(np.arange(n_eeg), sizes)
        starts = np.repeat(np.cumsum(sizes) - sizes, sizes)
        sub = np.arange(rows) - starts
        spectrogram = (353_733 + rng.choice(2_147_483_647 - 353_733, size=n_eeg, replace=False)).astype(np.int64)[group]
        patient = rng.integers(56, 65_494, n_eeg)[group]
        # A few raters for most segments, a dozen or more for some; votes split by a Dirichlet.
        totals = np.where(rng.random(rows) < 0.6, 3, rng.integers(1, 28, rows))
        shares = rng.dirichlet(np.full(len(TARGETS), 0.4), size=rows)
        votes = _multinomial(totals, shares, rng)
        return pl.DataFrame(
            {
                "eeg_id": eeg[group],
                "eeg_sub_id": sub.astype(np.int64),
                "eeg_label_offset_seconds": sub * 2.0,
                "spectrogram_id": spectrogram,
                "spectrogram_sub_id": sub.astype(np.int64),
                "spectrogram_label_offset_seconds": sub * 2.0 + 4.0,
                "label_id": (338 + rng.choice(4_294_958_358 - 338, size=rows, replace=False)).astype(np.int64),
                "patient_id": patient.astype(np.int64),
                "expert_consensus": _CONSENSUS[votes.argmax(axis=1)],
            }
        ).hstack(pl.DataFrame(votes.astype(np.int64), schema=list(TARGETS)))

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("eeg_id", *[pl.lit(1 / len(TARGETS)).alias(c) for c in TARGETS])

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        votes = answers.select(TARGETS).to_numpy().astype(np.float64)
        truth = votes / votes.sum(axis=1, keepdims=True)
        if quality == "perfect":
            probs = truth
        else:
            probs = noisy_probabilities(truth, 3.0 if quality == "noisy" else 0.0, rng)
        return pl.DataFrame({"eeg_id": answers["eeg_id"]}).hstack(
            pl.DataFrame(probs, schema=list(TARGETS))
        )


def _multinomial(totals: np.ndarray, shares: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Vectorised multinomial draws: each vote lands in a class by inverse CDF."""
    votes = np.zeros(shares.shape, dtype=np.int64)
    cdf = np.cumsum(shares, axis=1)
    rows = np.repeat(np.arange(len(totals)), totals)
    draws = (rng.random(rows.size)[:, None] > cdf[rows]).sum(axis=1)
    np.add.at(votes, (rows, np.minimum(draws, shares.shape[1] - 1)), 1)
    return votes


GENERATOR = HarmfulBrainActivity()
