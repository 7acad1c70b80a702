"""Golden cases of ventilator-pressure-prediction: only inspiratory rows (u_out == 0) are read."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, set_cells

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy").with_columns(pl.col("pressure").round(3))
    u_out = dict(zip(ctx.answers["id"].to_list(), ctx.answers["u_out"].to_list()))
    ids = noisy["id"].to_list()
    expiratory = [i for i, v in enumerate(ids) if u_out[v] == 1]
    inspiratory = [i for i, v in enumerate(ids) if u_out[v] == 0]
    return {
        "nan_in_expiratory_row": set_cells(noisy, "pressure", expiratory[:1], [""]),
        "word_in_expiratory_row": set_cells(noisy, "pressure", expiratory[:1], ["abc"]),
        "nan_in_inspiratory_row": set_cells(noisy, "pressure", inspiratory[:1], [""]),
        "inf_in_expiratory_row": set_cells(noisy, "pressure", expiratory[:1], ["inf"]),
        "float_ids": to_csv_bytes(noisy.with_columns(pl.col("id").cast(pl.Float64))),
        "string_ids": to_csv_bytes(noisy.with_columns(("x" + pl.col("id").cast(pl.String)).alias("id"))),
        "ids_shifted": to_csv_bytes(noisy.with_columns(pl.col("id") + 1)),
        "zero_pressure": to_csv_bytes(noisy.with_columns(pl.lit(0).alias("pressure"))),
        "bool_pressure": to_csv_bytes(noisy.with_columns((pl.col("pressure") > 20).alias("pressure"))),
        "duplicated_id_and_missing": to_csv_bytes(
            noisy.with_columns(pl.when(pl.col("id") == ids[0]).then(ids[1]).otherwise(pl.col("id")).alias("id"))
        ),
        "negative_pressure": set_cells(noisy, "pressure", inspiratory[:1], ["-1e6"]),
        "sorted_by_pressure": to_csv_bytes(noisy.sort("pressure")),
    }


SPEC = Spec(160, "pressure", "1e300", extra=extra_cases)
