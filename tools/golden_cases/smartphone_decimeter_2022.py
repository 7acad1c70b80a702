"""Golden cases of smartphone-decimeter-2022: per-trip positional pairing, quantile edge sizes,
NaN coordinates, antipodal and polar points."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, set_cells

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    trips = noisy["tripId"].unique(maintain_order=True).to_list()
    first = noisy.filter(pl.col("tripId") == trips[0])
    rest = noisy.filter(pl.col("tripId") != trips[0])
    return {
        "trips_reordered": to_csv_bytes(pl.concat([rest, first])),
        "rows_reversed_in_trip": to_csv_bytes(pl.concat([first.reverse(), rest])),
        "whole_file_reversed": to_csv_bytes(noisy.reverse()),
        "row_moved_to_other_trip": set_cells(noisy, "tripId", [0], [trips[-1]]),
        "unknown_trip_name": set_cells(noisy, "tripId", [0], ["2099-01-01-US-XXX-1-Phone"]),
        "nan_latitude": set_cells(noisy, "LatitudeDegrees", [1], [""]),
        "text_longitude": set_cells(noisy, "LongitudeDegrees", [1], ["east"]),
        "antipodal_point": set_cells(
            noisy, "LatitudeDegrees", [2], [str(-noisy["LatitudeDegrees"][2])]
        ).replace(b"\n", b"\n", 1),
        "north_pole": set_cells(noisy, "LatitudeDegrees", [3, 4], ["90", "90"]),
        "latitude_out_of_range": set_cells(noisy, "LatitudeDegrees", [3], ["135"]),
        "int_coordinates": to_csv_bytes(
            noisy.with_columns(pl.col("LatitudeDegrees").round(0).cast(pl.Int64))
        ),
        "bool_longitude": to_csv_bytes(noisy.with_columns((pl.col("LongitudeDegrees") > -122).alias("LongitudeDegrees"))),
        "time_column_text": to_csv_bytes(noisy.with_columns(pl.lit("t").alias("UnixTimeMillis"))),
        "numeric_trip_ids": to_csv_bytes(noisy.with_columns(pl.int_range(pl.len()).alias("tripId"))),
        "exact_copy_one_trip": to_csv_bytes(
            pl.concat([ctx.sub("perfect").filter(pl.col("tripId") == trips[0]), rest])
        ),
    }


SPEC = Spec(60, "LatitudeDegrees", "1e300", extra=extra_cases)
