"""Golden traps of the word-set Jaccard competitions: Python's lower() and split() semantics."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, render, set_cells, text

from mlebench_fast.synthetic._csv import to_csv_bytes

UNICODE_TEXTS = [
    '"İstanbul ISTANBUL"', '"STRASSE straße"', '"ΟΔΟΣ οδος ΣΑΣ"', '"नमस्ते दुनिया"', '"வணக்கம் உலகம்"',
    '"Привет МИР"', '"cafe\u0301 CAFE\u0301"', '"a\u00a0b"', '"x\u2003y\u3000z"', '"p\x1fq"',
    '"zero\u200bwidth"', '"ǅemal"', '"\U00010d50 new"', '"ﬃ"',
]


def word_jaccard_cases(ctx: Context, target: str) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    n = perfect.height
    rows = list(range(len(UNICODE_TEXTS)))
    answers_rows = ctx.answers.head(len(UNICODE_TEXTS))
    return {
        "unicode_texts": set_cells(noisy, target, rows, UNICODE_TEXTS),
        "uppercased": to_csv_bytes(perfect.with_columns(pl.col(target).str.to_uppercase())),
        "extra_whitespace": to_csv_bytes(
            perfect.with_columns(("  " + pl.col(target).str.replace_all(" ", "\t  ") + " ").alias(target))
        ),
        "nbsp_separated": to_csv_bytes(
            perfect.with_columns(pl.col(target).str.replace_all(" ", "\u00a0"))
        ),
        "one_empty_prediction": set_cells(noisy, target, [0], [""]),
        "one_whitespace_prediction": set_cells(noisy, target, [0], ['"   "']),
        "all_numeric": render(text(noisy).with_columns(pl.Series(target, [str(i) for i in range(n)]))),
        "all_float": render(text(noisy).with_columns(pl.Series(target, [f"{i}.5" for i in range(n)]))),
        "all_bool": render(text(noisy).with_columns(pl.Series(target, ["True", "False"] * (n // 2) + ["True"] * (n % 2)))),
        "numeric_with_nan": set_cells(
            noisy.with_columns(pl.Series(target, [str(i) for i in range(n)])), target, [0], [""]
        ),
        "all_nan": set_cells(noisy, target, list(range(n)), [""] * n),
        "same_word_everywhere": to_csv_bytes(perfect.with_columns(pl.lit("x").alias(target))),
        "repeated_words": to_csv_bytes(
            perfect.with_columns((pl.col(target) + " " + pl.col(target)).alias(target))
        ),
        "nan_string": set_cells(noisy, target, [0, 1], ["nan", "None"]),
        "answers_unicode_rows": to_csv_bytes(answers_rows.select(ctx.id_col, target)),
    }
