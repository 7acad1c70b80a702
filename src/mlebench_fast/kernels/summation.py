"""Sums in numpy's exact order, so that kernels reproduce numpy / scikit-learn to the last bit.

numpy's add-reduce walks a contiguous array in buffers of 8,192 elements and sums each buffer
pairwise (blocks of at most 128, eight accumulators per block); floating-point addition is not
associative, so a kernel that wants numpy's bits must add in the same order.
"""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import kernel

__all__ = ["np_sum", "pairwise_sum", "CHUNK", "fixed_limbs", "fixed_total"]

CHUNK = 8192  # numpy's default ufunc buffer size: the unit its add-reduce sums pairwise
_BLOCK = 128  # numpy's PW_BLOCKSIZE


@kernel
def _pairwise_leaf(a, lo, n, zero):
    # numpy/_core/src/umath/loops_utils.h.src, pairwise_sum_DOUBLE / _FLOAT for n <= 128.
    # ``zero`` carries the accumulator's dtype: a literal 0 would promote float32 sums to float64.
    if n < 8:
        res = zero
        for i in range(n):
            res += a[lo + i]
        return res
    r0 = a[lo]
    r1 = a[lo + 1]
    r2 = a[lo + 2]
    r3 = a[lo + 3]
    r4 = a[lo + 4]
    r5 = a[lo + 5]
    r6 = a[lo + 6]
    r7 = a[lo + 7]
    i = lo + 8
    end = lo + n - (n % 8)
    while i < end:
        r0 += a[i]
        r1 += a[i + 1]
        r2 += a[i + 2]
        r3 += a[i + 3]
        r4 += a[i + 4]
        r5 += a[i + 5]
        r6 += a[i + 6]
        r7 += a[i + 7]
        i += 8
    res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
    while i < lo + n:
        res += a[i]
        i += 1
    return res


@kernel
def pairwise_sum(a, lo, n, zero):
    """numpy's pairwise sum of ``a[lo:lo + n]``: halves (rounded down to a multiple of 8) until
    blocks of at most 128, combined as the recursion would. An explicit stack replaces the
    recursion (recursive kernels and Numba's on-disk cache do not mix well)."""
    if n <= _BLOCK:
        return _pairwise_leaf(a, lo, n, zero)
    stk_lo = np.empty(64, np.int64)
    stk_n = np.empty(64, np.int64)
    stk_state = np.zeros(64, np.int64)
    vals = np.full(64, zero)
    sp = 0
    vp = 0
    stk_lo[0] = lo
    stk_n[0] = n
    while sp >= 0:
        fl = stk_lo[sp]
        fn = stk_n[sp]
        if fn <= _BLOCK:
            vals[vp] = _pairwise_leaf(a, fl, fn, zero)
            vp += 1
            sp -= 1
            continue
        n2 = fn // 2
        n2 -= n2 % 8
        state = stk_state[sp]
        if state == 0:
            stk_state[sp] = 1
            sp += 1
            stk_lo[sp] = fl
            stk_n[sp] = n2
            stk_state[sp] = 0
        elif state == 1:
            stk_state[sp] = 2
            sp += 1
            stk_lo[sp] = fl + n2
            stk_n[sp] = fn - n2
            stk_state[sp] = 0
        else:
            vp -= 1
            right = vals[vp]
            vp -= 1
            vals[vp] = vals[vp] + right
            vp += 1
            sp -= 1
    return vals[0]


@kernel
def np_sum(a, zero):
    """``np.add.reduce(a)`` for a contiguous 1-D array, in numpy's order."""
    n = a.shape[0]
    total = zero
    start = 0
    while start < n:
        m = min(CHUNK, n - start)
        total += pairwise_sum(a, start, m, zero)
        start += m
    return total


# ------------------------------------------------------------------ order-free exact sums
#
# Where the values to add arrive in an order that is not numpy's (rows of a streamed file placed
# by id, on several threads), their sum is made exact instead: each value is split into three
# int64 limbs on a grid of 2**-80 and the limbs are added as integers, so the total does not
# depend on the order, the thread count or the window size, and is rounded to a float once. It
# differs from numpy's pairwise sum only by that sum's own rounding (relative 1e-16).


@kernel
def fixed_limbs(v):
    """``v`` (0 <= v < 2**16) as (h, m, l): v ~= h * 2**-16 + m * 2**-48 + l * 2**-80, exact
    for every v >= 2**-27 (smaller ones lose what lies below 2**-80). Each limb is below
    2**32, so fewer than 2**31 of them add up in an int64."""
    a = v * 65536.0
    h = np.int64(a)
    f = (a - h) * 4294967296.0  # a - h and the scalings are exact
    m = np.int64(f)
    return h, m, np.int64((f - m) * 4294967296.0)


def fixed_total(parts) -> float:
    """The sum of (h, m, l) limb totals (``fixed_limbs``'s, added up), rounded once to float:
    Python's int division rounds correctly."""
    h = m = low = 0
    for ph, pm, pl in parts:
        h, m, low = h + int(ph), m + int(pm), low + int(pl)
    return ((h << 64) + (m << 32) + low) / (1 << 80)
