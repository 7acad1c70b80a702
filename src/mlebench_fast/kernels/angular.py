"""Angular distance between directions (icecube-neutrinos-in-deep-ice), and placing rows by id.

The reference's ``angular_dist_score`` turns both (azimuth, zenith) pairs into unit vectors,
clips their dot product ``sz1*sz2*(ca1*ca2 + sa1*sa2) + cz1*cz2`` to [-1, 1] and averages the
``arccos``. Here the answers' half is computed once per answers file (:func:`direction_terms`:
azimuth, sin and cos of zenith), and each row's dot product as
``sz1*sz2*cos(az1 - az2) + cz1*cz2``: four libm calls a row instead of nine.

The two expressions differ by a few ulps of the dot product (|az| <= 8: the difference of the
azimuths is then within 2e-15 of the true one). ``arccos`` turns that into at most 3e-15/sin(angle),
so where the angle is within 0.01 rad of 0 or pi (|dot| > 1 - 5e-5), and for larger azimuths,
the reference's own expression is evaluated instead: term for term, so identical and opposite
directions give the reference's arccos of rounding noise (a perfect submission scores ~3e-9,
not 0). Elsewhere an angle is off by at most 3e-13 of its own 0.01 or more: relative 3e-11.

Sums are exact (:func:`mlebench_fast.kernels.summation.fixed_limbs`), so the mean does not
depend on the rows' order, the thread count or how a file is cut into windows, and differs from
numpy's pairwise mean only by that sum's rounding.
"""

from __future__ import annotations

import math

import numpy as np

from mlebench_fast.kernels._jit import kernel
from mlebench_fast.kernels.summation import fixed_limbs, fixed_total
from mlebench_fast.threads import in_equal_shares

__all__ = [
    "direction_terms",
    "mean_angular_distance",
    "id_lookup",
    "ids_of_ranks",
    "add_distances_by_id",
    "mean_of_limbs",
    "gathered_equal",
    "permute_rows",
]

_NEAR_POLE = 1.0 - 5e-5  # |dot| beyond this: the reference's expression (angle within 0.01 rad)
_SMALL_AZIMUTH = 8.0  # |azimuth| up to this: their difference is within 2e-15
_BLOCK = 2048  # rows whose independent loads are issued together
_SHARE_ROWS = 1 << 14  # fewer rows than this per thread run on one thread


@kernel
def direction_terms(azimuth, zenith, out):
    """``out[i]`` = (azimuth, sin(zenith), cos(zenith)) of row i: the answers' half of every
    dot product (the same libm calls the reference's expression makes)."""
    for i in range(azimuth.shape[0]):
        out[i, 0] = azimuth[i]
        out[i, 1] = math.sin(zenith[i])
        out[i, 2] = math.cos(zenith[i])


@kernel
def _angular_distance(az1, sz1, cz1, az2, zen2):
    sz2 = math.sin(zen2)
    cz2 = math.cos(zen2)
    p = 2.0
    if abs(az1) <= _SMALL_AZIMUTH and abs(az2) <= _SMALL_AZIMUTH:
        p = sz1 * sz2 * math.cos(az1 - az2) + cz1 * cz2
    if abs(p) > _NEAR_POLE:
        # the reference's expression, term by term and in its order
        p = sz1 * sz2 * (math.cos(az1) * math.cos(az2) + math.sin(az1) * math.sin(az2)) + (cz1 * cz2)
    if p < -1.0:
        p = -1.0
    elif p > 1.0:
        p = 1.0
    return abs(math.acos(p))


@kernel
def _distance_limbs(terms, az_pred, zen_pred, rows, lo, hi):
    # the limb totals of answers positions [lo, hi); their prediction is row rows[i] (i itself
    # when rows is empty), gathered a block at a time so the random loads overlap
    gather = rows.shape[0] > 0
    gaz = np.empty(_BLOCK, dtype=np.float64)
    gzen = np.empty(_BLOCK, dtype=np.float64)
    h = np.int64(0)
    m = np.int64(0)
    low = np.int64(0)
    for start in range(lo, hi, _BLOCK):
        count = min(_BLOCK, hi - start)
        for j in range(count):
            r = rows[start + j] if gather else start + j
            gaz[j] = az_pred[r]
            gzen[j] = zen_pred[r]
        for j in range(count):
            i = start + j
            dh, dm, dl = fixed_limbs(
                _angular_distance(terms[i, 0], terms[i, 1], terms[i, 2], gaz[j], gzen[j])
            )
            h += dh
            m += dm
            low += dl
    return h, m, low


