"""A process pool that survives its jobs: a job that hangs is killed at its timeout, a worker
that dies (a segfault, the kernel's OOM killer) is replaced, and either costs that job only."""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any

from mlebench_fast.threads import ENV as THREADS_ENV
from mlebench_fast.threads import kernel_threads

# spawn, not fork: Polars and Numba threads do not survive a fork.
_CONTEXT = mp.get_context("spawn")

Task = tuple[Any, ...]  # arguments of worker.grade_job


def _serve(conn: Connection, memory_limit_mb: int | None, threads: int) -> None:
    from mlebench_fast.bulk.worker import grade_job, set_memory_limit

    # The worker's share of the cores: its kernels' threads and the other workers' add up to them.
    os.environ[THREADS_ENV] = str(threads)

    import mlebench_fast.grading  # noqa: F401 - imports before "ready": not on a job's clock
    from mlebench_fast.kernels._jit import warm_up

    warm_up()  # Numba's start-up (~1 s), while the parent is still reading the answers
    set_memory_limit(memory_limit_mb)
    conn.send("ready")
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        conn.send(grade_job(*task))


class _Worker:
    def __init__(self, memory_limit_mb: int | None, threads: int) -> None:
        self.conn, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(
            target=_serve, args=(child, memory_limit_mb, threads), daemon=True
        )
        self.process.start()
        child.close()
        self.index: int | None = None
        self.group: Any = None  # the group of its last task: its answers and kernels are warm
        self.deadline = float("inf")
        self.ready = False

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


def _death_reason(process: Any) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        import signal

        name = signal.Signals(-code).name
        hint = " (likely out of memory)" if -code == signal.SIGKILL else ""
        return f"worker died: killed by {name}{hint}"
    return f"worker died: exit code {code}"


class _Pending:
    """Tasks not yet sent, by group. A worker keeps to its group while the group lasts, then
    takes the largest group no other worker is on: a competition's answers are prepared and its
    kernels loaded in as few workers as possible, instead of in every worker."""

    def __init__(self, groups: Sequence[Any]) -> None:
        self.by_group: dict[Any, list[int]] = {}
        for index, group in enumerate(groups):
            self.by_group.setdefault(group, []).append(index)
        for indices in self.by_group.values():
            indices.reverse()  # pop() from the end gives the tasks in their order

    def __bool__(self) -> bool:
        return bool(self.by_group)

    def take(self, worker: _Worker, pool: Sequence[_Worker]) -> int:
        group = worker.group
        if group not in self.by_group:
            taken = {w.group for w in pool if w is not worker}
            free = [g for g in self.by_group if g not in taken] or list(self.by_group)
            group = max(free, key=lambda g: len(self.by_group[g]))
        indices = self.by_group[group]
        index = indices.pop()
        if not indices:
            del self.by_group[group]
        worker.group = group
        return index


class WorkerPool:
    """``count`` worker processes, started at once: they import and warm up while the caller
    prepares the tasks. ``run`` then grades them; ``close`` ends the workers."""

    def __init__(self, count: int, *, memory_limit_mb: int | None = None) -> None:
        self.memory_limit_mb = memory_limit_mb
        self.threads = max(1, kernel_threads() // count)
        self.workers = [_Worker(memory_limit_mb, self.threads) for _ in range(count)]

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _replacement(self) -> _Worker:
        return _Worker(self.memory_limit_mb, self.threads)

    def run(
        self,
        tasks: Sequence[Task],
        on_result: Callable[[int, dict[str, Any]], None],
        *,
        timeout: float | None = None,
        groups: Sequence[Any] | None = None,
    ) -> None:
        """Runs every task; ``on_result(i, result)`` is called in the parent as each one
        finishes. ``groups`` (one key per task, e.g. its competition) keeps each worker on one
        group at a time. A failed job's result is ``{"error": ..., "failure": "timeout" |
        "crash"}``."""
        pending = _Pending(groups if groups is not None else [None] * len(tasks))
        pool = self.workers
        while pending or any(w.index is not None for w in pool):
            for worker in pool:
                if worker.ready and worker.index is None and pending:
                    worker.index = pending.take(worker, pool)
                    worker.deadline = time.monotonic() + timeout if timeout else float("inf")
                    worker.conn.send(tasks[worker.index])
            busy = [w for w in pool if w.index is not None]
            starting = [w for w in pool if not w.ready]
            wait_for = min((w.deadline for w in busy), default=float("inf")) - time.monotonic()
            ready = wait(
                [w.conn for w in busy + starting]
                + [w.process.sentinel for w in busy + starting],
                timeout=None if wait_for == float("inf") else max(wait_for, 0),
            )
            for slot, worker in enumerate(pool):
                if not worker.ready:
                    started = False
                    if worker.conn in ready:
                        try:
                            started = worker.ready = worker.conn.recv() == "ready"
                        except (EOFError, OSError):  # it died before saying so
                            worker.process.join()
                    if not started and (worker.conn in ready or worker.process.sentinel in ready):
                        msg = f"a grading worker failed to start: {_death_reason(worker.process)}"
                        raise RuntimeError(msg)
                    continue
                if worker.index is None:
                    continue
                result = None
                if worker.conn in ready:
                    try:
                        result = worker.conn.recv()
                    except (EOFError, OSError):
                        result = None
                if result is not None:
                    index, worker.index = worker.index, None
                    on_result(index, result)
                    continue
                if worker.process.sentinel in ready or worker.conn in ready:
                    worker.process.join()
                    failure = {"error": _death_reason(worker.process), "failure": "crash"}
                elif time.monotonic() >= worker.deadline:
                    failure = {
                        "error": f"timed out after {timeout:g} s; the grading was killed",
                        "failure": "timeout",
                    }
                else:
                    continue
                index = worker.index
                worker.kill()
                pool[slot] = self._replacement()
                on_result(index, failure)

    def close(self) -> None:
        """Ends the workers: idle ones finish, ones still starting up are killed (they have
        nothing to finish)."""
        for worker in self.workers:
            if not worker.ready:
                worker.kill()
                continue
            try:
                worker.conn.send(None)
            except (OSError, BrokenPipeError):
                pass
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.kill()


def pool_size(workers: int | None, jobs: int) -> int:
    """How many workers ``jobs`` jobs get: ``workers`` (default: every core), at most one each."""
    return max(1, min(workers or os.cpu_count() or 1, jobs))

