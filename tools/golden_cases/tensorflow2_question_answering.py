"""Golden cases of tensorflow2-question-answering (answers as JSON lines; 30 examples, 60 rows):
the generic traps on PredictionString, and its own: what ``strip()``, the one-colon rule and
Python's ``int`` accept, YES/NO answers, empty predictions (true negatives count), and ids."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from mlebench_fast.synthetic._csv import to_csv_bytes

TARGET = "PredictionString"


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    preds = perfect[TARGET].to_list()
    span_rows = [i for i, p in enumerate(preds) if ":" in p]
    multi_digit = next(i for i in span_rows if len(preds[i].split(":")[0]) >= 2)
    a, b = preds[multi_digit].split(":")
    row = span_rows[0]
    idx = pl.int_range(pl.len())
    ids = pl.col("example_id")
    is_long = ids.str.ends_with("_long")
    arabic = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

    def cell(value: str, at: int = row, base: pl.DataFrame = perfect) -> bytes:
        return set_cells(base, TARGET, [at], [value])

    def every(expr: pl.Expr, base: pl.DataFrame = perfect) -> bytes:
        return to_csv_bytes(base.with_columns(expr.alias(TARGET)))

    return {
        "spaces_inside_span": cell(preds[row].replace(":", " : ")),
        "tab_and_nbsp_around": cell(f'"\t\u00a0{preds[row]}\u3000"'),
        "zero_width_space": cell(preds[row] + "\u200b"),
        "info_separator_around": cell("\x1c" + preds[row] + "\x1f"),
        "info_separator_inside": cell(preds[row].replace(":", "\x1c:")),
        "nbsp_inside": cell(preds[row].replace(":", "\u00a0:")),
        "two_colons": cell(preds[row] + ":1"),
        "missing_start": cell(":" + preds[row].split(":")[1]),
        "signed_and_zero_padded": cell("+0" + preds[row].split(":")[0] + ":0" + preds[row].split(":")[1]),
        "underscore_digits": cell(f"{a[0]}_{a[1:]}:{b}", multi_digit),
        "arabic_indic_digits": cell(preds[multi_digit].translate(arabic), multi_digit),
        "huge_ints": cell("99999999999999999999999:1"),
        "float_tokens": cell(preds[row].replace(":", ".0:") + ".0"),
        "negative_tokens": cell("-1:-1"),
        "lowercase_yes": cell("yes"),
        "yes_with_space": cell(" YES "),
        "all_yes": every(pl.lit("YES")),
        "no_on_short_rows": every(pl.when(is_long).then(pl.col(TARGET)).otherwise(pl.lit("NO"))),
        "all_long_spans_empty": every(pl.when(is_long).then(pl.lit("")).otherwise(pl.col(TARGET))),
        "long_and_short_swapped": to_csv_bytes(
            perfect.with_columns(
                pl.when(is_long).then(ids.str.replace("_long$", "_short"))
                .otherwise(ids.str.replace("_short$", "_long")).alias("example_id")
            )
        ),
        "ids_without_suffix": to_csv_bytes(
            perfect.with_columns(ids.str.replace("_(long|short)$", ""))
        ),
        "numbers_only": every(idx.cast(pl.String)),
        "one_number_among_spans": cell("5"),
        "all_none_text": every(pl.lit("None")),
        "comma_in_prediction": cell(f'"{preds[row].replace(":", ",")}"'),
        "columns_swapped_order": to_csv_bytes(noisy.select(TARGET, "example_id")),
        "shuffled_noisy": to_csv_bytes(noisy.sample(fraction=1.0, shuffle=True, seed=3)),
        "span_of_other_example": every(pl.col(TARGET).shift(2).fill_null("")),
        "bools_everywhere": render(
            text(perfect).with_columns(
                pl.when(idx % 2 == 0).then(pl.lit("True")).otherwise(pl.lit("False")).alias(TARGET)
            )
        ),
    }


SPEC = Spec(30, TARGET, "1:2:3", numeric_target=False, extra=extra_cases)
