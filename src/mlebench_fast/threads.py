"""How many threads one grading may use, and the one pool they run on.

By default, every CPU this process may run on (the read floor's readers use them all too). The
``MLEBENCH_FAST_THREADS`` environment variable overrides it; the bulk pool sets it in each worker
to its share of the cores, so that workers and their kernels' threads do not oversubscribe them.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor

ENV = "MLEBENCH_FAST_THREADS"

_pool: ThreadPoolExecutor | None = None
_pool_key: tuple[int, int] | None = None
_pool_lock = threading.Lock()


def available_cpus() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def kernel_threads() -> int:
    """The thread budget of one grading: ``MLEBENCH_FAST_THREADS`` if set, else every CPU."""
    value = os.environ.get(ENV, "").strip()
    if value:
        try:
            return max(1, int(value))
        except ValueError:
            msg = f"{ENV} must be a whole number of threads, got {value!r}"
            raise ValueError(msg) from None
    return available_cpus()


def executor() -> ThreadPoolExecutor:
    """The process's kernel thread pool, :func:`kernel_threads` wide (tasks release the GIL).

    Made anew in a forked child (a process pool's worker inherits the parent's pool without
    its threads, and would wait on it forever) and when the budget changes.
    """
    global _pool, _pool_key
    key = (os.getpid(), kernel_threads())
    with _pool_lock:
        if _pool is None or _pool_key != key:
            _pool = ThreadPoolExecutor(max_workers=key[1], thread_name_prefix="mlebench-kernel")
            _pool_key = key
        return _pool
