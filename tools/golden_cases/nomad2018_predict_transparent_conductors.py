"""Golden cases of nomad2018-predict-transparent-conductors: rows pair by position, ids unread."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, set_cells

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    n = noisy.height
    return {
        "rows_shuffled": to_csv_bytes(noisy[ctx.rng.permutation(n)]),
        "ids_relabelled": to_csv_bytes(noisy.with_columns((pl.col("id") + 1000).alias("id"))),
        "no_id_column": to_csv_bytes(noisy.drop("id")),
        "missing_bandgap": to_csv_bytes(noisy.drop("bandgap_energy_ev")),
        "negative_formation": set_cells(noisy, "formation_energy_ev_natom", [4], ["-0.01"]),
        "negative_bandgap": set_cells(
            noisy.with_columns(pl.col("bandgap_energy_ev").cast(pl.String)),
            "bandgap_energy_ev", [4], ["-1"],
        ),
        "nan_bandgap": set_cells(noisy, "bandgap_energy_ev", [0], [""]),
        "int_predictions": to_csv_bytes(
            noisy.with_columns(pl.col("bandgap_energy_ev").round(0).cast(pl.Int64))
        ),
        "zero_predictions": to_csv_bytes(
            noisy.with_columns(pl.lit(0).alias("formation_energy_ev_natom"), pl.lit(0.0).alias("bandgap_energy_ev"))
        ),
        "huge_prediction": set_cells(noisy, "bandgap_energy_ev", [1], ["1e300"]),
        "columns_reordered": to_csv_bytes(noisy.select(noisy.columns[::-1])),
        "bool_column": to_csv_bytes(
            noisy.with_columns((pl.col("bandgap_energy_ev") > 2).alias("bandgap_energy_ev"))
        ),
        "minus_zero": set_cells(noisy, "formation_energy_ev_natom", [2], ["-0.0"]),
        "tiny_negative": set_cells(noisy, "bandgap_energy_ev", [2], ["-1e-300"]),
    }


SPEC = Spec(30, "formation_energy_ev_natom", "-1.5", extra=extra_cases)
