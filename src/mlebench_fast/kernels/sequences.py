"""Edit distances over integer sequences (lists of ints, as ``Levenshtein.distance`` takes them).

Rows are flat int64 arrays plus offsets, so a whole column of sequences is one kernel call.
"""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import kernel


@kernel
def _row_distance(a: np.ndarray, b: np.ndarray, row: np.ndarray) -> int:
    # Two-row dynamic programme over ``b``; ``row`` is scratch of at least len(b) + 1.
    m = b.shape[0]
    for j in range(m + 1):
        row[j] = j
    for i in range(a.shape[0]):
        diagonal = row[0]
        row[0] = i + 1
        for j in range(m):
            above = row[j + 1]
            cost = diagonal if a[i] == b[j] else diagonal + 1
            best = min(above + 1, row[j] + 1)
            row[j + 1] = min(best, cost)
            diagonal = above
    return row[m]


@kernel
def int_sequence_levenshtein(
    a: np.ndarray, a_offsets: np.ndarray, b: np.ndarray, b_offsets: np.ndarray
) -> np.ndarray:
    """Levenshtein distance (unit insert, delete, substitute) of each row pair of int sequences:
    row ``r`` of ``a`` is ``a[a_offsets[r]:a_offsets[r + 1]]``, likewise for ``b``."""
    rows = a_offsets.shape[0] - 1
    out = np.empty(rows, dtype=np.int64)
    longest = 0
    for r in range(rows):
        longest = max(longest, b_offsets[r + 1] - b_offsets[r])
    scratch = np.empty(longest + 1, dtype=np.int64)
    for r in range(rows):
        out[r] = _row_distance(
            a[a_offsets[r] : a_offsets[r + 1]], b[b_offsets[r] : b_offsets[r + 1]], scratch
        )
    return out
