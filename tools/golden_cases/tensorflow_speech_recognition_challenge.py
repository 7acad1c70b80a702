"""Golden cases of tensorflow-speech-recognition-challenge: string labels by ``fname``."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from golden_cases._label_traps import first_row_by_id
from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    tf = text(perfect)
    first = first_row_by_id(noisy, "fname")
    later = (first + 5) % noisy.height
    codes = {w: str(i) for i, w in enumerate(sorted(set(perfect["label"].to_list())))}
    return {
        "nan_in_first_sorted_row": set_cells(noisy, "label", [first], [""]),
        "nan_in_later_row": set_cells(noisy, "label", [later], [""]),
        "labels_as_ints": render(tf.with_columns(pl.col("label").replace(codes))),
        "labels_as_floats": render(tf.with_columns(pl.col("label").replace(codes) + ".5")),
        "one_int_among_words": set_cells(perfect, "label", [later], ["7"]),
        "labels_uppercase": render(tf.with_columns(pl.col("label").str.to_uppercase())),
        "labels_with_inner_spaces": render(tf.with_columns(pl.col("label") + " x")),
        "all_bools": to_csv_bytes(perfect.with_columns(pl.lit(True).alias("label"))),
        "kaggle_label_set": to_csv_bytes(
            perfect.with_columns(
                pl.when(
                    pl.col("label").is_in(
                        ["yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go"]
                    )
                )
                .then(pl.col("label"))
                .otherwise(pl.lit("unknown"))
                .alias("label")
            )
        ),
        "fname_without_extension": render(
            tf.with_columns(pl.col("fname").str.replace(r"\.wav$", ""))
        ),
        "fname_as_number": render(
            tf.with_columns(pl.col("fname").str.replace(r"^clip_", "").str.replace(r"\.wav$", ""))
        ),
    }


SPEC = Spec(40, "label", "silence", numeric_target=False, extra=extra_cases)
