"""Geometry kernels: haversine distances, numpy's linear quantile, mean angular distance.

The reference computes these with numpy ufuncs on whole arrays; the kernels evaluate the same
expressions in the same order per element (no reassociation: ``fastmath`` is off), so values
agree with numpy to an ulp or two of the transcendental functions (libm vs numpy's own loops),
and sums follow numpy's pairwise order (:mod:`mlebench_fast.kernels.summation`).

- :func:`haversine_metres`: ``notebook.pandas_haversine_distance`` of smartphone-decimeter-2022,
  degrees in, metres out (radius 6,371,000 m), NaN propagated; a rounding that pushes the
  haversine term past 1 gives NaN as numpy's ``arcsin`` does.
- :func:`trip_quantile_scores`: per group, ``np.mean([np.quantile(d, .5), np.quantile(d, .95)])``
  with numpy 1.26's ``linear`` method (its ``_lerp``: ``b - (b - a) * (1 - t)`` when ``t >= .5``),
  NaN when any distance is NaN.
- :func:`mean_angular_distance`: icecube's ``angular_dist_score``: the dot product of the two unit
  vectors, clipped to [-1, 1], ``arccos``, averaged with numpy's summation order.
"""

from __future__ import annotations

import math

import numpy as np

from mlebench_fast.kernels._jit import kernel
from mlebench_fast.kernels.summation import CHUNK, pairwise_sum
from mlebench_fast.threads import in_equal_shares

__all__ = [
    "HAVERSINE_RADIUS",
    "haversine_metres",
    "linear_quantile",
    "trip_quantile_scores",
    "mean_angular_distance",
]

HAVERSINE_RADIUS = 6_371_000.0
_DEG2RAD = math.pi / 180.0


@kernel
def _haversine_into(lat1, lng1, lat2, lng2, out):
    # np.deg2rad(x) is x * (pi / 180); the expression below is the notebook's, term by term.
    for i in range(out.shape[0]):
        p1 = lat1[i] * _DEG2RAD
        p2 = lat2[i] * _DEG2RAD
        dlat = p2 - p1
        dlng = lng2[i] * _DEG2RAD - lng1[i] * _DEG2RAD
        s1 = math.sin(dlat / 2)
        s2 = math.sin(dlng / 2)
        a = s1 * s1 + math.cos(p1) * math.cos(p2) * (s2 * s2)
        out[i] = 2 * HAVERSINE_RADIUS * math.asin(math.sqrt(a)) if a <= 1.0 else np.nan


def haversine_metres(
    lat1: np.ndarray, lng1: np.ndarray, lat2: np.ndarray, lng2: np.ndarray
) -> np.ndarray:
    """Great-circle distances in metres between degree coordinates (float64 arrays)."""
    out = np.empty(lat1.shape[0], dtype=np.float64)
    _haversine_into(lat1, lng1, lat2, lng2, out)
    return out


@kernel
def _quantile_sorted(s, q):
    n = s.shape[0]
    if math.isnan(s[n - 1]):
        return np.nan
    virtual = (n - 1) * q
    previous = math.floor(virtual)
    following = min(previous + 1.0, n - 1.0)
    gamma = virtual - previous
    a = s[int(previous)]
    b = s[int(following)]
    diff = b - a
    if gamma >= 0.5:
        return b - diff * (1 - gamma)
    return a + diff * gamma


@kernel
def linear_quantile(d, q):
    """``np.quantile(d, q)`` (method ``linear``) of a non-empty float64 array."""
    return _quantile_sorted(np.sort(d), q)


@kernel
def trip_quantile_scores(d, offsets):
    """For each group ``d[offsets[k]:offsets[k + 1]]`` (non-empty): the mean of its 50th and
    95th percentiles, as the reference computes it."""
    k = offsets.shape[0] - 1
    out = np.empty(k, dtype=np.float64)
    for g in range(k):
        s = np.sort(d[offsets[g] : offsets[g + 1]])
        out[g] = (_quantile_sorted(s, 0.5) + _quantile_sorted(s, 0.95)) / 2
    return out


