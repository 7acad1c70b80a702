"""Hausdorff distance between 3-D binary volumes stored as run-length slices, exact to the bit
against ``scipy.spatial.distance.directed_hausdorff`` on ``argwhere(mask) / true_shape``.

scipy returns ``sqrt(max_a min_b d(a, b))`` with ``d = ((0 + dz**2) + dy**2) + dx**2`` on float
coordinates. A maximum of minima of a fixed set of floats does not depend on the order in which
they are visited, so any exact search gives the same bits when it computes each ``d`` the same
way. Two reductions keep the search small without changing any minimum:

- a query point inside the other mask has distance 0 (it contributes nothing to the maximum);
- the nearest point of a mask to a point outside it lies on the mask's 6-connected boundary (a
  point whose 6 neighbours are all in the mask has a neighbour strictly closer to the query,
  by at least 1/D**2, far above rounding), so only boundary points are targets.

Targets are kept sorted by (slice, column, row); a query scans slices outward from its own and,
in each slice, columns outward from its own, stopping a direction once the partial sum
``dz**2 + dx**2`` (never above the full sum under IEEE rounding) reaches the best distance
found, and abandoning the query as soon as it is closer than the running maximum (scipy's
early break).
"""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import kernel

__all__ = ["directed_hausdorff_sq", "volume_hausdorff", "union_runs", "points_directed_hausdorff"]


@kernel
def union_runs(group_offsets, rows, run_offsets, starts, stops):
    """Union of the runs of several rows per group: group ``g`` is ``rows[group_offsets[g]:
    group_offsets[g + 1]]``. Returns (offsets, starts, stops), merged (touching runs joined)."""
    n_groups = group_offsets.shape[0] - 1
    total = 0
    for i in range(rows.shape[0]):
        r = rows[i]
        total += run_offsets[r + 1] - run_offsets[r]
    out_lo = np.empty(total, dtype=np.int64)
    out_hi = np.empty(total, dtype=np.int64)
    out_off = np.zeros(n_groups + 1, dtype=np.int64)
    n = 0
    for g in range(n_groups):
        first = n
        count = 0
        for i in range(group_offsets[g], group_offsets[g + 1]):
            r = rows[i]
            for j in range(run_offsets[r], run_offsets[r + 1]):
                out_lo[n + count] = starts[j]
                out_hi[n + count] = stops[j]
                count += 1
        if count:
            lo = out_lo[first:first + count].copy()
            hi = out_hi[first:first + count].copy()
            order = np.argsort(lo, kind="mergesort")
            cur_lo = lo[order[0]]
            cur_hi = hi[order[0]]
            for t in range(1, count):
                a = lo[order[t]]
                b = hi[order[t]]
                if a <= cur_hi:
                    if b > cur_hi:
                        cur_hi = b
                else:
                    out_lo[n] = cur_lo
                    out_hi[n] = cur_hi
                    n += 1
                    cur_lo = a
                    cur_hi = b
            out_lo[n] = cur_lo
            out_hi[n] = cur_hi
            n += 1
        out_off[g + 1] = n
    return out_off, out_lo[:n], out_hi[:n]


