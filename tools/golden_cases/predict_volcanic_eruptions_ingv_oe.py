"""Golden cases of predict-volcanic-eruptions-ingv-oe: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect").with_columns(pl.col("time_to_eruption").cast(pl.Int64))
    n = perfect.height
    truth = perfect["time_to_eruption"].to_numpy()

    def off_by(total: int) -> bytes:
        pred = truth.copy()
        pred[0] += total
        return to_csv_bytes(perfect.with_columns(pl.Series("time_to_eruption", pred)))

    tf = text(noisy)
    return {
        # MAE of exactly k + 0.5: int(round(.)) rounds half to even.
        "mae_half_to_even_down": off_by(n // 2),  # 0.5 -> 0
        "mae_half_to_even_up": off_by(3 * n // 2),  # 1.5 -> 2
        "every_row_twice": to_csv_bytes(pl.concat([noisy, noisy])),
        "one_row_three_times": to_csv_bytes(pl.concat([noisy, noisy.head(1), noisy.head(1)])),
        "float_ids": render(tf.with_columns(pl.col("segment_id") + ".0")),
        "string_ids": render(tf.with_columns(("s" + pl.col("segment_id")).alias("segment_id"))),
        "negative_predictions": to_csv_bytes(noisy.with_columns(-pl.col("time_to_eruption"))),
        "int_predictions": to_csv_bytes(perfect),
        "huge_prediction": set_cells(noisy, "time_to_eruption", [0], ["1e300"]),
        "nan_id": set_cells(noisy, "segment_id", [0], [""]),
        "reordered_columns": to_csv_bytes(noisy.select("time_to_eruption", "segment_id")),
    }


SPEC = Spec(40, "time_to_eruption", "-1e12", extra=extra_cases)
