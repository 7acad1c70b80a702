"""Golden cases of facebook-recruiting-iii-keyword-extraction: generic traps, the multi-label
ones, and its own: answers whose Tags pandas reads as NaN (the lone tag ``null``: skipped for the
classes, an empty true set), tags with punctuation, int ids written as floats, the text columns
of the sample submission."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from golden_cases._multilabel_traps import multilabel_cases
from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    tags = pl.col("Tags")
    null_rows = perfect["Tags"].is_null().arg_true().to_list()
    return {
        **multilabel_cases(ctx, "Tags", "no-such-tag"),
        "null_tag_where_answers_are_nan": set_cells(perfect, "Tags", null_rows, ["null"] * len(null_rows)),
        "nan_text_where_answers_are_nan": set_cells(perfect, "Tags", null_rows, ['"nan"'] * len(null_rows)),
        "tag_where_answers_are_nan": set_cells(perfect, "Tags", null_rows, ["c#"] * len(null_rows)),
        "null_tag_appended": to_csv_bytes(perfect.with_columns((tags.fill_null("") + " null").alias("Tags"))),
        "ids_as_floats": render(text(perfect).with_columns((pl.col("Id") + ".0").alias("Id"))),
        "ids_as_strings_with_prefix": render(text(perfect).with_columns(("q" + pl.col("Id")).alias("Id"))),
        "with_title_and_body": to_csv_bytes(
            ctx.answers.select("Id", "Title", "Body").join(perfect, on="Id", how="left")
        ),
        "csharp_variants": to_csv_bytes(
            perfect.with_columns(tags.str.replace_all("c#", "C#", literal=True))
        ),
    }


SPEC = Spec(40, "Tags", "no-such-tag", numeric_target=False, extra=extra_cases)