@kernel
def directed_hausdorff_sq(qz, qy, qx, t_off, ty, tx, fz, fy, fx):
    """max over queries of min over targets of the squared distance, computed as scipy does.

    Queries are integer (z, y, x); targets are integer (y, x) sorted by (x, y) within each slice
    ``z`` (``t_off[z]:t_off[z + 1]``); ``fz/fy/fx`` map an index to its float coordinate (index
    divided by the true shape). Returns 0.0 without queries.
    """
    depth = t_off.shape[0] - 1
    cmax = 0.0
    for q in range(qz.shape[0]):
        z = qz[q]
        y = qy[q]
        x = qx[q]
        cz = fz[z]
        cy = fy[y]
        cx = fx[x]
        best = np.inf
        closer = False
        up_alive = True
        down_alive = True
        s = 0
        while up_alive or down_alive:
            for side in range(2):
                if side == 0:
                    if not up_alive:
                        continue
                    tzi = z + s
                else:
                    if s == 0 or not down_alive:
                        continue
                    tzi = z - s
                if side == 0 and tzi >= depth:
                    up_alive = False
                    continue
                if side == 1 and tzi < 0:
                    down_alive = False
                    continue
                if tzi >= depth:  # a query beyond the targets' slices: come down to them
                    continue
                dz = cz - fz[tzi]
                ddz = dz * dz
                if ddz >= best:
                    if side == 0:
                        up_alive = False
                    else:
                        down_alive = False
                    continue
                lo = t_off[tzi]
                hi = t_off[tzi + 1]
                if lo == hi:
                    continue
                # First target at or after (x, y) in (x, y) order.
                a = lo
                b = hi
                while a < b:
                    mid = (a + b) >> 1
                    if tx[mid] < x or (tx[mid] == x and ty[mid] < y):
                        a = mid + 1
                    else:
                        b = mid
                i = a
                while i < hi:
                    dx = cx - fx[tx[i]]
                    ddx = dx * dx
                    if ddz + ddx >= best:
                        break
                    dy = cy - fy[ty[i]]
                    d = (ddz + dy * dy) + ddx
                    if d < cmax:
                        closer = True
                        break
                    if d < best:
                        best = d
                    i += 1
                if closer:
                    break
                i = a - 1
                while i >= lo:
                    dx = cx - fx[tx[i]]
                    ddx = dx * dx
                    if ddz + ddx >= best:
                        break
                    dy = cy - fy[ty[i]]
                    d = (ddz + dy * dy) + ddx
                    if d < cmax:
                        closer = True
                        break
                    if d < best:
                        best = d
                    i -= 1
                if closer:
                    break
            if closer:
                break
            s += 1
        if not closer and best > cmax and best != np.inf:
            cmax = best
    return cmax


@kernel
def _fill(volume, off, lo, hi, slices, plane):
    for z in range(slices.shape[0]):
        s = slices[z]
        base = z * plane
        for j in range(off[s], off[s + 1]):
            volume[base + lo[j]:base + hi[j]] = 1


@kernel
def _boundary(volume, off, lo, hi, slices, h, w):
    """Boundary points of a filled volume as (z offsets, y, x) sorted by (z, x, y)."""
    depth = slices.shape[0]
    plane = h * w
    count = 0
    for z in range(depth):
        s = slices[z]
        for j in range(off[s], off[s + 1]):
            count += hi[j] - lo[j]
    ys = np.empty(count, dtype=np.int64)
    xs = np.empty(count, dtype=np.int64)
    z_off = np.zeros(depth + 1, dtype=np.int64)
    n = 0
    for z in range(depth):
        s = slices[z]
        base = z * plane
        for j in range(off[s], off[s + 1]):
            for k in range(lo[j], hi[j]):
                y = k % h
                x = k // h
                p = base + k
                inner = (
                    y > 0 and volume[p - 1] != 0
                    and y < h - 1 and volume[p + 1] != 0
                    and x > 0 and volume[p - h] != 0
                    and x < w - 1 and volume[p + h] != 0
                    and z > 0 and volume[p - plane] != 0
                    and z < depth - 1 and volume[p + plane] != 0
                )
                if not inner:
                    ys[n] = y
                    xs[n] = x
                    n += 1
        z_off[z + 1] = n
    return z_off, ys[:n], xs[:n]


@kernel
def _outside(volume, d_other, h_other, w_other, off, lo, hi, slices, h):
    """Points of one volume (slices of height ``h``) not set in ``volume`` (the other one,
    shaped (d_other, h_other, w_other)) as (z, y, x)."""
    depth = slices.shape[0]
    plane = h_other * w_other
    count = 0
    for z in range(depth):
        s = slices[z]
        for j in range(off[s], off[s + 1]):
            count += hi[j] - lo[j]
    zs = np.empty(count, dtype=np.int64)
    ys = np.empty(count, dtype=np.int64)
    xs = np.empty(count, dtype=np.int64)
    n = 0
    for z in range(depth):
        s = slices[z]
        for j in range(off[s], off[s + 1]):
            for k in range(lo[j], hi[j]):
                y = k % h
                x = k // h
                if z < d_other and y < h_other and x < w_other:
                    if volume[z * plane + x * h_other + y] != 0:
                        continue
                zs[n] = z
                ys[n] = y
                xs[n] = x
                n += 1
    return zs[:n], ys[:n], xs[:n]


@kernel
def _same_volume(p_off, p_lo, p_hi, p_slices, t_off, t_lo, t_hi, t_slices):
    for z in range(p_slices.shape[0]):
        a = p_slices[z]
        b = t_slices[z]
        if p_off[a + 1] - p_off[a] != t_off[b + 1] - t_off[b]:
            return False
        for j in range(p_off[a + 1] - p_off[a]):
            if p_lo[p_off[a] + j] != t_lo[t_off[b] + j] or p_hi[p_off[a] + j] != t_hi[t_off[b] + j]:
                return False
    return True


