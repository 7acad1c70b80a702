"""Golden cases of vinbigdata-chest-xray-abnormalities-detection: COCOeval's id-0 matches, corner
boxes read as x/y/w/h, area range, maxDets, score ties and NaN, int() of the class, split(" ")."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    cells = perfect["PredictionString"].to_list()
    # The first image (it holds ground truth id 0) and one "No finding" image.
    first = 0
    none_row = next(i for i, v in enumerate(cells) if v == "14 1 0 0 1 1")
    c0, _, x0, y0, x1, y1 = cells[first].split(" ")[:6]
    rest = " ".join(cells[first].split(" ")[6:])
    many = " ".join(f"{c0} {0.001 * (i % 7)} {x0} {y0} {x1} {y1}" for i in range(130))

    def one(value: str, at: int = first, base: pl.DataFrame = perfect, keep_space: bool = False) -> bytes:
        # Cases that append the row's remaining objects must not leave an empty last token.
        return set_cells(base, "PredictionString", [at], [value if keep_space else value.strip()])

    n = perfect.height
    # A later image with a finding: its category's precision is not decided by the id-0 quirk.
    second = next(i for i, v in enumerate(cells) if i > first and not v.startswith("14 "))
    s0, _, sx0, sy0, sx1, sy1 = cells[second].split(" ")[:6]
    srest = " ".join(cells[second].split(" ")[6:])
    smany = " ".join(f"{s0} {0.001 * (i % 7)} 0 0 5 5" for i in range(120))

    def two(value: str) -> bytes:
        return one(value, at=second)

    later = {
        "later_duplicate_box": two(f"{s0} 2 {sx0} {sy0} {sx1} {sy1} {s0} 2 {sx0} {sy0} {sx1} {sy1} {srest}"),
        "later_class_truncated": two(f"{s0}.7 2 {sx0} {sy0} {sx1} {sy1} {srest}"),
        "later_nan_score": two(f"{s0} nan {sx0} {sy0} {sx1} {sy1} {s0} nan 0 0 9 9 {s0} 1 0 0 9 9 {srest}"),
        "later_nan_coordinates": two(f"{s0} 2 nan {sy0} {sx1} {sy1} {s0} 1 {sx0} nan nan {sy1} {srest}"),
        "later_xywh_box": two(f"{s0} 2 {sx0} {sy0} {float(sx1) - float(sx0)} {float(sy1) - float(sy0)} {srest}"),
        "later_inverted_box": two(f"{s0} 2 {sx1} {sy1} {sx0} {sy0} {srest}"),
        "later_over_100_low_boxes": two(f"{smany} {s0} 0.0005 {sx0} {sy0} {sx1} {sy1} {srest}"),
        "later_half_overlap": two(f"{s0} 2 {sx0} {sy0} {(float(sx0) + float(sx1)) / 2} {sy1} {srest}"),
    }
    return later | {
        "first_row_last": render(text(perfect[list(range(1, n)) + [0]])),
        "duplicate_first_box": one(f"{c0} 1 {x0} {y0} {x1} {y1} {c0} 1 {x0} {y0} {x1} {y1} {rest}"),
        "duplicate_first_box_0_9": one(f"{c0} 0.9 {x0} {y0} {x1} {y1} {cells[first]}"),
        "class_truncated": one(f"{c0}.9 1 {x0} {y0} {x1} {y1} {rest}"),
        "class_negative_half": one("-0.5 1 0 0 1 1", at=none_row),
        "class_huge": one(f"1e30 1 {x0} {y0} {x1} {y1} {rest}"),
        "class_nan": one(f"nan 1 {x0} {y0} {x1} {y1}"),
        "class_inf": one(f"inf 1 {x0} {y0} {x1} {y1}"),
        "unknown_class_only": one("99 1 0 0 1 1", at=none_row),
        "nan_score": one(f"{c0} nan {x0} {y0} {x1} {y1} {c0} 0.5 {x0} {y0} {x1} {y1} {rest}"),
        "nan_coordinates": one(f"{c0} 1 nan {y0} {x1} {y1} {rest}"),
        "inf_coordinates": one(f"{c0} 1 -inf -inf inf inf {rest}"),
        "inverted_box_negative_area": one(f"{c0} 1 {x1} {y1} {x0} {y0} {rest}"),
        "inverted_low_score_fp": one(f"{cells[first]} {c0} 0.1 {x1} {y1} {x0} {y0}"),
        "xywh_style_box": one(f"{c0} 1 {x0} {y0} {float(x1) - float(x0)} {float(y1) - float(y0)} {rest}"),
        "over_100_detections": one(f"{many} {rest}"),
        "tied_scores": render(
            text(noisy).with_columns(
                pl.col("PredictionString").str.replace_all(r"(^| )(\d+) 0\.\d+ ", "$1$2 0.5 ")
            )
        ),
        "double_space": one(f"{c0} 1  {x0} {y0} {x1} {y1}"),
        "trailing_space": one(f"{cells[first]} ", keep_space=True),
        "trailing_tab": one(f'"{cells[first]}\t"'),
        "token_count_5": one("14 1 0 0 1", at=none_row),
        "token_count_7": one("14 1 0 0 1 1 1", at=none_row),
        "underscore_float": one("1_4 1 0 0 1 1", at=none_row),
        "duplicated_image_row": render(text(pl.concat([perfect, perfect.head(1)]))),
        "no_finding_everywhere": render(
            text(perfect).with_columns(pl.lit("14 1 0 0 1 1").alias("PredictionString"))
        ),
        "zero_scores": render(
            text(noisy).with_columns(
                pl.col("PredictionString").str.replace_all(r"(^| )(\d+) [0-9.]+ ", "$1$2 0 ")
            )
        ),
        "numeric_prediction_column": render(
            text(perfect).with_columns(pl.lit("14").alias("PredictionString"))
        ),
    }


SPEC = Spec(36, "PredictionString", "14 1 0 0 1", numeric_target=False, extra=extra_cases)
