"""Golden cases of detecting-insults-in-social-commentary: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec
from golden_cases._auroc import binary_auroc_cases

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    cases = binary_auroc_cases(ctx, "Insult")
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    comment = pl.col("Comment")
    cases["comments_unquoted"] = to_csv_bytes(noisy.with_columns(comment.str.strip_chars('"')))
    cases["comment_trailing_space"] = to_csv_bytes(
        noisy.with_columns(
            pl.when(pl.int_range(pl.len()) == 0).then(comment + " ").otherwise(comment)
        )
    )
    # Repeated comments: which of their labels meets which score follows the row order.
    cases["perfect_reversed"] = to_csv_bytes(perfect.reverse())
    cases["no_date_column"] = to_csv_bytes(noisy.drop("Date"))
    cases["answers_columns"] = to_csv_bytes(
        ctx.answers.with_columns(pl.Series("Insult", noisy.sort("Comment")["Insult"]).alias("Insult"))
    )
    return cases


SPEC = Spec(40, "Insult", "1.5", extra=extra_cases)
