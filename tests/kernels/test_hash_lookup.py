"""The uint64-key table (kernels/hash_lookup.py) against a dict: same placement, same verdicts,
on random, colliding (equal low bits) and adversarial keys."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast.kernels.hash_lookup import build_slots, placement


def plain(keys: np.ndarray, queries: np.ndarray) -> tuple[bool, np.ndarray | None]:
    where: dict[int, int] = {}
    for p, k in enumerate(keys.tolist()):
        if k in where:
            return False, None
        where[k] = p
    if len(queries) != len(keys):
        return True, None
    order = np.full(len(keys), -1, np.int64)
    for i, q in enumerate(queries.tolist()):
        p = where.get(q)
        if p is None or order[p] >= 0:
            return True, None
        order[p] = i
    return True, order


KEYS = st.sampled_from([
    st.integers(0, 2**64 - 1),
    st.integers(0, 40),  # small values: long probe chains
    st.integers(0, 7).map(lambda v: v << 40),  # equal low bits: every key in one slot
])


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_matches_a_dict(data):
    element = data.draw(KEYS)
    keys = np.array(data.draw(st.lists(element, min_size=0, max_size=60)), dtype=np.uint64)
    how = data.draw(st.sampled_from(["permutation", "one_changed", "repeat", "random", "shorter"]))
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    queries = keys[rng.permutation(keys.size)]
    if how == "one_changed" and keys.size:
        queries[0] = np.uint64(data.draw(element))
    elif how == "repeat" and keys.size > 1:
        queries[1] = queries[0]
    elif how == "random":
        queries = np.array(data.draw(st.lists(element, min_size=keys.size, max_size=keys.size)),
                           dtype=np.uint64)
    elif how == "shorter":
        queries = queries[:-1]
    distinct, want = plain(keys, queries)
    slots, got_distinct = build_slots(keys)
    assert got_distinct == distinct
    if not distinct:
        return
    assert slots.size >= 2 * keys.size and slots.size & (slots.size - 1) == 0
    order, complete = placement(slots, keys, queries)
    assert complete == (want is not None)
    if want is not None:
        assert np.array_equal(order, want)


def test_large_and_read_only():
    rng = np.random.default_rng(0)
    keys = np.unique(rng.integers(0, 2**63, 200_000, dtype=np.uint64))
    rng.shuffle(keys)
    queries = keys[rng.permutation(keys.size)]
    keys.setflags(write=False)
    queries.setflags(write=False)
    slots, distinct = build_slots(keys)
    assert distinct
    order, complete = placement(slots, keys, queries)
    assert complete
    assert np.array_equal(queries[order], keys)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_dense_placement_matches_numpy(data):
    # The direct table of int ids against the numpy steps it replaces: shift, bounds, gather,
    # scatter, and the checks for unknown and repeated ids.
    from mlebench_fast.kernels.hash_lookup import dense_placement

    ids = np.array(sorted(data.draw(st.sets(st.integers(-50, 200), max_size=40))), dtype=np.int64)
    low = int(ids[0]) if ids.size else 0
    span = int(ids[-1]) - low + 1 if ids.size else 0
    dense = np.full(span, -1, dtype=np.int32)
    dense[ids - low] = np.arange(ids.size, dtype=np.int32)
    pool = st.sampled_from(ids.tolist()) if ids.size else st.integers(-60, 210)
    values = np.array(
        data.draw(st.lists(pool | st.integers(-60, 210), min_size=ids.size, max_size=ids.size)),
        dtype=np.int64,
    )
    order, complete = dense_placement(dense, low, values)
    is_permutation = sorted(values.tolist()) == ids.tolist()
    assert complete == is_permutation
    if is_permutation:
        assert np.array_equal(values[order], ids)