@kernel
def _area(off, lo, hi, slices):
    total = 0
    for z in range(slices.shape[0]):
        s = slices[z]
        for j in range(off[s], off[s + 1]):
            total += hi[j] - lo[j]
    return total


@kernel
def volume_hausdorff(p_off, p_lo, p_hi, p_slices, p_h, p_w, t_off, t_lo, t_hi, t_slices, t_h, t_w):
    """The uw-madison grader's ``hausdorff_distance(pred, true)`` of two stacks of run-length
    slices (merged runs, column-major within a slice): NaN if both are empty, 0 if identical,
    1 if one is empty or the prediction has over 10x the true voxels, else the symmetric
    Hausdorff distance on coordinates divided by the true shape, divided by sqrt(3)."""
    p_area = _area(p_off, p_lo, p_hi, p_slices)
    t_area = _area(t_off, t_lo, t_hi, t_slices)
    p_d = p_slices.shape[0]
    t_d = t_slices.shape[0]
    if p_area == 0 and t_area == 0:
        return np.nan
    if p_d == t_d and p_h == t_h and p_w == t_w and _same_volume(
        p_off, p_lo, p_hi, p_slices, t_off, t_lo, t_hi, t_slices
    ):
        return 0.0
    if p_area == 0 or t_area == 0:
        return 1.0
    if p_area > 10 * t_area:
        return 1.0
    p_vol = np.zeros(p_d * p_h * p_w, dtype=np.uint8)
    t_vol = np.zeros(t_d * t_h * t_w, dtype=np.uint8)
    _fill(p_vol, p_off, p_lo, p_hi, p_slices, p_h * p_w)
    _fill(t_vol, t_off, t_lo, t_hi, t_slices, t_h * t_w)
    span = max(p_d, t_d)
    fz = np.arange(span) / t_d
    fy = np.arange(max(p_h, t_h)) / t_h
    fx = np.arange(max(p_w, t_w)) / t_w
    # true -> predicted, then predicted -> true, as the reference symmetrises.
    pz_off, py, px = _boundary(p_vol, p_off, p_lo, p_hi, p_slices, p_h, p_w)
    qz, qy, qx = _outside(p_vol, p_d, p_h, p_w, t_off, t_lo, t_hi, t_slices, t_h)
    first = directed_hausdorff_sq(qz, qy, qx, pz_off, py, px, fz, fy, fx)
    tz_off, ty, tx = _boundary(t_vol, t_off, t_lo, t_hi, t_slices, t_h, t_w)
    qz, qy, qx = _outside(t_vol, t_d, t_h, t_w, p_off, p_lo, p_hi, p_slices, p_h)
    second = directed_hausdorff_sq(qz, qy, qx, tz_off, ty, tx, fz, fy, fx)
    return max(np.sqrt(first), np.sqrt(second)) / np.sqrt(3.0)


def points_directed_hausdorff(a: np.ndarray, b: np.ndarray, shape: tuple[int, int, int]) -> float:
    """scipy's ``directed_hausdorff(a / shape, b / shape)[0]`` for integer (n, 3) point arrays
    (every point of ``b`` a target, no boundary reduction): the search kernel on its own."""
    a = np.asarray(a, dtype=np.int64).reshape(-1, 3)
    b = np.asarray(b, dtype=np.int64).reshape(-1, 3)
    if b.shape[0] == 0:
        raise ValueError("Expected at least one target point.")
    span = int(max(a[:, 0].max(initial=0), b[:, 0].max(initial=0))) + 1
    order = np.lexsort((b[:, 1], b[:, 2], b[:, 0]))
    b = b[order]
    z_off = np.searchsorted(b[:, 0], np.arange(span + 1)).astype(np.int64)
    fz = np.arange(span) / shape[0]
    fy = np.arange(int(max(a[:, 1].max(initial=0), b[:, 1].max())) + 1) / shape[1]
    fx = np.arange(int(max(a[:, 2].max(initial=0), b[:, 2].max())) + 1) / shape[2]
    sq = directed_hausdorff_sq(
        np.ascontiguousarray(a[:, 0]), np.ascontiguousarray(a[:, 1]), np.ascontiguousarray(a[:, 2]),
        z_off, np.ascontiguousarray(b[:, 1]), np.ascontiguousarray(b[:, 2]), fz, fy, fx,
    )
    return float(np.sqrt(sq))
