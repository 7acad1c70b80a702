"""Golden cases of champs-scalar-coupling: merge on id, per-type log MAE, -inf for a zero MAE."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, set_cells

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    types = dict(zip(ctx.answers["id"].to_list(), ctx.answers["type"].to_list()))
    first_type = sorted(set(types.values()))[0]
    one_type_exact = noisy.with_columns(
        pl.when(pl.col("id").replace_strict(types) == first_type)
        .then(pl.col("id").replace_strict(dict(zip(perfect["id"], perfect["scalar_coupling_constant"]))))
        .otherwise(pl.col("scalar_coupling_constant"))
        .alias("scalar_coupling_constant")
    )
    return {
        "one_type_exact": to_csv_bytes(one_type_exact),
        "float_ids": to_csv_bytes(noisy.with_columns(pl.col("id").cast(pl.Float64))),
        "string_ids": to_csv_bytes(noisy.with_columns(("m" + pl.col("id").cast(pl.String)).alias("id"))),
        "repeated_rows_with_other_values": to_csv_bytes(
            pl.concat([noisy, noisy.head(5).with_columns(pl.lit(100.0).alias("scalar_coupling_constant"))])
        ),
        "repeated_rows_first": to_csv_bytes(
            pl.concat([noisy.head(4).with_columns(pl.lit(-50.0).alias("scalar_coupling_constant")), noisy])
        ),
        "zero_predictions": to_csv_bytes(noisy.with_columns(pl.lit(0).alias("scalar_coupling_constant"))),
        "bool_predictions": to_csv_bytes(
            noisy.with_columns((pl.col("scalar_coupling_constant") > 5).alias("scalar_coupling_constant"))
        ),
        "negative_huge": set_cells(noisy, "scalar_coupling_constant", [0], ["-1e300"]),
        "type_column_in_submission": to_csv_bytes(
            noisy.with_columns(pl.lit("1JHC").alias("type"))
        ),
    }


SPEC = Spec(64, "scalar_coupling_constant", "1e300", extra=extra_cases)
