"""Golden cases of dog-breed-identification: its schema for the generic traps, and its own traps."""

from __future__ import annotations

import numpy as np
import polars as pl
from _golden_cases import Context, Spec

from mlebench_fast.synthetic._csv import to_csv_bytes


def extra_cases(ctx: Context) -> dict[str, bytes]:
    noisy = ctx.sub("noisy")
    breeds = noisy.columns[1:]
    probs = noisy.drop("id").to_numpy()

    def with_probs(p: np.ndarray, columns: list[str] | None = None) -> bytes:
        return to_csv_bytes(
            pl.DataFrame({"id": noisy["id"]}).hstack(pl.DataFrame(p, schema=columns or breeds))
        )

    def bump(delta: float) -> bytes:
        p = probs.copy()
        p[0, p[0].argmax()] += delta
        return with_probs(p)

    neg = probs.copy()
    neg[0, :2] = [-0.01, neg[0, 1] + 0.01]
    big = probs.copy()
    big[0] = 0.0
    big[0, :2] = [1.5, -0.5]
    zero_col = probs.copy()
    zero_col[:, 0] = 0.0
    zero_col /= zero_col.sum(axis=1, keepdims=True)
    reordered = [*breeds[::-1]]
    perfect = ctx.sub("perfect")
    return {
        "sum_off_by_5e-6": bump(5e-6),
        "sum_off_by_2e-5": bump(2e-5),
        "sum_off_by_minus_9e-6": bump(-9e-6),
        "negative_probability": with_probs(neg),
        "probability_above_one": with_probs(big),
        "missing_breed_column": to_csv_bytes(noisy.drop(breeds[5])),
        "columns_reordered": to_csv_bytes(noisy.select("id", *reordered)),
        "id_last": to_csv_bytes(noisy.select(*breeds, "id")),
        "uniform": to_csv_bytes(ctx.gen.sample_submission(ctx.answers)),
        "perfect_int_onehot": to_csv_bytes(perfect.with_columns(pl.col(breeds).cast(pl.Int64))),
        "zero_probability_on_truth": with_probs(zero_col),
        "unnormalised_scores": with_probs(probs * 3.0),
    }


SPEC = Spec(
    24, "affenpinscher", "1.5", digit_id="00123456789012345678901234567890", extra=extra_cases
)
