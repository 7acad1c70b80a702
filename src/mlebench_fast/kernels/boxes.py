"""Box kernels: points matched into axis-aligned boxes, greedy IoU matching of boxes.

Every kernel takes flat per-object arrays with row offsets (row ``r`` owns ``off[r]:off[r + 1]``), so a
whole file is graded in one call without per-row Python work.
"""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import kernel

__all__ = ["point_in_box_counts"]


@kernel
def point_in_box_counts(
    t_off: np.ndarray,
    t_label: np.ndarray,
    t_x0: np.ndarray,
    t_y0: np.ndarray,
    t_x1: np.ndarray,
    t_y1: np.ndarray,
    p_off: np.ndarray,
    p_label: np.ndarray,
    p_x: np.ndarray,
    p_y: np.ndarray,
) -> tuple[int, int, int]:
    """(tp, fp, fn) over all rows: boxes are taken in order, each claims the first unused point of
    its label strictly inside it; unclaimed boxes are misses, unclaimed points false positives.

    Each page's unused points of a label form a linked list in their original order, and a
    claimed point is unlinked, so a box scans only the unused points that could match it.
    NaN coordinates never compare inside. Labels are codes in [0, max code]."""
    n_rows = t_off.size - 1
    labels = 0
    for i in range(p_label.size):
        labels = max(labels, p_label[i] + 1)
    for i in range(t_label.size):
        labels = max(labels, t_label[i] + 1)
    head = np.full(labels, -1, dtype=np.int64)
    nxt = np.empty(p_label.size, dtype=np.int64)
    tp = 0
    fn = 0
    for r in range(n_rows):
        p0, p1 = p_off[r], p_off[r + 1]
        for j in range(p1 - 1, p0 - 1, -1):
            lab = p_label[j]
            nxt[j] = head[lab]
            head[lab] = j
        for b in range(t_off[r], t_off[r + 1]):
            lab = t_label[b]
            x0, x1, y0, y1 = t_x0[b], t_x1[b], t_y0[b], t_y1[b]
            before = -1
            j = head[lab]
            while j >= 0:
                x = p_x[j]
                y = p_y[j]
                if x0 < x and x1 > x and y0 < y and y1 > y:
                    break
                before = j
                j = nxt[j]
            if j >= 0:
                tp += 1
                if before < 0:
                    head[lab] = nxt[j]
                else:
                    nxt[before] = nxt[j]
            else:
                fn += 1
        for j in range(p0, p1):
            head[p_label[j]] = -1
    return tp, p_label.size - tp, fn
