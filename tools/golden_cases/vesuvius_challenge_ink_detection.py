"""Golden cases of vesuvius-challenge-ink-detection: rows paired by position, RLE quirks."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, set_cells

from golden_cases._rle_traps import rle_traps
from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    answers = ctx.answers
    n = int(answers["height"][0] * answers["width"][0])
    out = {name: set_cells(noisy, "Predicted", [0], [v]) for name, v in rle_traps(n).items()}
    sizes = (answers["height"] * answers["width"]).to_list()
    out["all_empty_masks"] = to_csv_bytes(
        perfect.with_columns(pl.lit(None, dtype=pl.String).alias("Predicted"))
    )
    out["one_empty_mask"] = set_cells(perfect, "Predicted", [1], [""])
    out["all_full_masks"] = to_csv_bytes(
        perfect.with_columns(pl.Series("Predicted", [f"1 {s}" for s in sizes]))
    )
    out["one_pixel_each"] = to_csv_bytes(perfect.with_columns(pl.lit("1 1").alias("Predicted")))
    out["numeric_predicted_column"] = to_csv_bytes(
        perfect.with_columns(pl.lit("12").alias("Predicted"))
    )
    out["columns_reordered"] = to_csv_bytes(noisy.select("Predicted", "Id"))
    out["rows_reversed"] = to_csv_bytes(noisy.reverse())
    out["id_uppercase"] = set_cells(noisy, "Id", [0], ["A"])
    out["id_numeric"] = to_csv_bytes(noisy.with_columns(pl.Series("Id", list(range(noisy.height)))))
    out["id_with_space"] = set_cells(noisy, "Id", [0], ['" a"'])
    out["lowercase_columns"] = to_csv_bytes(noisy.rename({"Id": "id", "Predicted": "predicted"}))
    out["width_height_columns_added"] = to_csv_bytes(
        noisy.with_columns(answers["width"], answers["height"])
    )
    # Column-major runs of the same mask score differently: the metric reads rows.
    return out


SPEC = Spec(6, "Predicted", "99999 5", numeric_target=False, extra=extra_cases)
