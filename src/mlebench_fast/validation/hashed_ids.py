"""String ids placed against the answers' through Polars' hashes of them.

Same contract as :meth:`mlebench_fast.validation.alignment.IdIndex.order`: the rows of the
submission's ids in the order that sorts them into exactly the answers' sorted ids, or None when
no order does or this path cannot tell (the caller then sorts, as the reference does). A pairing
made by equal hashes is kept only when every paired id is byte-equal to its answer id, so a hash
collision costs a fallback, never a wrong match.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.kernels.hash_lookup import build_slots, placement
from mlebench_fast.validation.frames import kind

_SEED = 20_190_606
# Below this many ids the string index's look-ups take microseconds and the few Polars calls here
# (hash, gather, compare) would cost more than they save.
MIN_ROWS = 8192


def _hashes(ids: pl.Series) -> np.ndarray:
    return ids.hash(_SEED).to_numpy()


@dataclass(frozen=True, slots=True)
class HashedIds:
    ids: pl.Series  # the answers' ids, sorted as pandas sorts them
    keys: np.ndarray
    slots: np.ndarray
    polars_version: str  # hashes are stable within one Polars version

    @classmethod
    def of(cls, sorted_ids: pl.Series) -> HashedIds | None:
        """None unless the ids are at least MIN_ROWS strings without nulls whose hashes are all
        distinct."""
        if kind(sorted_ids) != "str" or sorted_ids.null_count() or sorted_ids.len() < MIN_ROWS:
            return None
        ids = sorted_ids.rechunk()
        keys = _hashes(ids)
        slots, distinct = build_slots(keys)
        if not distinct:
            return None
        return cls(ids, keys, slots, pl.__version__)

    def order(self, ids: pl.Series) -> np.ndarray | None:
        if (
            ids.len() != self.ids.len()
            or kind(ids) != "str"
            or ids.null_count()
            or pl.__version__ != self.polars_version
        ):
            return None
        order, complete = placement(self.slots, self.keys, _hashes(ids))
        if not complete:
            return None
        if not bool((ids.gather(order) == self.ids).all()):
            return None
        return order
