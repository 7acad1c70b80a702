"""Placing submission rows against the answers' ids without sorting the submission.

The reference sorts both files by id and compares the id columns elementwise. When the answers'
ids are unique, that comparison passes exactly when the submission's ids are a permutation of
them, and the sort then puts each submission row at its id's position in the sorted answers. An
index of the answers finds those positions by hashing, in one pass; anything else (a missing or
repeated id, NaN, ids of another kind, repeated answer ids) falls back to the sort itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast._native import load
from mlebench_fast.kernels.strings import string_buffers
from mlebench_fast.validation.frames import any_differ, kind, pandas_sort_indices

_NUMERIC = {"int", "float", "bool"}


@dataclass(frozen=True, slots=True)
class IdIndex:
    """The answers' id column, sorted as pandas sorts it, indexed by value."""

    ids: pl.Series
    kind: str
    strings: object | None  # the compiled StringIndex over ``ids``
    numbers: np.ndarray | None  # ``ids`` as int64 or float64, when they are numbers
    unique: bool

    @classmethod
    def of(cls, sorted_ids: pl.Series) -> IdIndex:
        id_kind = kind(sorted_ids)
        has_missing = sorted_ids.null_count() > 0 or (
            id_kind == "float" and bool(sorted_ids.is_nan().any())
        )
        strings = numbers = None
        if id_kind == "str" and not has_missing:
            strings = load("align").StringIndex(*string_buffers(sorted_ids))
            unique = strings.unique
        elif id_kind in _NUMERIC and not has_missing:
            numbers = sorted_ids.cast(pl.Int64 if id_kind != "float" else pl.Float64).to_numpy()
            unique = bool(np.all(numbers[1:] > numbers[:-1]))
        else:
            unique = False
        return cls(ids=sorted_ids, kind=id_kind, strings=strings, numbers=numbers, unique=unique)

    def order(self, ids: pl.Series) -> np.ndarray | None:
        """Rows of ``ids`` in the order that sorts them into exactly this index's ids, or None
        when no order does (or when this index cannot tell: the caller then sorts)."""
        n = self.ids.len()
        if not self.unique or ids.len() != n or ids.null_count():
            return None
        id_kind = kind(ids)
        if self.strings is not None and id_kind == "str":
            positions = self.strings.lookup(*string_buffers(ids))
        elif self.numbers is not None and id_kind in _NUMERIC:
            if id_kind == "float" or self.numbers.dtype == np.float64:
                values = ids.cast(pl.Float64).to_numpy()
                reference = self.numbers.astype(np.float64, copy=False)
            else:
                values = ids.cast(pl.Int64).to_numpy()
                reference = self.numbers
            positions = np.searchsorted(reference, values)
            np.minimum(positions, n - 1, out=positions)
            positions[reference[positions] != values] = -1  # NaN never matches either
        else:
            return None
        if n == 0 or positions.min() < 0:
            return None
        order = np.full(n, -1, dtype=np.int64)
        order[positions] = np.arange(n, dtype=np.int64)
        if order.min() < 0:  # a repeated id left some position empty
            return None
        return order


def sort_and_match(frame: pl.DataFrame, column: str, index: IdIndex) -> tuple[pl.DataFrame, bool]:
    """``frame.sort_values(column)`` and whether its ``column`` equals the answers' sorted ids
    elementwise (``not (sorted[column].values != answers_ids.values).any()``).

    Raises numpy's ValueError where that comparison cannot broadcast, as the reference does.
    """
    order = index.order(frame[column])
    if order is not None:
        return frame[order], True
    ordered = frame[pandas_sort_indices(frame[column])]
    return ordered, not any_differ(ordered[column], index.ids)