@kernel
def _angular_distance(az1, zen1, az2, zen2):
    # the reference's expression, term by term and in its order
    sa1 = math.sin(az1)
    ca1 = math.cos(az1)
    sz1 = math.sin(zen1)
    cz1 = math.cos(zen1)
    sa2 = math.sin(az2)
    ca2 = math.cos(az2)
    sz2 = math.sin(zen2)
    cz2 = math.cos(zen2)
    p = sz1 * sz2 * (ca1 * ca2 + sa1 * sa2) + (cz1 * cz2)
    if p < -1.0:
        p = -1.0
    elif p > 1.0:
        p = 1.0
    return abs(math.acos(p))


@kernel
def _angular_sums(az_true, zen_true, az_pred, zen_pred, rows, first, last, sums):
    # sums[c]: the pairwise sum of chunk c (CHUNK sorted-answers positions) for c in
    # [first, last); the chunks are independent, so threads can share them out. ``rows[i]`` is
    # the prediction placed at sorted-answers position i (all of them when rows is empty); a
    # chunk's predictions are gathered first in a loop of loads only, so the random reads
    # overlap instead of waiting behind the trigonometry.
    n = az_true.shape[0]
    gather = rows.shape[0] > 0
    buf = np.empty(CHUNK, dtype=np.float64)
    gaz = np.empty(CHUNK if gather else 0, dtype=np.float64)
    gzen = np.empty(CHUNK if gather else 0, dtype=np.float64)
    for c in range(first, last):
        start = c * CHUNK
        m = min(CHUNK, n - start)
        if gather:
            for j in range(m):
                r = rows[start + j]
                gaz[j] = az_pred[r]
                gzen[j] = zen_pred[r]
            for j in range(m):
                buf[j] = _angular_distance(az_true[start + j], zen_true[start + j], gaz[j], gzen[j])
        else:
            for j in range(m):
                i = start + j
                buf[j] = _angular_distance(az_true[i], zen_true[i], az_pred[i], zen_pred[i])
        sums[c] = pairwise_sum(buf, 0, m, 0.0)


