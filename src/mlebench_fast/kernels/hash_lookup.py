"""An open-addressing table of distinct uint64 keys (hashes of the answers' ids), probed by the
hashes of a submission's ids.

One probe touches one slot (and the key it names) instead of the slot, the row's offsets and the
row's bytes of a string hash index: on ~90k uuid ids that is several times fewer cache misses.
Equal hashes do not prove equal ids; callers verify the ids the table pairs.
"""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import kernel

__all__ = ["build_slots", "placement", "dense_placement", "dense_place_rows"]


@kernel
def build_slots(keys):
    """(slots, distinct): a power-of-two table at most half full whose non-negative entries are
    positions in ``keys``; ``distinct`` is False when a key repeats (the table is then unusable)."""
    capacity = 16
    while capacity < 2 * keys.shape[0] + 2:
        capacity <<= 1
    slots = np.full(capacity, -1, np.int64)
    mask = np.uint64(capacity - 1)
    for i in range(keys.shape[0]):
        s = np.int64(keys[i] & mask)
        while slots[s] >= 0:
            if keys[slots[s]] == keys[i]:
                return slots, False
            s = (s + 1) & (capacity - 1)
        slots[s] = i
    return slots, True


@kernel
def placement(slots, keys, queries):
    """(order, complete): ``order[p]`` is the query whose key is ``keys[p]``; ``complete`` is False
    when a query's key is absent or two queries have the same key (then ``order`` is partial)."""
    n = keys.shape[0]
    order = np.full(n, -1, np.int64)
    if queries.shape[0] != n:
        return order, False
    mask = np.uint64(slots.shape[0] - 1)
    for i in range(queries.shape[0]):
        q = queries[i]
        s = np.int64(q & mask)
        while True:
            p = slots[s]
            if p < 0:
                return order, False
            if keys[p] == q:
                break
            s = (s + 1) & (slots.shape[0] - 1)
        if order[p] >= 0:
            return order, False
        order[p] = i
    return order, True


@kernel
def dense_placement(dense, low, values):
    """(order, complete) as :func:`placement` gives them, for int ids looked up in a direct
    table: ``dense[v - low]`` is the position of id ``v`` (-1: not an id). One pass, where
    numpy needs a shift, two bounds checks, a gather, a scatter and two checks."""
    n = values.shape[0]
    order = np.full(n, -1, np.int64)
    size = dense.shape[0]
    for i in range(n):
        s = values[i] - low
        if s < 0 or s >= size:
            return order, False
        p = dense[s]
        if p < 0 or p >= n or order[p] >= 0:
            return order, False
        order[p] = i
    return order, True


@kernel
def dense_place_rows(dense, low, values, first, order):
    """``order[dense[v - low]] = first + i`` for each ``values[i]`` (a share of the rows that
    threads place at once); False at an unknown id. Repeats are not detected here: with as many
    values as ids, a repeat leaves some ``order`` entry at -1, which the caller checks."""
    size = dense.shape[0]
    n = order.shape[0]
    for i in range(values.shape[0]):
        s = values[i] - low
        if s < 0 or s >= size:
            return False
        p = dense[s]
        if p < 0 or p >= n:
            return False
        order[p] = first + i
    return True
