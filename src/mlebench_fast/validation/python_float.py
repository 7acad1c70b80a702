"""Python's ``float(str)`` (also what numpy's str -> float64 cast does) over a Polars column of tokens."""

from __future__ import annotations

import numpy as np
import polars as pl

# Plain ASCII decimals parse the same in Polars and Python (both correctly rounded); anything else
# ("1_0", "ＮａＮ", "infinity", " 1", non-ASCII digits) goes through float() itself.
_PLAIN = r"^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$"


def python_floats(tokens: pl.Series) -> tuple[np.ndarray, int]:
    """``[float(t) for t in tokens]`` as float64, and the position of the first token float()
    rejects (-1 when none does). Null tokens count as rejected."""
    plain = tokens.str.contains(_PLAIN).fill_null(False)
    values = tokens.cast(pl.Float64, strict=False).to_numpy().astype(np.float64, copy=True)
    others = np.flatnonzero(~plain.to_numpy())
    for i in others.tolist():
        token = tokens[i]
        try:
            values[i] = float(token)
        except (TypeError, ValueError):
            return values, i
    return values, -1
