"""The same jobs on a Dask cluster (``pip install mlebench-fast[dask]``).

Two ways for workers to get the answers: ``send_answers=False`` (default) passes the path of
the cached IPC file, for workers sharing the cache dir's file system; ``send_answers=True``
scatters the IPC bytes from the client once per competition, for workers that cannot see it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from mlebench_fast.bulk.ipc_cache import AnswersRef, ipc_bytes
from mlebench_fast.bulk.worker import grade_job


def _client(client_or_address: Any) -> Any:
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - depends on the install
        msg = "Dask grading needs the optional extra: pip install 'mlebench-fast[dask]'"
        raise ImportError(msg) from exc
    if isinstance(client_or_address, str):
        return Client(client_or_address), True
    return client_or_address, False


def run_dask(
    tasks: Sequence[tuple[Any, ...]],
    on_result: Callable[[int, dict[str, Any]], None],
    client_or_address: Any,
    *,
    send_answers: bool = False,
    timeout: float | None = None,
) -> None:
    from distributed import as_completed

    client, owned = _client(client_or_address)
    try:
        payloads: dict[str, Any] = {}
        futures = {}
        for index, task in enumerate(tasks):
            competition_id, path, ref, grader_spec = task[:4]
            payload = None
            if send_answers:
                assert isinstance(ref, AnswersRef)
                if ref.answers_hash not in payloads:
                    payloads[ref.answers_hash] = client.scatter(ipc_bytes(ref), broadcast=True)
                payload = payloads[ref.answers_hash]
            future = client.submit(
                grade_job, competition_id, path, ref, grader_spec, payload, pure=False
            )
            futures[future] = index
        for future in as_completed(futures):
            index = futures[future]
            try:
                result = future.result(timeout=timeout)
            except Exception as exc:  # noqa: BLE001 - a lost job is reported, not fatal
                result = {"error": f"dask task failed: {type(exc).__name__}: {exc}",
                          "failure": "crash"}
            on_result(index, result)
    finally:
        if owned:
            client.close()
