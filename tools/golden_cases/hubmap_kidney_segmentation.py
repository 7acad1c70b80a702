"""Golden cases of hubmap-kidney-segmentation: per-image sizes, RLE decoder quirks, id sets."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, set_cells
from golden_cases._rle_traps import rle_traps

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    answers = ctx.answers
    # Row 0 has glomeruli; its traps are decoded with its own height and width.
    n = int(answers["height_pixels"][0] * answers["width_pixels"][0])
    out = {name: set_cells(perfect, "predicted", [0], [v]) for name, v in rle_traps(n).items()}
    # A run sized for the largest image but put on the smallest: cut at the smaller image's end.
    sizes = (answers["height_pixels"] * answers["width_pixels"]).to_list()
    small = min(range(len(sizes)), key=sizes.__getitem__)
    out["rle_sized_for_another_image"] = set_cells(
        perfect, "predicted", [small], [f"1 {max(sizes)}"]
    )
    out["all_empty_masks"] = to_csv_bytes(
        perfect.with_columns(pl.lit(None, dtype=pl.String).alias("predicted"))
    )
    out["all_full_masks"] = to_csv_bytes(
        perfect.with_columns(pl.Series("predicted", [f"1 {s}" for s in sizes]))
    )
    def constant(value: object) -> bytes:
        return to_csv_bytes(perfect.with_columns(pl.lit(value).alias("predicted")))

    out["numeric_predicted_column"] = constant("12")
    out["predicted_bool_column"] = constant(True)
    out["one_prediction_empty"] = set_cells(perfect, "predicted", [1], [""])
    out["one_prediction_one_pixel"] = set_cells(perfect, "predicted", [1], ["1 1"])
    out["columns_reordered"] = to_csv_bytes(noisy.select("predicted", "id"))
    out["column_renamed_encoding"] = to_csv_bytes(noisy.rename({"predicted": "encoding"}))
    out["extra_size_columns"] = to_csv_bytes(
        noisy.join(answers.select("id", "width_pixels", "height_pixels"), on="id")
    )
    ids = perfect["id"].to_list()
    out["id_uppercase"] = set_cells(perfect, "id", [0], [ids[0].upper()])
    out["id_with_space"] = set_cells(perfect, "id", [0], [f'" {ids[0]}"'])
    return out


SPEC = Spec(6, "predicted", "99999 5", numeric_target=False, digit_id="012345678", extra=extra_cases)
