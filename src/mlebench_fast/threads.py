"""How many threads one grading may use, and the one pool they run on.

By default, every CPU this process may run on (the read floor's readers use them all too). The
``MLEBENCH_FAST_THREADS`` environment variable overrides it; the bulk pool sets it in each worker
to its share of the cores, so that workers and their kernels' threads do not oversubscribe them.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

ENV = "MLEBENCH_FAST_THREADS"

T = TypeVar("T")

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


def in_equal_shares(
    task: Callable[[int, int], T], count: int, min_share: int, threads: int | None = None
) -> list[T]:
    """``task(start, stop)`` over one equal share of ``range(count)`` per thread (``threads``,
    default :func:`kernel_threads`), as many shares as hold ``min_share`` items each, at least
    one; the results in order. One share per thread, not many small ones: the tasks are even,
    and a smaller last task would leave a thread idle at the end."""
    parts = max(1, min(kernel_threads() if threads is None else threads, count // max(min_share, 1)))
    bounds = [count * k // parts for k in range(parts + 1)]
    if parts == 1:
        return [task(0, count)]
    return list(executor().map(lambda k: task(bounds[k], bounds[k + 1]), range(parts)))
