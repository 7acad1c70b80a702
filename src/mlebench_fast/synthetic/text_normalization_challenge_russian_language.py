"""text-normalization-challenge-russian-language: accuracy of ``after`` (Cyrillic, ``_trans`` forms)."""

from __future__ import annotations

from mlebench_fast.synthetic._text_normalization import TextNormalization


class TextNormalizationRussian(TextNormalization):
    competition_id = "text-normalization-challenge-russian-language"
    default_rows = 1059191
    leaderboard_teams = 160
    leaderboard_best = 0.9925
    words = ("и", "в", "не", "на", ".", ",", "что", "Москва", "года", "ёлка", "—", "«", "»",
             "sil", "Ёж")
    rewritten = (("1990", "тысяча девятьсот девяностого"), ("3", "три"),
                 ("BBC", "б_trans б_trans c_trans"), ("км", "километров"),
                 ("2.5", "две целых и пять десятых"))


GENERATOR = TextNormalizationRussian()
