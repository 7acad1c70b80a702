"""jigsaw-unintended-bias-in-toxicity-classification: the 45-column test_private_expanded copy.

Toxicity and the identity columns are annotator fractions; an identity is annotated on a part of
the comments only (NaN elsewhere, which the grader counts as 0). Comments are free text with
commas, quotes and line breaks, as the real ones.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from mlebench_fast.synthetic._base import Generator, Quality

_WORDS = np.array(
    "the a people this is not you are what they all it just more about would like one "
    "women men god church gay black white muslim jewish christian stupid idiot \"great\" "
    "well, really mental health, trump news policy vote law canada".split()
)
_TOXICITY_KINDS = (
    "severe_toxicity", "obscene", "sexual_explicit", "identity_attack", "insult", "threat",
)
_IDENTITIES = (
    "male", "female", "transgender", "other_gender", "heterosexual", "homosexual_gay_or_lesbian",
    "bisexual", "other_sexual_orientation", "christian", "jewish", "muslim", "hindu", "buddhist",
    "atheist", "other_religion", "black", "white", "asian", "latino", "other_race_or_ethnicity",
    "physical_disability", "intellectual_or_learning_disability", "psychiatric_or_mental_illness",
    "other_disability",
)


def _comments(rows: int, rng: np.random.Generator) -> pl.Series:
    lengths = rng.integers(3, 40, size=rows)
    words = _WORDS[rng.integers(0, len(_WORDS), size=int(lengths.sum()))]
    owners = np.repeat(np.arange(rows), lengths)
    text = (
        pl.DataFrame({"row": owners, "word": words})
        .group_by("row", maintain_order=True)
        .agg(pl.col("word").str.join(" "))["word"]
    )
    breaks = rng.random(rows) < 0.1
    return pl.Series("comment_text", np.where(breaks, "Hm.\n", "")) + text


class JigsawUnintendedBiasInToxicityClassification(Generator):
    competition_id = "jigsaw-unintended-bias-in-toxicity-classification"
    default_rows = 97_320
    id_column = "id"
    is_lower_better = False
    leaderboard_teams = 3165
    leaderboard_best = 0.94734
    leaderboard_worst = 0.5

    def answers(self, rows: int, rng: np.random.Generator) -> pl.DataFrame:
        annotators = rng.choice([4, 6, 10, 60], size=rows, p=[0.4, 0.3, 0.2, 0.1])
        identity_annotated = rng.random(rows) < 0.45
        members = {}
        mentions = np.zeros(rows)
        for name in _IDENTITIES:
            share = rng.binomial(annotators, rng.choice([0.0, 0.6], size=rows, p=[0.75, 0.25]))
            values = share / annotators
            mentions += values >= 0.5
            members[name] = np.where(identity_annotated, values, np.nan)
        # Comments that mention an identity are more often toxic, as in the real data.
        toxic_p = np.minimum(0.1 + 0.12 * mentions, 0.6)
        toxicity = rng.binomial(annotators, toxic_p) / annotators
        frame = {
            "id": np.arange(7_000_000, 7_000_000 + rows, dtype=np.int64),
            "comment_text": _comments(rows, rng),
            "created_date": pl.Series(
                np.datetime64("2017-01-01") + rng.integers(0, 300, size=rows).astype("timedelta64[D]")
            ).cast(pl.String) + " 10:01:02.123456+00",
            "publication_id": rng.integers(2, 110, size=rows),
            "parent_id": np.where(
                rng.random(rows) < 0.5, np.nan, rng.integers(60_000, 6_000_000, size=rows)
            ),
            "article_id": rng.integers(2_000, 400_000, size=rows),
            "rating": rng.choice(["approved", "rejected"], size=rows, p=[0.9, 0.1]),
            **{k: rng.poisson(lam, size=rows) for k, lam in
               (("funny", 0.3), ("wow", 0.05), ("sad", 0.1), ("likes", 2.0), ("disagree", 0.5))},
            "toxicity": toxicity,
            **{k: rng.binomial(annotators, 0.05) / annotators for k in _TOXICITY_KINDS},
            **members,
            "identity_annotator_count": np.where(identity_annotated, annotators, 0),
            "toxicity_annotator_count": annotators,
        }
        return pl.DataFrame(frame)

    def sample_submission(self, answers: pl.DataFrame) -> pl.DataFrame:
        return answers.select("id", pl.lit(0.0).alias("prediction"))

    def _predict(
        self, answers: pl.DataFrame, quality: Quality, rng: np.random.Generator
    ) -> pl.DataFrame:
        truth = answers["toxicity"].to_numpy()
        n = len(truth)
        if quality == "perfect":
            pred = truth
        elif quality == "noisy":
            pred = np.clip(truth + rng.normal(0, 0.25, n), 0.0, 1.0)
        else:
            pred = rng.random(n)
        return pl.DataFrame({"id": answers["id"], "prediction": pred})


GENERATOR = JigsawUnintendedBiasInToxicityClassification()
