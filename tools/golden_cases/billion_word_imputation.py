"""Golden cases of billion-word-imputation: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    n = perfect.height
    hand_written = b'"id","sentence"\n' + b"".join(
        f'{i},"{s}"\n'.encode() for i, s in zip(noisy["id"], noisy["sentence"].str.replace_all('"', '""'))
    )
    return {
        "hand_written_quoting": hand_written,
        "all_numeric_sentences": render(
            text(noisy).with_columns(pl.Series("sentence", [str(i) for i in range(n)]))
        ),
        "all_bool_sentences": render(
            text(noisy).with_columns(pl.Series("sentence", ["True"] * n))
        ),
        "one_numeric_sentence": set_cells(noisy, "sentence", [0], ["12345"]),
        "nan_string_sentence": set_cells(noisy, "sentence", [0], ["nan"]),
        "empty_quoted_sentence": set_cells(noisy, "sentence", [0], ['""']),
        "unicode_sentence": set_cells(noisy, "sentence", [0, 1], ["naïve café — ok", "日本語 の 文"]),
        "astral_sentence": set_cells(noisy, "sentence", [0], ["emoji 😀 here 𝔘"]),
        "combining_marks": set_cells(noisy, "sentence", [0], ["cafe\u0301 re\u0301sume\u0301"]),
        "sample_submission_words": to_csv_bytes(ctx.gen.sample_submission(ctx.answers)),
        "ids_as_float": render(text(noisy).with_columns((pl.col("id") + ".0").alias("id"))),
        "ids_shifted_by_one": to_csv_bytes(noisy.with_columns(pl.col("id") + 1)),
        "long_sentence": set_cells(noisy, "sentence", [0], ["word " * 400]),
        "crlf_in_quotes": set_cells(noisy, "sentence", [0], ['"two\r\nlines"']),
    }


SPEC = Spec(40, "sentence", "", numeric_target=False, extra=extra_cases)
