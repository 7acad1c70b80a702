"""Comparing a kernel with its scikit-learn counterpart: same value, same type, same exception."""

from __future__ import annotations

import warnings

import numpy as np


def outcome(fn, *args, **kwargs):
    try:
        return ("ok", fn(*args, **kwargs))
    except Exception as exc:  # noqa: BLE001 - the exception *is* the outcome compared
        return ("raise", (type(exc), str(exc)))


def sk_outcome(fn, *args, **kwargs):
    # sklearn warns (undefined metric, 0/0, rows not summing to one); kernels must not.
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return outcome(fn, *args, **kwargs)


def assert_parity(ours, theirs, *args, rtol: float = 0.0, **kwargs) -> None:
    got = outcome(ours, *args, **kwargs)
    want = sk_outcome(theirs, *args, **kwargs)
    assert got[0] == want[0], (got, want)
    if got[0] == "raise":
        assert got[1] == want[1]
        return
    g, w = got[1], want[1]
    assert type(g) is type(w), (type(g), type(w))
    if w != w:
        assert g != g
    elif rtol == 0.0:
        assert g == w, (g, w)
    else:
        assert abs(g - w) <= rtol * abs(w), (g, w)


def variants(arr: np.ndarray):
    """The input boundary: read-only, strided, non-native byte order views of ``arr``."""
    ro = arr.copy()
    ro.setflags(write=False)
    yield "read-only", ro
    strided = np.repeat(arr, 2, axis=0)[::2]
    yield "strided", strided
    if arr.dtype.kind in "iuf" and arr.dtype.itemsize > 1:
        yield "byteswapped", arr.astype(arr.dtype.newbyteorder("S"))
