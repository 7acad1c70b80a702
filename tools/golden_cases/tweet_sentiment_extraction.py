"""Golden cases of tweet-sentiment-extraction: generic traps and Python text semantics."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, set_cells
from golden_cases._word_jaccard import UNICODE_TEXTS, word_jaccard_cases

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    cases = word_jaccard_cases(ctx, "selected_text")
    perfect = ctx.sub("perfect")
    cases["unicode_perfect"] = set_cells(perfect, "selected_text", list(range(len(UNICODE_TEXTS))), UNICODE_TEXTS)
    cases["whole_text"] = to_csv_bytes(
        ctx.answers.select("textID", pl.col("text").alias("selected_text"))
    )
    return cases


SPEC = Spec(40, "selected_text", "", numeric_target=False, extra=extra_cases)
