"""Golden cases of tgs-salt-identification-challenge: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import numpy as np
import polars as pl
from _golden_cases import Context, Spec, set_cells

from mlebench_fast.synthetic._csv import to_csv_bytes
from mlebench_fast.synthetic.tgs_salt_identification_challenge import random_masks, rle_encode


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    # Row 0 of a tgs case is rewritten; pick a row whose truth is non-empty so the traps matter.
    row = int(np.flatnonzero(perfect["rle_mask"].is_not_null().to_numpy())[0])
    traps = {
        "rle_unsorted_pairs": "500 10 100 10",
        "rle_overlapping": "100 20 110 5",
        "rle_odd_token_count": "100 20 300",
        "rle_zero_start": "0 10",
        "rle_zero_length": "100 0",
        "rle_negative_length": "100 -5",
        "rle_float_tokens": "100.0 20",
        "rle_past_image_end": "10190 50",
        "rle_start_beyond_image": "20000 3",
        "rle_full_image": "1 10201",
        "rle_whitespace_only": "   ",
        "rle_hex_token": "0x10 5",
        "rle_adjacent_runs": "100 10 110 10",
        "rle_comma_separated": '"100,10"',
        "rle_one_pixel": "5000 1",
    }
    out = {name: set_cells(perfect, "rle_mask", [row], [v]) for name, v in traps.items()}
    out["all_empty_masks"] = to_csv_bytes(
        perfect.with_columns(pl.lit(None, dtype=pl.String).alias("rle_mask"))
    )
    out["all_full_masks"] = to_csv_bytes(perfect.with_columns(pl.lit("1 10201").alias("rle_mask")))
    out["numeric_ids_column_mismatch"] = set_cells(noisy, "rle_mask", [0], ["12"])
    masks = random_masks(perfect.height, np.random.default_rng(3), empty_rate=0.0)
    out["no_empty_predictions"] = to_csv_bytes(
        perfect.with_columns(pl.Series("rle_mask", rle_encode(masks), dtype=pl.String))
    )
    return out


SPEC = Spec(
    40, "rle_mask", "99999 5", numeric_target=False, digit_id="0012345678", extra=extra_cases
)