def mean_angular_distance(
    terms: np.ndarray,
    az_pred: np.ndarray,
    zen_pred: np.ndarray,
    rows: np.ndarray | None = None,
    threads: int = 1,
) -> np.float64:
    """The reference's ``np.average(np.abs(np.arccos(np.clip(dot, -1, 1))))`` for answers given
    as :func:`direction_terms` and finite predictions, the one for answers position i at row
    ``rows[i]`` (i when None), on up to ``threads`` threads; a ``numpy.float64``, NaN when empty
    (as numpy, without its warning)."""
    n = terms.shape[0]
    if n == 0:
        return np.float64(np.nan)
    index = np.empty(0, dtype=np.int64) if rows is None else rows
    parts = in_equal_shares(
        lambda lo, hi: _distance_limbs(terms, az_pred, zen_pred, index, lo, hi),
        n, _SHARE_ROWS, threads,
    )
    return mean_of_limbs(parts, n)


def mean_of_limbs(parts, n: int) -> np.float64:
    """The mean of n angular distances from their limb totals (``fixed_limbs``' (h, m, l))."""
    return np.float64(fixed_total(parts)) / np.float64(n)


# ------------------------------------------------------------------ rows placed by id


#: ids spread over at most this many values per id get a rank bitmap (16 bytes per 64 values)
RANK_SPREAD = 16


@kernel
def _popcount(x):
    x = x - ((x >> np.uint64(1)) & np.uint64(0x5555555555555555))
    x = (x & np.uint64(0x3333333333333333)) + ((x >> np.uint64(2)) & np.uint64(0x3333333333333333))
    x = (x + (x >> np.uint64(4))) & np.uint64(0x0F0F0F0F0F0F0F0F)
    return np.int64((x * np.uint64(0x0101010101010101)) >> np.uint64(56))


