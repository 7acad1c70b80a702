"""Golden cases of new-york-city-taxi-fare-prediction: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import numpy as np
import polars as pl
from _golden_cases import Context, Spec, set_cells

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    keys = noisy["key"].to_list()
    other = ctx.gen.answers(noisy.height, np.random.default_rng(7))["key"]
    dup = list(keys)
    dup[1] = dup[0]
    return {
        "keys_all_different": to_csv_bytes(noisy.with_columns(other.alias("key"))),
        "duplicated_keys": to_csv_bytes(noisy.with_columns(pl.Series("key", dup))),
        "negative_fare": set_cells(noisy, "fare_amount", [0], ["-5.0"]),
        "int_fares": to_csv_bytes(
            noisy.with_columns(pl.col("fare_amount").round(0).cast(pl.Int64))
        ),
        "constant_fare": to_csv_bytes(noisy.with_columns(pl.lit(11.35).alias("fare_amount"))),
        "key_truncated_suffix": to_csv_bytes(noisy.with_columns(pl.col("key").str.slice(0, 19))),
        "huge_fare": set_cells(noisy, "fare_amount", [0], ["1e308"]),
    }


SPEC = Spec(40, "fare_amount", "-1e6", extra=extra_cases)
