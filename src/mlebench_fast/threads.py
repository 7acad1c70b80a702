"""How many threads one grading may use: the one budget every threaded kernel reads.

By default, every CPU this process may run on (the read floor's readers use them all too). The
``MLEBENCH_FAST_THREADS`` environment variable overrides it; the bulk pool sets it in each worker
to its share of the cores, so that workers and their kernels' threads do not oversubscribe them.
"""

from __future__ import annotations

import os

ENV = "MLEBENCH_FAST_THREADS"


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
