"""The one compilation policy for every Numba kernel, and the input boundary shared by kernels.

Every kernel is compiled with :data:`kernel`, never with a bare ``numba.njit``, so the policy lives
here only:

- ``cache=True``: compiled code is kept on disk, so a grader process starts warm. Numba's cache
  checks only the file that defines a kernel, not the files of the helpers it calls; the cache
  folder is therefore named after a digest of every kernel source (see :func:`_cache_dir`), so a
  change to any of them starts a fresh cache and kernels can share helpers across files.
- ``fastmath=False``: kernels must reproduce numpy / scikit-learn to the last bit where possible;
  reassociation or FMA contraction would break that.
- ``error_model="numpy"``: a division by zero gives inf/nan like numpy, instead of raising.
- ``nogil=True``: kernels may run on threads of a bulk grader.

Numba compiles a separate specialisation for read-only arrays (Arrow / Polars buffers often are),
and kernels never write to their inputs, so read-only arrays need no copy. Numba cannot read
non-native byte order; :func:`as_native` converts at the boundary.
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

import numba
import numpy as np

from mlebench_fast.paths import default_cache_dir

__all__ = ["kernel", "as_native", "check_finite", "warm_up"]

def _cache_dir() -> Path:
    digest = hashlib.sha256()
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return default_cache_dir() / "numba" / digest.hexdigest()[:16]


# A user's own NUMBA_CACHE_DIR wins (numba read it at import); otherwise ours, keyed by the sources.
if not os.environ.get("NUMBA_CACHE_DIR"):
    numba.config.CACHE_DIR = str(_cache_dir())

kernel = functools.partial(numba.njit, cache=True, error_model="numpy", nogil=True, fastmath=False)


def as_native(array: object) -> np.ndarray:
    """``array`` as an ndarray in native byte order (no copy when it already is one)."""
    arr = np.asarray(array)
    if arr.dtype.byteorder not in ("=", "|") and not arr.dtype.isnative:
        arr = arr.astype(arr.dtype.newbyteorder("="))
    return arr


@kernel
def _nan_inf(x: np.ndarray) -> tuple[bool, bool]:
    # First an OR-reduction over integers, which LLVM vectorises without fastmath
    # (v - v is 0 for finite v, NaN for NaN and infinity); the precise scan runs only on failure.
    flat = x.ravel()
    bad = 0
    for i in range(flat.shape[0]):
        v = flat[i]
        bad |= (v - v) != 0
    if not bad:
        return False, False
    has_nan = False
    has_inf = False
    for v in flat:
        if v != v:
            has_nan = True
            break
        if v == np.inf or v == -np.inf:
            has_inf = True
    return has_nan, has_inf


def check_finite(array: np.ndarray, name: str = "") -> None:
    """Raise scikit-learn's ``ValueError`` when a float array holds NaN or infinity.

    The messages are ``sklearn.utils.validation._assert_all_finite``'s: NaN wins over infinity
    wherever they are, and ``name`` is the ``input_name`` scikit-learn passes (empty for
    ``check_array`` without one: "Input contains NaN.").
    """
    if array.dtype.kind not in "fc" or array.size == 0:
        return
    data = array if array.dtype.kind == "f" and array.dtype.itemsize in (4, 8) else None
    if data is not None:
        has_nan, has_inf = _nan_inf(data)
    else:
        has_nan = bool(np.isnan(array).any())
        has_inf = bool(np.isinf(array).any())
    padded = f"{name} " if name else ""
    if has_nan:
        msg = f"Input {padded}contains NaN."
        raise ValueError(msg)
    if has_inf:
        msg = f"Input {padded}contains infinity or a value too large for {array.dtype!r}."
        raise ValueError(msg)


def warm_up() -> None:
    """Pays Numba's one-off start-up in this process now (loading its compiler target, ~1 s on
    the first kernel a process calls) rather than on the first grading's clock."""
    check_finite(np.zeros(1))
