"""Golden cases of statoil-iceberg-classifier-challenge: no length check; 8-hex ids."""

from __future__ import annotations

from _golden_cases import Context, Spec
from golden_cases._binary_traps import binary_cases


def extra_cases(ctx: Context) -> dict[str, bytes]:
    return binary_cases(ctx, "is_iceberg")


SPEC = Spec(40, "is_iceberg", "1.5", digit_id="12345678", extra=extra_cases)
