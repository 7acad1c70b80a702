"""Golden cases of stanford-covid-vaccine: its schema for the generic traps, and its own traps.

120 rows: one whole sequence (68 kept positions of 107) and the start of another, so both kept
and unkept rows are present.
"""

from __future__ import annotations

import numpy as np
from _golden_cases import Context, Spec, set_cells

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    perfect = ctx.sub("perfect")
    keep = ctx.answers["keep"].to_numpy()
    unkept, kept = int(np.flatnonzero(~keep)[0]), int(np.flatnonzero(keep)[0])
    rng = np.random.default_rng(5)
    return {
        "perfect_reversed": to_csv_bytes(perfect.reverse()),
        "perfect_swap_two_kept_rows": to_csv_bytes(perfect[[1, 0, *range(2, perfect.height)]]),
        "perfect_swap_kept_and_unkept": to_csv_bytes(
            perfect[[unkept, *range(1, unkept), 0, *range(unkept + 1, perfect.height)]]
        ),
        "nan_in_unkept_row": set_cells(perfect, "reactivity", [unkept], [""]),
        "text_in_unkept_row": set_cells(perfect, "deg_Mg_50C", [unkept], ["abc"]),
        "text_in_unused_column": set_cells(noisy, "deg_pH10", [kept], ["abc"]),
        "nan_in_kept_row": set_cells(perfect, "deg_Mg_pH10", [kept], [""]),
        "missing_unused_column": to_csv_bytes(noisy.drop("deg_50C")),
        "only_scored_columns": to_csv_bytes(noisy.select("id_seqpos", "reactivity", "deg_Mg_pH10", "deg_Mg_50C")),
        "random_order_noisy": to_csv_bytes(noisy[rng.permutation(noisy.height)]),
        "keep_column_added": to_csv_bytes(noisy.with_columns(ctx.answers["keep"])),
    }


SPEC = Spec(120, "reactivity", "-1e6", extra=extra_cases)
