"""One job, graded inside a worker process (local pool or Dask worker)."""

from __future__ import annotations

import importlib
import time
from typing import Any

from mlebench_fast.bulk.ipc_cache import AnswersRef, prepared_answers


def resolve_grader(spec: str | None) -> Any:
    """``"module:attribute"`` to a grader object (a test registers its own this way)."""
    if spec is None:
        return None
    module, _, attribute = spec.partition(":")
    return getattr(importlib.import_module(module), attribute)


def set_memory_limit(megabytes: int | None) -> None:
    if not megabytes:
        return
    import resource

    limit = megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def grade_job(
    competition_id: str,
    submission_path: str,
    ref: AnswersRef,
    grader_spec: str | None = None,
    payload: tuple[bytes | None, bytes | None] | None = None,
) -> dict[str, Any]:
    """Scores one submission; returns the Score's fields plus the seconds it took."""
    from mlebench_fast.exceptions import InvalidSubmissionError
    from mlebench_fast.grading import score_table
    from mlebench_fast.io import as_table
    from mlebench_fast.registry import get_competition
    from mlebench_fast.score import Score

    started = time.perf_counter()
    competition = get_competition(competition_id)
    grader = resolve_grader(grader_spec)
    try:
        prepared = prepared_answers(competition_id, grader or competition.grader, ref, payload)
    except Exception as exc:  # noqa: BLE001 - the answers, not the submission: not stored
        return {"error": f"preparing the answers failed: {type(exc).__name__}: {exc}",
                "failure": "answers"}
    try:
        try:
            table = as_table(submission_path)
        except InvalidSubmissionError as exc:
            score = Score.rejected(str(exc), is_lower_better=competition.is_lower_better)
        else:
            score = score_table(competition, table, prepared, grader=grader)
    except MemoryError:
        score = Score.rejected(
            "MemoryError: grading ran out of memory (worker memory limit)",
            is_lower_better=competition.is_lower_better,
        )
    except Exception as exc:  # noqa: BLE001 - a failure costs this job only
        score = Score.rejected(
            f"{type(exc).__name__}: {exc}", is_lower_better=competition.is_lower_better
        )
    return {
        "value": score.value,
        "raw": score.raw,
        "error": score.error,
        "seconds": round(time.perf_counter() - started, 6),
    }
