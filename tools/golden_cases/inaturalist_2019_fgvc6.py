"""Golden cases of inaturalist-2019-fgvc6: its predictions go through
``int(y) if isinstance(y, int) else int(y.split()[0])``."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")  # top-5 strings
    perfect = ctx.sub("perfect")  # ints
    later = 5
    p = text(perfect)
    top5 = render(p.with_columns(pl.col("predicted") + " 1 2 3 4"))
    idx = pl.int_range(pl.len())

    def cell(value: str, base: pl.DataFrame = p) -> bytes:
        return render(
            base.with_columns(
                pl.when(idx == later)
                .then(pl.lit(value))
                .otherwise(pl.col("predicted"))
                .alias("predicted")
            )
        )

    def top5_cell(value: str) -> bytes:
        return cell(value, p.with_columns(pl.col("predicted") + " 1 2 3 4"))

    return {
        "perfect_top5": top5,
        "perfect_as_float": render(p.with_columns(pl.col("predicted") + ".0")),
        "top5_first_token_float": top5_cell("12.0 1 2"),
        "top5_underscore_digits": top5_cell("1_2 3 4"),
        "top5_plus_sign": top5_cell("+12 3"),
        "top5_negative": top5_cell("-12 3"),
        "top5_leading_zeros": top5_cell("0012 3"),
        "top5_tab_separated": top5_cell('"12\t3"'),
        "top5_leading_space": top5_cell('" 12 3"'),
        "top5_unit_separator": top5_cell("12\x1f3"),
        "top5_nbsp": top5_cell("12\u00a03"),
        "top5_arabic_digits": top5_cell("\u0661\u0662 3"),
        "top5_blank_cell": top5_cell('"   "'),
        "top5_comma_separated": top5_cell('"12,3"'),
        "top5_nan_cell": top5_cell(""),
        "top5_huge_token": top5_cell("123456789012345678901234567890 1"),
        "top5_int64_overflow": top5_cell("9223372036854775808 1"),
        "top5_int64_overflow_with_negative": render(
            p.with_columns(pl.col("predicted") + " 1 2 3 4").with_columns(
                pl.when(idx == later)
                .then(pl.lit("9223372036854775808 1"))
                .when(idx == 0)
                .then(pl.lit("-1 2"))
                .otherwise(pl.col("predicted"))
                .alias("predicted")
            )
        ),
        "int_uint64": cell("18446744073709551615"),
        "int_huge": cell("123456789012345678901234567890"),
        "int_column_with_nan": cell(""),
        "bools": to_csv_bytes(
            perfect.with_columns((pl.col("predicted") % 2 == 0).alias("predicted"))
        ),
        "bools_with_nan": render(
            p.with_columns(
                pl.when(idx == later)
                .then(pl.lit(""))
                .when(idx % 2 == 0)
                .then(pl.lit("True"))
                .otherwise(pl.lit("False"))
                .alias("predicted")
            )
        ),
        "word_prediction": top5_cell("frog 1 2"),
        "noisy_top5_lengths_differ": set_cells(noisy, "predicted", [1, 2], ["7", "8 9"]),
    }


SPEC = Spec(40, "predicted", "2000", int_target=True, extra=extra_cases)