@kernel
def _bucket_table(ids):
    n = ids.shape[0]
    first = np.int64(ids[0]) if n else np.int64(0)
    span = np.int64(ids[n - 1]) - first if n else np.int64(0)
    shift = np.int64(0)
    while (span >> shift) >= max(n // 8, 1):
        shift += 1
    buckets = (span >> shift) + 1 if n else 0
    table = np.empty(buckets + 1, dtype=np.int32)
    pos = 0
    for b in range(buckets):
        while pos < n and ((np.int64(ids[pos]) - first) >> shift) < b:
            pos += 1
        table[b] = pos
    table[buckets] = n
    return table, shift


@kernel
def _rank_words(ids):
    # row w: the bitmap of values [64w, 64w + 64) (bit v & 63 set for each id v), then how many
    # ids lie below 64w
    words = np.zeros(((np.int64(ids[ids.shape[0] - 1]) >> 6) + 1, 2), dtype=np.uint64)
    for i in range(ids.shape[0]):
        v = np.int64(ids[i])
        words[v >> 6, 0] |= np.uint64(1) << np.uint64(v & 63)
    below = np.int64(0)
    for w in range(words.shape[0]):
        words[w, 1] = np.uint64(below)
        below += _popcount(words[w, 0])
    return words


@kernel
def ids_of_ranks(ranks):
    """The sorted ids a rank bitmap holds (int64)."""
    last = ranks.shape[0] - 1
    ids = np.empty(np.int64(ranks[last, 1]) + _popcount(ranks[last, 0]), dtype=np.int64)
    for w in range(ranks.shape[0]):
        bits = ranks[w, 0]
        at = np.int64(ranks[w, 1])
        for b in range(64):
            if (bits >> np.uint64(b)) & np.uint64(1):
                ids[at] = 64 * w + b
                at += 1
    return ids


def id_lookup(ids: np.ndarray) -> tuple[np.ndarray, int, np.ndarray]:
    """An index over sorted unique non-negative integer ``ids`` (fewer than 2**31, the first 0
    when they are offsets) for :func:`add_distances_by_id`: (table, shift, ranks).

    Ids spread over at most :data:`RANK_SPREAD` values each get ``ranks``, a rank bitmap: one
    read finds whether an id is there and its position (a bit, and a count of the bits before
    it). Sparser ids get ``table``, a bucket index: ``table[b]`` is the first position whose
    ``(id - ids[0]) >> shift`` is at least b, about one bucket per eight ids, so a look-up
    reads a few neighbouring ids. The other one is empty."""
    n = ids.shape[0]
    no_ranks = np.empty((0, 2), dtype=np.uint64)
    if n and int(ids[0]) == 0 and int(ids[-1]) < RANK_SPREAD * n:
        return np.empty(0, dtype=np.int32), 0, _rank_words(ids)
    table, shift = _bucket_table(ids)
    return table, int(shift), no_ranks


@kernel
def add_distances_by_id(pred_ids, az_pred, zen_pred, lo, hi, ids, base, table, shift, ranks,
                        terms, seen, acc):
    """Rows [lo, hi) of a piece of a submission, each paired with the answers row of its id
    (offsets from ``base``: the sorted ``ids`` indexed by :func:`id_lookup`'s table and shift,
    or its ``ranks``, which hold them; ``ids`` may then be empty): their angular
    distances' limbs added to ``acc`` (int64[3]) and their answers positions marked in ``seen``.
    Returns 0, 1 when an id is not among the answers', 2 when a prediction is not finite (the
    caller then grades the file whole)."""
    # A block at a time, each step a loop of independent loads (bucket bounds, the search, the
    # answers' terms), so the cache misses of one row overlap those of the next instead of
    # each row waiting on its own chain of misses.
    pos = np.empty(_BLOCK, dtype=np.int64)
    top = np.empty(_BLOCK, dtype=np.int64)
    key = np.empty(_BLOCK, dtype=np.int64)
    g = np.empty((_BLOCK, 3), dtype=np.float64)
    n = ids.shape[0]
    by_rank = ranks.shape[0] > 0
    if by_rank:
        first = np.int64(0)
        last = np.int64(64 * ranks.shape[0] - 1)  # a value beyond the last id has no bit set
    elif n == 0:
        return 1
    else:
        first = np.int64(ids[0])
        last = np.int64(ids[n - 1])
    h = np.int64(0)
    m = np.int64(0)
    low = np.int64(0)
    for start in range(lo, hi, _BLOCK):
        count = min(_BLOCK, hi - start)
        for j in range(count):
            i = start + j
            if not (math.isfinite(az_pred[i]) and math.isfinite(zen_pred[i])):
                return 2
            x = pred_ids[i]
            if x < base:
                return 1
            k = x - base  # negative only when the true difference overflowed: far out of range
            if k < first or k > last:
                return 1
            key[j] = k
            if by_rank:
                continue
            b = (k - first) >> shift
            pos[j] = table[b]
            top[j] = table[b + 1]
        if by_rank:
            for j in range(count):
                k = key[j]
                bits = ranks[k >> 6, 0]
                bit = np.uint64(k & 63)
                if not (bits >> bit) & np.uint64(1):
                    return 1
                pos[j] = np.int64(ranks[k >> 6, 1]) + _popcount(bits & ((np.uint64(1) << bit) - np.uint64(1)))
        for j in range(0 if by_rank else count):
            k = key[j]
            a = pos[j]
            z = top[j]
            if z - a <= 16:
                # a bucket of a few ids: counted without branches (a binary search's
                # unpredictable branches would flush the loads in flight)
                c = a
                for t in range(a, z):
                    c += np.int64(ids[t] < k)
                a = c
            else:
                while a < z:
                    mid = (a + z) >> 1
                    if ids[mid] < k:
                        a = mid + 1
                    else:
                        z = mid
            pos[j] = a
        for j in range(0 if by_rank else count):
            a = pos[j]
            if a >= n or ids[a] != key[j]:
                return 1
        for j in range(count):
            a = pos[j]
            g[j, 0] = terms[a, 0]
            g[j, 1] = terms[a, 1]
            g[j, 2] = terms[a, 2]
            seen[a] = 1
        for j in range(count):
            i = start + j
            dh, dm, dl = fixed_limbs(_angular_distance(g[j, 0], g[j, 1], g[j, 2], az_pred[i], zen_pred[i]))
            h += dh
            m += dm
            low += dl
    acc[0] += h
    acc[1] += m
    acc[2] += low
    return 0


@kernel
def gathered_equal(values, rows, reference):
    """``np.array_equal(values[rows], reference)`` without the gathered copy (13M ids)."""
    if rows.shape[0] != reference.shape[0]:
        return False
    for i in range(rows.shape[0]):
        if values[rows[i]] != reference[i]:
            return False
    return True


@kernel
def permute_rows(array, order):
    """``array[:] = array[order]`` for a permutation ``order`` (rows of a 2-D array), in place:
    each cycle of the permutation is followed once; ``order`` is used up (its entries turn -1),
    so no second copy of ``array`` is needed."""
    n = order.shape[0]
    width = array.shape[1]
    held = np.empty(width, dtype=array.dtype)
    for i in range(n):
        if order[i] < 0:
            continue
        for c in range(width):
            held[c] = array[i, c]
        j = i
        while True:
            k = order[j]
            order[j] = -1
            if k == i:
                for c in range(width):
                    array[j, c] = held[c]
                break
            for c in range(width):
                array[j, c] = array[k, c]
            j = k
