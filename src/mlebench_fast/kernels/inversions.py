"""Inversion counts of integer sequences (pairs i < j with a[i] > a[j]), for Kendall tau."""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import kernel


@kernel
def count_inversions(values: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Per row, the pairs ``i < j`` with ``values[i] > values[j]`` (ties are no inversion).

    Row ``r`` is ``values[offsets[r]:offsets[r + 1]]`` and holds ints in ``[0, len(row))`` (ranks);
    a Fenwick tree over those values counts each row in O(n log n)."""
    rows = offsets.shape[0] - 1
    out = np.zeros(rows, dtype=np.int64)
    longest = 0
    for r in range(rows):
        longest = max(longest, offsets[r + 1] - offsets[r])
    tree = np.zeros(longest + 1, dtype=np.int64)
    for r in range(rows):
        start, stop = offsets[r], offsets[r + 1]
        n = stop - start
        tree[: n + 1] = 0
        inversions = 0
        for i in range(n):
            u = values[start + i]
            # earlier values <= u
            seen = 0
            k = u + 1
            while k > 0:
                seen += tree[k]
                k -= k & -k
            inversions += i - seen
            k = u + 1
            while k <= n:
                tree[k] += 1
                k += k & -k
        out[r] = inversions
    return out
