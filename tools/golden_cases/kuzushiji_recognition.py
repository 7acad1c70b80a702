"""Golden cases of kuzushiji-recognition: strict point-in-box, Python float() tokens, token counts."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text


def extra_cases(ctx: Context) -> dict[str, bytes]:
    answers = ctx.answers
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    n = perfect.height
    # First page with a box, and its first box's fields.
    row = next(i for i, v in enumerate(answers["labels"].to_list()) if v is not None)
    empty_row = next(i for i, v in enumerate(answers["labels"].to_list()) if v is None)
    label, x, y, w, h = answers["labels"][row].split(" ")[:5]
    x, y, w, h = int(x), int(y), int(w), int(h)
    cx, cy = x + w // 2, y + h // 2

    def one(value: str, at: int = row, base: pl.DataFrame = perfect) -> bytes:
        return set_cells(base, "labels", [at], [value])

    return {
        "point_on_left_edge": one(f"{label} {x} {cy}"),
        "point_on_bottom_edge": one(f"{label} {cx} {y + h}"),
        "point_just_inside": one(f"{label} {x}.000001 {cy}"),
        "two_points_one_box": one(f"{label} {cx} {cy} {label} {cx} {cy}"),
        "wrong_label": one(f"U+0000 {cx} {cy}"),
        "nan_inf_tokens": one(f"{label} nan {cy} {label} inf -inf"),
        "underscore_and_fullwidth": one(f"{label} {cx}_0 {cy} {label} １２ ٣"),
        "empty_token_double_space": one(f"{label}  {cx} {cy}"),
        "trailing_space": one(f"{label} {cx} {cy} "),
        "wrong_token_count": one(f"{label} {cx} {cy} 5"),
        "label_only": one(label),
        "non_numeric_x": one(f"{label} abc {cy}"),
        "hex_x": one(f"{label} 0x10 {cy}"),
        "negative_and_huge": one(f"{label} -5 -5 {label} 1e308 1e308"),
        "tab_in_token": one(f'"{label}\t{cx} {cy} {label} {cx} {cy}"'),
        "points_on_empty_page": one(f"{label} {cx} {cy} junk_label 1 2", at=empty_row),
        "bad_floats_on_empty_page": one(f"{label} abc def", at=empty_row),
        "all_empty": render(text(perfect).with_columns(pl.lit("").alias("labels"))),
        "numeric_labels_column": render(
            text(perfect).with_columns(pl.Series("labels", [str(i) for i in range(n)]))
        ),
        "numeric_cell_among_strings": one("12345", base=noisy),
    }


SPEC = Spec(20, "labels", "U+3042 1 2 3", numeric_target=False, extra=extra_cases)
