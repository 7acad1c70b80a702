"""Golden cases of imet-2020-fgvc7: generic traps, the multi-label ones, and its numeric ids."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, set_cells

from golden_cases._multilabel_traps import multilabel_cases
from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    labels = pl.col("attribute_ids")
    return {
        **multilabel_cases(ctx, "attribute_ids", "99999"),
        # One id per row: pandas reads the column as int64 and `.str` fails.
        "one_id_per_row": to_csv_bytes(
            perfect.with_columns(labels.str.split(" ").list.first().cast(pl.Int64))
        ),
        "ids_as_floats": to_csv_bytes(
            perfect.with_columns(labels.str.replace_all(r"(\d+)", "${1}.0"))
        ),
        "leading_zeros": to_csv_bytes(perfect.with_columns(("0" + labels).alias("attribute_ids"))),
        "plus_sign": set_cells(perfect, "attribute_ids", [0], ["+" + perfect["attribute_ids"][0]]),
        "comma_separated_quoted": to_csv_bytes(
            perfect.with_columns(labels.str.replace_all(" ", ", "))
        ),
    }


SPEC = Spec(
    40,
    "attribute_ids",
    "99999",
    numeric_target=False,
    digit_id="12345678901234567890123456789012",
    extra=extra_cases,
)