def _chunked_mean(n: int, threads: int, task) -> np.float64:
    """The mean of n values from ``task(first, last, sums)`` filling per-CHUNK pairwise sums,
    on up to ``threads`` threads; the sums are added in order, as numpy's add-reduce does."""
    if n == 0:
        return np.float64(np.nan)
    chunks = -(-n // CHUNK)
    sums = np.empty(chunks, dtype=np.float64)
    in_equal_shares(lambda first, last: task(first, last, sums), chunks, 16, threads)
    total = 0.0
    for value in sums.tolist():
        total += value
    return np.float64(total / n)


def mean_angular_distance(
    az_true: np.ndarray,
    zen_true: np.ndarray,
    az_pred: np.ndarray,
    zen_pred: np.ndarray,
    rows: np.ndarray | None = None,
    threads: int = 1,
) -> np.float64:
    """``np.average(np.abs(np.arccos(np.clip(dot, -1, 1))))`` of finite radian inputs, predictions
    optionally taken at ``rows`` (no gathered copies), on up to ``threads`` threads (the result
    does not depend on their number); a ``numpy.float64``. Empty: NaN, as numpy (without its
    warning)."""
    index = np.empty(0, dtype=np.int64) if rows is None else rows
    return _chunked_mean(
        az_true.shape[0],
        threads,
        lambda first, last, sums: _angular_sums(
            az_true, zen_true, az_pred, zen_pred, index, first, last, sums
        ),
    )


# ------------------------------------------------------------------ placing streamed predictions


@kernel
def id_lookup(ids):
    """A bucket index over sorted non-negative integer ``ids`` (fewer than 2**31): ``table[b]`` is the first
    position whose ``(id - ids[0]) >> shift`` is at least b, with about one bucket per eight
    ids (int32: an eighth of a byte per id), so that :func:`find_id` looks at a few neighbouring
    ids. Returns (table, shift)."""
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
def find_id(x, ids, table, shift):
    """The position of ``x`` in the sorted ``ids`` indexed by :func:`id_lookup`, or -1."""
    n = ids.shape[0]
    if n == 0 or x < ids[0] or x > ids[n - 1]:
        return -1
    b = (np.int64(x) - np.int64(ids[0])) >> shift
    lo = table[b]
    hi = table[b + 1]
    while lo < hi:
        mid = (lo + hi) >> 1
        if ids[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    if lo < n and ids[lo] == x:
        return lo
    return -1


@kernel
def place_angular_distances(pred_ids, az_pred, zen_pred, lo, hi, ids, base, table, shift,
                            az_true, zen_true, out):
    """For rows [lo, hi) of a piece of a submission: each row's angular distance written at the
    position of its id in the sorted answers ids, given as offsets ``ids`` from ``base`` indexed
    by :func:`id_lookup`. Returns 0, 1 when an id is not among the answers', 2 when a prediction
    is not finite (the caller then grades the file whole)."""
    # In blocks, each step a loop of independent loads (bucket bounds, the search, the
    # answers' angles), so the cache misses of one row overlap those of the next instead of
    # each row waiting on its own chain of misses.
    block = 2048
    pos = np.empty(block, dtype=np.int64)
    top = np.empty(block, dtype=np.int64)
    key = np.empty(block, dtype=np.int64)
    gaz = np.empty(block, dtype=np.float64)
    gzen = np.empty(block, dtype=np.float64)
    n = ids.shape[0]
    if n == 0:
        return 1
    first = np.int64(ids[0])
    last = np.int64(ids[n - 1])
    for start in range(lo, hi, block):
        m = min(block, hi - start)
        for j in range(m):
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
            b = (k - first) >> shift
            pos[j] = table[b]
            top[j] = table[b + 1]
        for j in range(m):
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
        for j in range(m):
            a = pos[j]
            if a >= n or ids[a] != key[j]:
                return 1
        for j in range(m):
            gaz[j] = az_true[pos[j]]
            gzen[j] = zen_true[pos[j]]
        for j in range(m):
            i = start + j
            out[pos[j]] = _angular_distance(gaz[j], gzen[j], az_pred[i], zen_pred[i])
    return 0


@kernel
def _placed_sums(values, first, last, sums):
    # as _angular_sums, over distances already in sorted order; a negative value (the -1.0
    # the caller filled in) is a position no row was placed at: sums[c] is then -1.0
    n = values.shape[0]
    for c in range(first, last):
        start = c * CHUNK
        m = min(CHUNK, n - start)
        hole = False
        for j in range(m):
            if values[start + j] < 0.0:
                hole = True
        sums[c] = -1.0 if hole else pairwise_sum(values, start, m, 0.0)


def mean_of_placed(values: np.ndarray, threads: int = 1) -> np.float64 | None:
    """``np.average(values)`` of distances placed by :func:`place_angular_distances` into an
    array filled with -1.0, or None when a position was left unfilled."""
    holes = []

    def task(first: int, last: int, sums: np.ndarray) -> None:
        _placed_sums(values, first, last, sums)
        if (sums[first:last] < 0).any():
            holes.append(True)

    mean = _chunked_mean(values.shape[0], threads, task)
    return None if holes else mean


@kernel
def gathered_equal(values, rows, reference):
    """``np.array_equal(values[rows], reference)`` without the gathered copy (icecube's 13M ids)."""
    if rows.shape[0] != reference.shape[0]:
        return False
    for i in range(rows.shape[0]):
        if values[rows[i]] != reference[i]:
            return False
    return True


@kernel
def direction_terms(azimuth, zenith):
    """Rows sin(azimuth), cos(azimuth), sin(zenith), cos(zenith): the answers' half of the
    angular-distance trigonometry, computed once per answers file (the same libm calls as the
    kernel makes, so the terms are the ones it would compute)."""
    n = azimuth.shape[0]
    out = np.empty((4, n), dtype=np.float64)
    for i in range(n):
        out[0, i] = math.sin(azimuth[i])
        out[1, i] = math.cos(azimuth[i])
        out[2, i] = math.sin(zenith[i])
        out[3, i] = math.cos(zenith[i])
    return out


@kernel
def _angular_chunk_sums(terms, az_pred, zen_pred, rows, first, last, sums):
    # sums[c]: the pairwise sum of chunk c (CHUNK sorted-answers positions) for c in
    # [first, last); the chunks are independent, so threads can share them out. A chunk's
    # predictions are gathered first in a loop of loads only, so the random reads overlap
    # instead of waiting behind the trigonometry (3.7 s -> 1.5 s at 13M rows).
    n = terms.shape[1]
    gather = rows.shape[0] > 0
    buf = np.empty(CHUNK, dtype=np.float64)
    gaz = np.empty(CHUNK if gather else 0, dtype=np.float64)
    gzen = np.empty(CHUNK if gather else 0, dtype=np.float64)
    for c in range(first, last):
        start = c * CHUNK
        m = min(CHUNK, n - start)
        if gather:
            for j in range(m):
                r = rows[start + j]
                gaz[j] = az_pred[r]
                gzen[j] = zen_pred[r]
        for j in range(m):
            i = start + j
            if gather:
                ap = gaz[j]
                zp = gzen[j]
            else:
                ap = az_pred[i]
                zp = zen_pred[i]
            sa2 = math.sin(ap)
            ca2 = math.cos(ap)
            sz2 = math.sin(zp)
            cz2 = math.cos(zp)
            p = terms[2, i] * sz2 * (terms[1, i] * ca2 + terms[0, i] * sa2) + (terms[3, i] * cz2)
            if p < -1.0:
                p = -1.0
            elif p > 1.0:
                p = 1.0
            buf[j] = abs(math.acos(p))
        sums[c] = pairwise_sum(buf, 0, m, 0.0)


def mean_angular_distance_terms(
    terms: np.ndarray,
    az_pred: np.ndarray,
    zen_pred: np.ndarray,
    rows: np.ndarray | None = None,
    threads: int = 1,
) -> np.float64:
    """:func:`mean_angular_distance` with the answers given as :func:`direction_terms`, on up to
    ``threads`` threads (the chunk sums are added in order afterwards, so the result does not
    depend on the thread count)."""
    index = np.empty(0, dtype=np.int64) if rows is None else rows
    return _chunked_mean(
        terms.shape[1],
        threads,
        lambda first, last, sums: _angular_chunk_sums(
            terms, az_pred, zen_pred, index, first, last, sums
        ),
    )


# ------------------------------------------------------------------ rotated rectangles (BEV)


@kernel
def yaw_rectangle(cx, cy, width, length, yaw, out):
    """The four ground corners of a Lyft ``Box3D`` into ``out`` (4 x 2), as the reference computes
    them: a z-axis quaternion (cos, 0, 0, sin of yaw / 2) whose rotation matrix gives
    ``cos = w*w - z*z`` and ``sin = 2*w*z``; corners in the reference's order and operation order.
    Returns False where the reference's orthogonality asserts (``np.isclose(dot, 0)``) fail."""
    w = math.cos(yaw / 2.0)
    z = 1.0 * math.sin(yaw / 2.0)
    c = w * w - z * z
    s = 2 * w * z
    hl = length / 2
    hw = width / 2
    out[0, 0] = cx + hl * c + hw * s
    out[0, 1] = cy + hl * s - hw * c
    out[1, 0] = cx + hl * c - hw * s
    out[1, 1] = cy + hl * s + hw * c
    out[2, 0] = cx - hl * c - hw * s
    out[2, 1] = cy - hl * s + hw * c
    out[3, 0] = cx - hl * c + hw * s
    out[3, 1] = cy - hl * s - hw * c
    return (
        _orthogonal(out, 0, 1, 3)
        and _orthogonal(out, 1, 0, 2)
        and _orthogonal(out, 2, 1, 3)
        and _orthogonal(out, 3, 0, 2)
    )


@kernel
def _orthogonal(p, a, b, c):
    dot = (p[b, 0] - p[a, 0]) * (p[c, 0] - p[a, 0]) + (p[b, 1] - p[a, 1]) * (p[c, 1] - p[a, 1])
    return abs(dot) <= 1e-8  # np.isclose(dot, 0): atol 1e-08; NaN is not close


@kernel
def _signed_area(px, py, n):
    total = 0.0
    for i in range(n):
        j = i + 1 if i + 1 < n else 0
        total += px[i] * py[j] - px[j] * py[i]
    return total / 2.0


@kernel
def convex_intersection_area(a, b):
    """Area of the intersection of two convex quadrilaterals (4 x 2 corner arrays, either
    orientation): ``a`` clipped by each edge of ``b`` (Sutherland-Hodgman), then the shoelace
    formula. Disjoint, touching or degenerate overlaps give 0 (or a rounding residue)."""
    # Bounding boxes first: most pairs of boxes in a scene are far apart.
    if (
        max(a[0, 0], a[1, 0], a[2, 0], a[3, 0]) <= min(b[0, 0], b[1, 0], b[2, 0], b[3, 0])
        or max(b[0, 0], b[1, 0], b[2, 0], b[3, 0]) <= min(a[0, 0], a[1, 0], a[2, 0], a[3, 0])
        or max(a[0, 1], a[1, 1], a[2, 1], a[3, 1]) <= min(b[0, 1], b[1, 1], b[2, 1], b[3, 1])
        or max(b[0, 1], b[1, 1], b[2, 1], b[3, 1]) <= min(a[0, 1], a[1, 1], a[2, 1], a[3, 1])
    ):
        return 0.0
    xs = np.empty(16, dtype=np.float64)
    ys = np.empty(16, dtype=np.float64)
    nx = np.empty(16, dtype=np.float64)
    ny = np.empty(16, dtype=np.float64)
    bx = np.empty(4, dtype=np.float64)
    by = np.empty(4, dtype=np.float64)
    # Relative to one corner: the shoelace sum of coordinates near 2,000 m would otherwise lose
    # ~1e-9 m^2 to cancellation (GEOS measures areas from the ring's first point too).
    ox = b[0, 0]
    oy = b[0, 1]
    for i in range(4):
        xs[i] = a[i, 0] - ox
        ys[i] = a[i, 1] - oy
        bx[i] = b[i, 0] - ox
        by[i] = b[i, 1] - oy
    n = 4
    orient = 1.0 if _signed_area(bx, by, 4) >= 0 else -1.0
    for e in range(4):
        if n == 0:
            break
        ex0, ey0 = bx[e], by[e]
        ex1, ey1 = bx[(e + 1) % 4], by[(e + 1) % 4]
        dx, dy = ex1 - ex0, ey1 - ey0
        m = 0
        for i in range(n):
            j = i + 1 if i + 1 < n else 0
            sx, sy = xs[i], ys[i]
            tx, ty = xs[j], ys[j]
            ds = orient * (dx * (sy - ey0) - dy * (sx - ex0))
            dt = orient * (dx * (ty - ey0) - dy * (tx - ex0))
            if ds >= 0:
                nx[m] = sx
                ny[m] = sy
                m += 1
                if dt < 0:
                    r = ds / (ds - dt)
                    nx[m] = sx + r * (tx - sx)
                    ny[m] = sy + r * (ty - sy)
                    m += 1
            elif dt >= 0:
                r = ds / (ds - dt)
                nx[m] = sx + r * (tx - sx)
                ny[m] = sy + r * (ty - sy)
                m += 1
        n = m
        for i in range(n):
            xs[i] = nx[i]
            ys[i] = ny[i]
    if n < 3:
        return 0.0
    return abs(_signed_area(xs, ys, n))
