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

Targets are indexed by slice, non-empty column and row. Queries come in random order (as in
scipy) and each is abandoned as soon as it is closer to some target than the running maximum
(scipy's early break): first against a few random targets (enough when the masks are far
apart), then searching only the ball of the running maximum, and only a query with no target
there gets the full nearest-target search. Searches go slice by slice outward from the query's,
column by column outward within a slice and row by row within a column, stopping a direction
once the partial sum (``dz**2``, ``dz**2 + dx**2``; never above the full sum under IEEE
rounding) reaches the bound.
"""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import kernel

__all__ = ["directed_hausdorff_sq", "volume_hausdorff", "union_runs", "points_directed_hausdorff"]

# At most this many random targets are tried per query before the structured search.
PROBES = 64


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
def _scan_column(lo, hi, y, ty, cy, fy, ddz, ddx, best, limit, cmax):
    """Closest target of one column (rows ``ty[lo:hi]``, sorted) to a query at row ``y``;
    returns (best, closer-than-cmax). Only distances below ``min(best, limit)`` matter."""
    a = lo
    b = hi
    while a < b:
        mid = (a + b) >> 1
        if ty[mid] < y:
            a = mid + 1
        else:
            b = mid
    # Rows move away from the query in both directions, so each scan stops at the first
    # distance not below the bound.
    i = a
    while i < hi:
        dy = cy - fy[ty[i]]
        d = (ddz + dy * dy) + ddx
        if d >= best or d >= limit:
            break
        if d < cmax:
            return d, True
        best = d
        i += 1
    i = a - 1
    while i >= lo:
        dy = cy - fy[ty[i]]
        d = (ddz + dy * dy) + ddx
        if d >= best or d >= limit:
            break
        if d < cmax:
            return d, True
        best = d
        i -= 1
    return best, False


@kernel
def _nearest(z, y, x, cz, cy, cx, z_cols, col_x, col_rows, ty, fz, fy, fx, best, limit, cmax):
    """The closest target to one query among those below ``min(best, limit)``, slices outward
    from the query's, columns outward within a slice; returns (best, closer-than-cmax)."""
    depth = z_cols.shape[0] - 1
    s = 0
    z_up = True
    z_down = True
    while z_up or z_down:
        for zside in range(2):
            if zside == 0:
                if not z_up:
                    continue
                tz = z + s
                if tz >= depth:
                    z_up = False
                    continue
            else:
                if s == 0 or not z_down:
                    continue
                tz = z - s
                if tz < 0:
                    z_down = False
                    continue
                if tz >= depth:  # a query beyond the targets' slices: come down to them
                    continue
            dz = cz - fz[tz]
            ddz = dz * dz
            if ddz >= best or ddz >= limit:
                if zside == 0:
                    z_up = False
                else:
                    z_down = False
                continue
            first = z_cols[tz]
            last = z_cols[tz + 1]
            if first == last:
                continue
            a = first
            b = last
            while a < b:
                mid = (a + b) >> 1
                if col_x[mid] < x:
                    a = mid + 1
                else:
                    b = mid
            # Columns move away from the query on both sides: each side stops once its partial
            # sum dz**2 + dx**2 (never above the full sum under IEEE rounding) reaches the bound.
            up = a
            down = a - 1
            while up < last or down >= first:
                for side in range(2):
                    c = up if side == 0 else down
                    if c < first or c >= last:
                        continue
                    dx = cx - fx[col_x[c]]
                    ddx = dx * dx
                    partial = ddz + ddx
                    if partial >= best or partial >= limit:
                        if side == 0:
                            up = last
                        else:
                            down = first - 1
                        continue
                    if side == 0:
                        up += 1
                    else:
                        down -= 1
                    best, closer = _scan_column(
                        col_rows[c], col_rows[c + 1], y, ty, cy, fy, ddz, ddx, best, limit, cmax
                    )
                    if closer:
                        return best, True
        s += 1
    return best, False


