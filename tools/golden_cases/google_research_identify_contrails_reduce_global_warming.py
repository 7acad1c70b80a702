"""Golden cases of google-research-identify-contrails-reduce-global-warming: its own traps."""

from __future__ import annotations

import numpy as np
import polars as pl
from _golden_cases import Context, Spec, set_cells

from mlebench_fast.synthetic._csv import to_csv_bytes
from mlebench_fast.synthetic.google_research_identify_contrails_reduce_global_warming import (
    random_masks,
    rle_encode,
)


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    row = int(np.flatnonzero((perfect["encoded_pixels"] != "-").to_numpy())[0])
    traps = {
        "rle_unsorted_pairs": "500 10 100 10",
        "rle_overlapping": "100 20 110 5",
        "rle_odd_token_count": "100 20 300",
        "rle_zero_start": "0 10",
        "rle_negative_length": "100 -5",
        "rle_float_tokens": "100.0 20",
        "rle_past_image_end": "65500 100",
        "rle_start_beyond_image": "70000 3",
        "rle_full_image": "1 65536",
        "rle_whitespace_only": "   ",
        "rle_adjacent_runs": "100 10 110 10",
        "rle_dash_with_space": '" -"',
        "rle_empty_cell_is_nan": "",
        "rle_na_string": "NA",
    }
    out = {name: set_cells(perfect, "encoded_pixels", [row], [v]) for name, v in traps.items()}
    out["all_dash"] = to_csv_bytes(perfect.with_columns(pl.lit("-").alias("encoded_pixels")))
    out["all_full_masks"] = to_csv_bytes(perfect.with_columns(pl.lit("1 65536").alias("encoded_pixels")))
    out["numeric_rle_column"] = to_csv_bytes(perfect.with_columns(pl.lit("12").alias("encoded_pixels")))
    # The sample submission's shape: height and width kept as extra columns.
    out["extra_columns_kept"] = to_csv_bytes(
        noisy.with_columns(pl.lit(256).alias("height"), pl.lit(256).alias("width"))
    )
    masks = random_masks(perfect.height, np.random.default_rng(3), empty_rate=0.0)
    out["no_empty_predictions"] = to_csv_bytes(
        perfect.with_columns(pl.Series("encoded_pixels", rle_encode(masks), dtype=pl.String))
    )
    ids = perfect["record_id"].to_list()
    out["record_id_as_float"] = set_cells(perfect, "record_id", [0], [f"{ids[0]}.0"])
    out["record_id_duplicated"] = set_cells(perfect, "record_id", [1], [str(ids[0])])
    out["record_id_quoted_string"] = set_cells(perfect, "record_id", [0], [f"x{ids[0]}"])
    out["record_id_missing"] = set_cells(perfect, "record_id", [0], [""])
    return out


SPEC = Spec(24, "encoded_pixels", "99999999 5", numeric_target=False, extra=extra_cases)
