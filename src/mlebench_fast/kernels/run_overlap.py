"""Overlap of run-length masks: per-row intersection sizes of two :class:`~mlebench_fast.kernels.masks.Runs`.

Both sides hold sorted, disjoint half-open intervals per row, so a merge walk gives |T & P| in
O(runs) without materialising any image; Dice, F-beta and IoU follow from the counts.
"""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import kernel

__all__ = ["intersection_sizes"]


@kernel
def _intersections(t_off, t_lo, t_hi, p_off, p_lo, p_hi):
    rows = t_off.shape[0] - 1
    out = np.zeros(rows, dtype=np.int64)
    for r in range(rows):
        i, i_end = t_off[r], t_off[r + 1]
        j, j_end = p_off[r], p_off[r + 1]
        total = 0
        while i < i_end and j < j_end:
            lo = max(t_lo[i], p_lo[j])
            hi = min(t_hi[i], p_hi[j])
            if hi > lo:
                total += hi - lo
            # Advance whichever interval ends first; the other may still overlap the next one.
            if t_hi[i] <= p_hi[j]:
                i += 1
            else:
                j += 1
        out[r] = total
    return out


def intersection_sizes(truth, predicted) -> np.ndarray:
    """|T_r & P_r| for each row r of two ``Runs`` with the same row count (int64)."""
    if len(truth) != len(predicted):
        msg = f"Expected {len(truth)} predicted masks, got {len(predicted)}."
        raise ValueError(msg)
    return _intersections(
        truth.offsets, truth.starts, truth.stops, predicted.offsets, predicted.starts, predicted.stops
    )
