"""Golden cases of siim-covid19-detection: Python split/float tokens, NaN-confidence sorts,
IoU edge cases, ties, unknown labels."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text


def extra_cases(ctx: Context) -> dict[str, bytes]:
    answers = ctx.answers
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    cells = answers["PredictionString"].to_list()
    ids = answers["id"].to_list()
    box_row = next(i for i, v in enumerate(cells) if v.startswith("opacity") and v.count("opacity") >= 2)
    study_row = next(i for i, v in enumerate(ids) if v.endswith("_study"))
    none_row = next((i for i, v in enumerate(cells) if v.startswith("none")), box_row)
    _, _, x0, y0, x1, y1 = cells[box_row].split(" ")[:6]
    fx0, fy0, fx1, fy1 = map(float, (x0, y0, x1, y1))
    half = f"{fx0 + (fx1 - fx0) / 2!r}"
    study_label = cells[study_row].split(" ")[0]

    def one(value: str, at: int = box_row, base: pl.DataFrame = perfect) -> bytes:
        return set_cells(base, "PredictionString", [at], [value])

    rest = " ".join(cells[box_row].split(" ")[6:])
    return {
        "nan_conf_known_class": one(f"opacity nan {x0} {y0} {x1} {y1}"),
        "nan_conf_unknown_class": one(
            f"opacity 0.3 {x0} {y0} {x1} {y1} foo nan 0 0 1 1 opacity 0.9 {x0} {y0} {x1} {y1} "
            f"bar nan 1 1 2 2 opacity 0.6 {x0} {y0} {x1} {y1} opacity 0.95 1 1 2 2"
        ),
        "inf_conf": one(f"opacity inf {x0} {y0} {x1} {y1}"),
        "neg_inf_conf_unknown_class": one(f"foo -inf {x0} {y0} {x1} {y1} {rest}"),
        "token_count_5": one(f"opacity 1 {x0} {y0} {x1}"),
        "token_count_7": one(f"opacity 1 {x0} {y0} {x1} {y1} extra"),
        "bad_float": one(f"opacity 1 {x0} abc {x1} {y1}"),
        "underscore_and_fullwidth_floats": one(f"opacity 1_0 {x0} {y0} {x1} １２３４５ {rest}"),
        "nan_coordinates": one(f"opacity 0.9 nan {y0} {x1} {y1} opacity 0.8 {x0} nan {x1} {y1} {rest}"),
        "inf_coordinates": one(f"opacity 0.9 -inf -inf inf inf {rest}"),
        "whitespace_only_cell": one('" "'),
        "tabs_and_newline_separators": one(f'"opacity\t1\t{x0} {y0}\n{x1} {y1} {rest}"'),
        "case_mismatch_label": one(f"Opacity 1 {x0} {y0} {x1} {y1} {rest}"),
        "unknown_labels_only": one(f"foo 1 {x0} {y0} {x1} {y1}"),
        "half_box_iou_boundary": one(f"opacity 1 {x0} {y0} {half} {y1} {rest}"),
        "duplicate_boxes": one(f"opacity 0.9 {x0} {y0} {x1} {y1} opacity 0.9 {x0} {y0} {x1} {y1} {rest}"),
        "inverted_box": one(f"opacity 0.9 {x1} {y1} {x0} {y0} {rest}"),
        "zero_area_boxes": one(f"opacity 0.9 {x0} {y0} {x0} {y0} opacity 0.8 5 5 5 5 {rest}"),
        "tied_confidences": render(
            text(noisy).with_columns(
                pl.col("PredictionString").str.replace_all(r"(\w+) 0\.\d+ ", "$1 0.5 ")
            )
        ),
        "negative_zero_confidence": one(f"opacity -0 {x0} {y0} {x1} {y1} opacity 0 1 1 2 2 {rest}"),
        "study_many_labels": one(
            "negative 0.2 0 0 1 1 typical 0.2 0 0 1 1 indeterminate 0.7 0 0 1 1 "
            f"atypical 0.1 0 0 1 1 {study_label} 0.2 0 0 1 1",
            at=study_row,
        ),
        "none_with_box": one(f"none 1 {x0} {y0} {x1} {y1}", at=none_row),
        "all_sample_none": render(text(perfect).with_columns(pl.lit("none 1 0 0 1 1").alias("PredictionString"))),
        "numeric_prediction_column": render(
            text(perfect).with_columns(pl.lit("1").alias("PredictionString"))
        ),
        "negative_confidences": render(
            text(noisy).with_columns(
                pl.col("PredictionString").str.replace_all(r"(\w+) 0\.", "$1 -0.")
            )
        ),
    }


SPEC = Spec(24, "PredictionString", "opacity 1 0 0 1", numeric_target=False, extra=extra_cases)