@kernel
def directed_hausdorff_sq(qz, qy, qx, z_cols, col_x, col_rows, ty, fz, fy, fx):
    """max over queries of min over targets of the squared distance, computed as scipy does.

    Queries are integer (z, y, x). Targets are indexed by slice, then by non-empty column: slice
    ``z`` has columns ``z_cols[z]:z_cols[z + 1]``, column ``c`` is at ``x = col_x[c]`` (sorted
    within a slice) and holds the sorted rows ``ty[col_rows[c]:col_rows[c + 1]]``; ``fz/fy/fx``
    map an index to its float coordinate (index divided by the true shape). 0.0 without queries.

    A query matters only if it is no closer to every target than the running maximum ``cmax``:
    a first search inside the ``cmax`` ball stops at any closer target; only a query with none
    there (it raises ``cmax``; with queries in random order, rarely) gets the full search.
    """
    depth = z_cols.shape[0] - 1
    cmax = 0.0
    np.random.seed(0)
    order = np.random.permutation(qz.shape[0])
    # A few targets drawn at random first (scipy's strategy): when the masks are far apart, one
    # of them is usually closer than the running maximum already.
    n_targets = ty.shape[0]
    t_z = np.empty(n_targets, dtype=np.int64)
    t_x = np.empty(n_targets, dtype=np.int64)
    for tz in range(depth):
        for c in range(z_cols[tz], z_cols[tz + 1]):
            for i in range(col_rows[c], col_rows[c + 1]):
                t_z[i] = tz
                t_x[i] = col_x[c]
    probes = np.random.permutation(n_targets)
    ring = 0
    budget = PROBES
    for qi in range(qz.shape[0]):
        q = order[qi]
        z = qz[q]
        y = qy[q]
        x = qx[q]
        cz = fz[z]
        cy = fy[y]
        cx = fx[x]
        best = np.inf
        closer = False
        for _ in range(min(budget, n_targets)):
            t = probes[ring]
            ring = ring + 1 if ring + 1 < n_targets else 0
            dz = cz - fz[t_z[t]]
            dy = cy - fy[ty[t]]
            dx = cx - fx[t_x[t]]
            d = (dz * dz + dy * dy) + dx * dx
            if d < cmax:
                closer = True
                break
            if d < best:
                best = d
        # Probing pays while it succeeds (far-apart masks); when it keeps failing (masks close
        # together, each query near its own targets) it shrinks to a couple of tries.
        if closer:
            budget = min(budget * 2, PROBES)
            continue
        budget = max(budget // 2, 2)
        best, closer = _nearest(
            z, y, x, cz, cy, cx, z_cols, col_x, col_rows, ty, fz, fy, fx, best, cmax, cmax
        )
        if closer:
            continue
        best, closer = _nearest(
            z, y, x, cz, cy, cx, z_cols, col_x, col_rows, ty, fz, fy, fx, best, np.inf, cmax
        )
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
    """Boundary points of a filled volume, indexed as :func:`directed_hausdorff_sq` wants them:
    (z_cols, col_x, col_rows, rows)."""
    depth = slices.shape[0]
    plane = h * w
    count = 0
    for z in range(depth):
        s = slices[z]
        for j in range(off[s], off[s + 1]):
            count += hi[j] - lo[j]
    ys = np.empty(count, dtype=np.int64)
    col_x = np.empty(count, dtype=np.int64)
    col_rows = np.zeros(count + 1, dtype=np.int64)
    z_cols = np.zeros(depth + 1, dtype=np.int64)
    n = 0
    n_cols = 0
    for z in range(depth):
        s = slices[z]
        base = z * plane
        current = -1
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
                    if x != current:  # runs are column-major: a new column starts
                        col_x[n_cols] = x
                        col_rows[n_cols] = n
                        n_cols += 1
                        current = x
                    ys[n] = y
                    n += 1
        z_cols[z + 1] = n_cols
    col_rows[n_cols] = n
    return z_cols, col_x[:n_cols], col_rows[: n_cols + 1], ys[:n]


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
    z_cols, col_x, col_rows, rows = _boundary(p_vol, p_off, p_lo, p_hi, p_slices, p_h, p_w)
    qz, qy, qx = _outside(p_vol, p_d, p_h, p_w, t_off, t_lo, t_hi, t_slices, t_h)
    first = directed_hausdorff_sq(qz, qy, qx, z_cols, col_x, col_rows, rows, fz, fy, fx)
    z_cols, col_x, col_rows, rows = _boundary(t_vol, t_off, t_lo, t_hi, t_slices, t_h, t_w)
    qz, qy, qx = _outside(t_vol, t_d, t_h, t_w, p_off, p_lo, p_hi, p_slices, p_h)
    second = directed_hausdorff_sq(qz, qy, qx, z_cols, col_x, col_rows, rows, fz, fy, fx)
    return max(np.sqrt(first), np.sqrt(second)) / np.sqrt(3.0)


def points_directed_hausdorff(a: np.ndarray, b: np.ndarray, shape: tuple[int, int, int]) -> float:
    """scipy's ``directed_hausdorff(a / shape, b / shape)[0]`` for integer (n, 3) point arrays
    (every point of ``b`` a target, no boundary reduction): the search kernel on its own."""
    a = np.asarray(a, dtype=np.int64).reshape(-1, 3)
    b = np.asarray(b, dtype=np.int64).reshape(-1, 3)
    if b.shape[0] == 0:
        raise ValueError("Expected at least one target point.")
    depth = int(b[:, 0].max()) + 1
    b = b[np.lexsort((b[:, 1], b[:, 2], b[:, 0]))]
    new_col = np.ones(b.shape[0], dtype=bool)
    new_col[1:] = (b[1:, 0] != b[:-1, 0]) | (b[1:, 2] != b[:-1, 2])
    starts = np.flatnonzero(new_col)
    col_rows = np.concatenate((starts, [b.shape[0]])).astype(np.int64)
    col_x = np.ascontiguousarray(b[starts, 2])
    z_cols = np.searchsorted(b[starts, 0], np.arange(depth + 1)).astype(np.int64)
    fz = np.arange(int(max(a[:, 0].max(initial=0), depth - 1)) + 1) / shape[0]
    fy = np.arange(int(max(a[:, 1].max(initial=0), b[:, 1].max())) + 1) / shape[1]
    fx = np.arange(int(max(a[:, 2].max(initial=0), b[:, 2].max())) + 1) / shape[2]
    sq = directed_hausdorff_sq(
        np.ascontiguousarray(a[:, 0]), np.ascontiguousarray(a[:, 1]), np.ascontiguousarray(a[:, 2]),
        z_cols, col_x, col_rows, np.ascontiguousarray(b[:, 1]), fz, fy, fx,
    )
    return float(np.sqrt(sq))
