"""Traps of the macro-F1 graders that run ``int()`` on every label (herbarium, iwildcam-2019):
what Python's ``int`` accepts and rejects, and the union of true and predicted labels."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, render, set_cells, text

from golden_cases._label_traps import first_row_by_id, int_label_cases
from mlebench_fast.synthetic._csv import to_csv_bytes


def int_f1_cases(ctx: Context, target: str) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    tf = text(perfect)
    first = first_row_by_id(perfect, ctx.id_col)
    later = (first + 5) % perfect.height
    names = {v: f"class_{v}" for v in tf[target].unique().to_list()}
    idx = pl.int_range(pl.len())
    truth = perfect[target]
    top = int(truth.mode().sort()[0])
    only_in_answers = sorted(set(truth.to_list()))
    lowest, highest = only_in_answers[0], only_in_answers[-1]
    other_existing = lowest if truth[later] != lowest else highest

    def cell(value: str, row: int = later) -> bytes:
        return set_cells(perfect, target, [row], [value])

    return {
        **int_label_cases(ctx, target, names),
        # int() truncates floats toward zero: 2.9 -> 2, -0.5 -> 0.
        "non_integral_floats_truncated": render(tf.with_columns(pl.col(target) + ".9")),
        "negative_half": cell("-0.5"),
        "float_above_int64": cell("1e19"),
        "float_far_above_int64": cell("1e300"),
        "float_below_int64": cell("-1e19"),
        "int64_min": cell("-9223372036854775808"),
        "int64_max": cell("9223372036854775807"),
        "float_at_two63": cell("9223372036854775808.0"),
        # Strings: int() strips spaces, reads a sign, "_" between digits, Unicode digits.
        "plus_sign_all": render(tf.with_columns(pl.lit("+") + pl.col(target))),
        "plus_sign_in_text_column": render(
            tf.with_columns(pl.lit("+") + pl.col(target)).with_columns(
                pl.when(idx == first).then(pl.lit("1_2")).otherwise(pl.col(target)).alias(target)
            )
        ),
        "word_then_valid_ints": cell("x"),
        "underscore_digits": cell("1_0"),
        "arabic_digits": cell("\u0661\u0662"),
        "fullwidth_digits": cell("\uff11\uff12"),
        "leading_zeros_in_text_column": render(
            tf.with_columns(pl.col(target).str.zfill(6)).with_columns(
                pl.when(idx == later).then(pl.lit("1_2")).otherwise(pl.col(target)).alias(target)
            )
        ),
        "float_text_in_text_column": render(
            tf.with_columns(
                pl.when(idx == later).then(pl.lit("12.0"))
                .when(idx == first).then(pl.lit("1_2"))
                .otherwise(pl.col(target)).alias(target)
            )
        ),
        "quoted_spaces_in_text_column": render(
            tf.with_columns(
                pl.when(idx == later).then(pl.lit('" 7 "'))
                .when(idx == first).then(pl.lit("1_2"))
                .otherwise(pl.col(target)).alias(target)
            )
        ),
        "long_int_in_text_column": render(
            tf.with_columns(
                pl.when(idx == later).then(pl.lit("123456789012345678"))
                .when(idx == first).then(pl.lit("1_2"))
                .otherwise(pl.col(target)).alias(target)
            )
        ),
        "unit_separator_around_int": cell('"\x1f7\x1f"'),
        "nbsp_around_int": cell("\u00a07\u00a0"),
        "huge_int_text": cell("1_000000000000000000000"),
        "empty_string_quoted": cell('""'),
        # The label set is the union: spurious predictions add F1-0 classes.
        "perfect_plus_one_spurious": cell(str(max(only_in_answers) + 1)),
        "perfect_plus_negative_spurious": cell("-1"),
        "perfect_one_wrong_existing": cell(str(other_existing)),
        "all_spurious": render(
            tf.with_columns((pl.col(target).cast(pl.Int64) + 10**6).cast(pl.String))
        ),
        "all_one_class": to_csv_bytes(
            perfect.with_columns(pl.lit(top, dtype=pl.Int64).alias(target))
        ),
        "spurious_far_apart": render(
            tf.with_columns(
                pl.when(idx == later).then(pl.lit("4000000000000000000"))
                .when(idx == first).then(pl.lit("-4000000000000000000"))
                .otherwise(pl.col(target)).alias(target)
            )
        ),
        "noisy_as_float": render(text(noisy).with_columns(pl.col(target) + ".0")),
        "noisy_bools": to_csv_bytes(noisy.with_columns((pl.col(target) % 2 == 1).alias(target))),
        "ids_as_float": render(tf.with_columns(pl.col(ctx.id_col) + ".0")),
    }
