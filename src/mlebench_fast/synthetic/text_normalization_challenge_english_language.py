"""text-normalization-challenge-english-language: accuracy of the normalized token ``after``."""

from __future__ import annotations

from mlebench_fast.synthetic._text_normalization import TextNormalization


class TextNormalizationEnglish(TextNormalization):
    competition_id = "text-normalization-challenge-english-language"
    default_rows = 993465
    leaderboard_teams = 260
    leaderboard_best = 0.9976
    words = ("the", "of", "and", ".", ",", "in", "a", "is", "was", "city", "café", "Zürich", '"',
             "It's", "-", "sil")
    rewritten = (("1990", "nineteen ninety"), ("3", "three"), ("Dr.", "doctor"),
                 ("$5", "five dollars"), ("2.5", "two point five"), ("BBC", "b b c"))


GENERATOR = TextNormalizationEnglish()
