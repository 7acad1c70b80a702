"""Geometry kernels against plain NumPy versions of the reference's expressions (and an
independent chord-length great-circle formula): random and adversarial inputs (identical,
antipodal and polar points, NaN, one-point groups, values past the clip), same values and types."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from mlebench_fast.kernels import geometry as G

R = 6_371_000


def np_haversine(lat1, lng1, lat2, lng2):
    """The smartphone notebook's haversine, verbatim in numpy."""
    p1, p2 = np.deg2rad(lat1), np.deg2rad(lat2)
    l1, l2 = np.deg2rad(lng1), np.deg2rad(lng2)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin((l2 - l1) / 2) ** 2
    with np.errstate(invalid="ignore"):
        return 2 * R * np.arcsin(np.sqrt(a))


def np_trip_scores(d, offsets):
    out = []
    for lo, hi in zip(offsets[:-1], offsets[1:]):
        part = d[lo:hi]
        out.append(np.mean([np.quantile(part, 0.5), np.quantile(part, 0.95)]))
    return np.array(out)


def close(got, want, rtol=1e-12, atol=1e-6):
    got, want = np.asarray(got), np.asarray(want)
    assert np.array_equal(np.isnan(got), np.isnan(want)), (got, want)
    ok = ~np.isnan(want)
    np.testing.assert_allclose(got[ok], want[ok], rtol=rtol, atol=atol)


lat = st.floats(-90, 90, allow_nan=False)
lng = st.floats(-180, 180, allow_nan=False)


@settings(max_examples=80, deadline=None)
@given(data=st.data(), n=st.integers(0, 60))
def test_haversine_matches_numpy(data, n):
    arrays = [
        data.draw(hnp.arrays(np.float64, n, elements=e))
        for e in (lat, lng, lat, lng)
    ]
    close(G.haversine_metres(*arrays), np_haversine(*arrays))


def test_haversine_adversarial_points():
    lat1 = np.array([0.0, 37.4, 90.0, -90.0, 0.0, 45.0, np.nan, 10.0, 135.0])
    lng1 = np.array([0.0, -122.1, 0.0, 10.0, 0.0, 30.0, 1.0, np.nan, 5.0])
    lat2 = np.array([0.0, 37.4, -90.0, -90.0, 0.0, -45.0, 2.0, 10.0, 3.0])
    lng2 = np.array([180.0, -122.1, 77.0, -170.0, 1e-12, -150.0, 1.0, 5.0, 5.0])
    got = G.haversine_metres(lat1, lng1, lat2, lng2)
    close(got, np_haversine(lat1, lng1, lat2, lng2))
    assert got[1] == 0.0 and got[3] < 1e-6  # identical points; both poles (cos(-pi/2) is not 0)
    assert abs(got[0] - np.pi * R) < 1e-3  # antipodal on the equator
    assert np.isnan(got[6]) and np.isnan(got[7])


def test_haversine_against_scipy_great_circle():
    rng = np.random.default_rng(0)
    lat1, lat2 = rng.uniform(-90, 90, (2, 500))
    lng1, lng2 = rng.uniform(-180, 180, (2, 500))

    def unit(la, lo):
        la, lo = np.deg2rad(la), np.deg2rad(lo)
        return np.stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)], axis=1)

    u, v = unit(lat1, lng1), unit(lat2, lng2)
    chord = np.linalg.norm(u - v, axis=1)
    want = 2 * R * np.arcsin(np.clip(chord / 2, 0, 1))
    np.testing.assert_allclose(G.haversine_metres(lat1, lng1, lat2, lng2), want, rtol=1e-7, atol=1e-3)


values = st.floats(0, 1e7, allow_nan=False)


@settings(max_examples=100, deadline=None)
@given(data=st.data(), sizes=st.lists(st.integers(1, 40), min_size=1, max_size=6))
def test_trip_quantiles_match_numpy(data, sizes):
    d = data.draw(hnp.arrays(np.float64, sum(sizes), elements=values | st.just(np.nan) | st.just(0.0)))
    offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    got = G.trip_quantile_scores(d, offsets)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        want = np_trip_scores(d, offsets)
    assert got.dtype == want.dtype
    close(got, want, rtol=0, atol=0)  # same lerp, same order: bit-identical


@pytest.mark.parametrize("n", [1, 2, 3, 20, 21, 101])
@pytest.mark.parametrize("q", [0.0, 0.05, 0.5, 0.95, 1.0])
def test_linear_quantile_edges(n, q):
    rng = np.random.default_rng(n)
    d = rng.normal(size=n)
    assert G.linear_quantile(d, q) == np.quantile(d, q)
    ties = np.repeat(d[:1], n)
    assert G.linear_quantile(ties, q) == np.quantile(ties, q)


