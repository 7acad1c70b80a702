"""Golden cases of bms-molecular-translation: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import polars as pl
from _golden_cases import Context, Spec, render, set_cells, text

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    perfect = ctx.sub("perfect")
    noisy = ctx.sub("noisy")
    n = perfect.height
    return {
        "numeric_inchi_cell": set_cells(noisy, "InChI", [0], ["12345"]),
        "all_numeric_inchi": render(
            text(noisy).with_columns(pl.Series("InChI", [str(i) for i in range(n)]))
        ),
        "all_float_inchi": render(
            text(noisy).with_columns(pl.Series("InChI", [f"{i}.0" for i in range(n)]))
        ),
        "nan_inchi": set_cells(noisy, "InChI", [0, 1], ["", "NaN"]),
        "all_nan_inchi": set_cells(noisy, "InChI", list(range(n)), [""] * n),
        "inchi_with_comma_quoted": set_cells(
            noisy, "InChI", [0], ['"InChI=1S/C2H6O/c1-2-3/h3H,2H2,1H3"']
        ),
        "unicode_inchi": set_cells(noisy, "InChI", [0], ["InChI=1S/C₂H₆O"]),
        "sample_inchi": to_csv_bytes(ctx.gen.sample_submission(ctx.answers)),
        "long_inchi": set_cells(noisy, "InChI", [0], ["InChI=1S/" + "C" * 3000]),
    }


SPEC = Spec(40, "InChI", "", numeric_target=False, digit_id="001234567890", extra=extra_cases)
