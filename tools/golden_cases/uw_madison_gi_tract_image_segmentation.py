"""Golden cases of uw-madison-gi-tract-image-segmentation: positional pairing, id grouping into
case-day volumes, the Hausdorff shortcuts, RLE decoder quirks."""

from __future__ import annotations

import numpy as np
import polars as pl
from _golden_cases import Context, Spec, set_cells

from golden_cases._rle_traps import rle_traps
from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    answers = ctx.answers
    filled = np.flatnonzero(answers["predicted"].is_not_null().to_numpy())
    empty = np.flatnonzero(answers["predicted"].is_null().to_numpy())
    row = int(filled[0])
    n = int(answers["image_height"][row] * answers["image_width"][row])
    out = {name: set_cells(noisy, "predicted", [row], [v]) for name, v in rle_traps(n).items()}
    out["rle_on_empty_truth_row"] = set_cells(perfect, "predicted", [int(empty[0])], ["1 3"])
    out["all_empty_masks"] = to_csv_bytes(
        perfect.with_columns(pl.lit(None, dtype=pl.String).alias("predicted"))
    )
    sizes = (answers["image_height"] * answers["image_width"]).cast(pl.Int64).to_list()
    out["all_full_masks"] = to_csv_bytes(
        perfect.with_columns(pl.Series("predicted", [f"1 {s}" for s in sizes]))
    )
    def constant(value: object) -> bytes:
        return to_csv_bytes(perfect.with_columns(pl.lit(value).alias("predicted")))

    out["numeric_predicted_column"] = constant("12")
    out["missing_class_column"] = to_csv_bytes(noisy.drop("class"))
    out["class_column_garbage"] = to_csv_bytes(noisy.with_columns(pl.lit("x").alias("class")))
    out["columns_reordered"] = to_csv_bytes(noisy.select("predicted", "id", "class"))
    tail = noisy.head(2).with_columns(pl.lit(None, dtype=pl.String).alias("id"))
    out["extra_rows_nan_id_never_read"] = to_csv_bytes(pl.concat([noisy, tail]))
    tail = noisy.head(2).with_columns(pl.lit("9 2 1 2").alias("predicted"))
    out["extra_rows_bad_rle_never_read"] = to_csv_bytes(pl.concat([noisy, tail]))
    out["rows_reversed"] = to_csv_bytes(noisy.reverse())
    ids = perfect["id"].to_list()
    days = [i.split("_slice_")[0] for i in ids]
    first_day, last_day = days[0], days[-1]
    # Renaming a case-day changes the id order, so case-days pair up differently.
    out["case_day_renamed_to_sort_last"] = to_csv_bytes(
        perfect.with_columns(pl.col("id").str.replace(f"^{first_day}_", "zzz_"))
    )
    out["case_day_renamed_to_sort_first"] = to_csv_bytes(
        perfect.with_columns(pl.col("id").str.replace(f"^{last_day}_", "a_"))
    )
    out["ids_without_slice_marker"] = to_csv_bytes(
        perfect.with_columns(pl.col("id").str.replace("_slice_", "_s_"))
    )
    other = next(i for i, d in enumerate(days) if d != first_day)
    # A slice's class row moved to another case-day with another image size: shapes differ.
    out["row_id_from_other_case_day"] = set_cells(perfect, "id", [0], [ids[other]])
    out["numeric_id"] = set_cells(perfect, "id", [0], ["12"])
    out["all_numeric_ids"] = to_csv_bytes(
        perfect.with_columns(pl.Series("id", range(perfect.height)))
    )
    # One case-day predicted 11x too large, one left empty, one exactly right.
    big = [f"1 {s}" if d == first_day else p
           for s, d, p in zip(sizes, days, perfect["predicted"].to_list(), strict=True)]
    out["case_day_overpredicted"] = to_csv_bytes(perfect.with_columns(pl.Series("predicted", big)))
    blank = [None if d == last_day else p for d, p in zip(days, noisy["predicted"].to_list(),
                                                          strict=True)]
    out["case_day_left_empty"] = to_csv_bytes(noisy.with_columns(pl.Series("predicted", blank)))
    one = [p if d == last_day else None for d, p in zip(days, perfect["predicted"].to_list(),
                                                        strict=True)]
    out["only_one_case_day"] = to_csv_bytes(perfect.with_columns(pl.Series("predicted", one)))
    out["one_pixel_everywhere"] = constant("1 1")
    return out


SPEC = Spec(36, "predicted", "99999 5", numeric_target=False, extra=extra_cases)
