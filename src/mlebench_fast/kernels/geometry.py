"""Geometry kernels: haversine distances, numpy's linear quantile, rotated rectangles.

(icecube's angular distance is in :mod:`mlebench_fast.kernels.angular`.)

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
"""

from __future__ import annotations

import math

import numpy as np

from mlebench_fast.kernels._jit import kernel

__all__ = [
    "HAVERSINE_RADIUS",
    "haversine_metres",
    "linear_quantile",
    "trip_quantile_scores",
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
