"""Golden cases of spooky-author-identification: positional iloc[:, 1:] checks, shape first."""

from __future__ import annotations

from _golden_cases import Context, Spec
from golden_cases._probability_traps import matrix_cases

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    return {
        **matrix_cases(ctx, ["EAP", "HPL", "MWS"]),
        "id_second": to_csv_bytes(noisy.select("EAP", "id", "HPL", "MWS")),
        "ids_without_prefix": to_csv_bytes(noisy.with_columns(noisy["id"].str.slice(2))),
    }


SPEC = Spec(40, "EAP", "1.5", extra=extra_cases)
