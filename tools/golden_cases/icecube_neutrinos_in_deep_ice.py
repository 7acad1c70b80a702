"""Golden cases of icecube-neutrinos-in-deep-ice: exact column set, numeric dtypes, finiteness,
id sets, clipping of the dot product (identical and opposite directions, poles)."""

from __future__ import annotations

import numpy as np
import polars as pl
from _golden_cases import Context, Spec, set_cells

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy").with_columns(pl.col("azimuth").round(6), pl.col("zenith").round(6))
    perfect = ctx.sub("perfect")
    return {
        "opposite_directions": to_csv_bytes(
            perfect.with_columns(
                ((pl.col("azimuth") + np.pi) % (2 * np.pi)).alias("azimuth"),
                (np.pi - pl.col("zenith")).alias("zenith"),
            )
        ),
        "poles": to_csv_bytes(noisy.with_columns(pl.lit(0.0).alias("zenith"))),
        "south_pole_int": to_csv_bytes(noisy.with_columns(pl.lit(3).alias("zenith"))),
        "int_angles": to_csv_bytes(noisy.with_columns(pl.lit(1).alias("azimuth"), pl.lit(2).alias("zenith"))),
        "huge_angles": to_csv_bytes(noisy.with_columns((pl.col("azimuth") + 1e6).alias("azimuth"))),
        "negative_angles": to_csv_bytes(noisy.with_columns((-pl.col("zenith")).alias("zenith"))),
        "nan_zenith": set_cells(noisy, "zenith", [1], [""]),
        "inf_azimuth": set_cells(noisy, "azimuth", [1], ["-inf"]),
        "bool_azimuth": to_csv_bytes(noisy.with_columns((pl.col("azimuth") > 3).alias("azimuth"))),
        "text_zenith": set_cells(noisy, "zenith", [1], ["up"]),
        "float_ids": to_csv_bytes(noisy.with_columns(pl.col("event_id").cast(pl.Float64))),
        "string_ids": to_csv_bytes(noisy.with_columns(("e" + pl.col("event_id").cast(pl.String)).alias("event_id"))),
        "columns_reordered": to_csv_bytes(noisy.select("zenith", "azimuth", "event_id")),
        "column_renamed": to_csv_bytes(noisy.rename({"zenith": "Zenith"})),
    }


SPEC = Spec(50, "azimuth", "1e300", extra=extra_cases)
