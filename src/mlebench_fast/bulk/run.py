"""``grade_many``: the bulk grading entry point behind ``mlebench-fast grade``."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import time
from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm.auto import tqdm

from mlebench_fast._version import __version__
from mlebench_fast.bulk.ipc_cache import cache_answers, file_digest, pending_answers
from mlebench_fast.bulk.jobs import Job
from mlebench_fast.bulk.store import ResultsStore
from mlebench_fast.exceptions import (
    DatasetNotPreparedError,
    GraderNotImplementedError,
    UnknownCompetitionError,
)
from mlebench_fast.paths import default_cache_dir, default_data_dir
from mlebench_fast.report import CompetitionReport

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 1800.0
DEFAULT_MAX_SUBMISSION_BYTES = 2 * 1024**3
_SNIFF_BYTES = 64 * 1024


@dataclass(slots=True)
class BulkResult:
    reports: list[CompetitionReport]
    graded: int = 0  # jobs graded in this run
    reused: int = 0  # jobs whose result came from the results store
    failures: dict[str, int] = field(default_factory=dict)  # timeout / crash counts


def _precheck(path: Path, max_bytes: int) -> str | None:
    """Why a file cannot be graded at all, or None."""
    if not (path.is_file() and path.suffix.lower() == ".csv"):
        return (f"Invalid submission file: {path}. "
                "Please check that the file exists and it is a CSV.")
    size = path.stat().st_size
    if size > max_bytes:
        return (f"Submission file {path} is {size:,} bytes, over the limit of {max_bytes:,} "
                "bytes (--max-submission-mb); not graded.")
    with open(path, "rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    if b"\x00" in head:
        return f"Submission file {path} is binary (NUL bytes), not a CSV text file; not graded."
    return None


def _inspect(path: Path, max_bytes: int) -> tuple[str | None, str | None]:
    """(why the file cannot be graded, None) or (None, its content digest)."""
    try:
        problem = _precheck(path, max_bytes)
        return (problem, None) if problem is not None else (None, file_digest(path))
    except OSError as exc:  # unreadable, or gone since it was listed
        return f"Submission file {path} cannot be read: {exc}", None


def _as_jobs(jobs: Iterable[Any]) -> list[Job]:
    return [job if isinstance(job, Job) else Job(str(job[0]), str(job[1])) for job in jobs]


def grade_many(
    jobs: Iterable[Job | tuple[str, str]],
    *,
    data_dir: str | os.PathLike[str] | None = None,
    leaderboards: str | os.PathLike[str] | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    workers: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    memory_limit_mb: int | None = None,
    max_submission_bytes: int = DEFAULT_MAX_SUBMISSION_BYTES,
    resume: bool = True,
    dask_client: Any = None,
    dask_send_answers: bool = False,
    grader_override: Mapping[str, str] | None = None,
    progress: bool | None = None,
) -> BulkResult:
    """Grades (competition id, submission path) jobs; reports come back in the jobs' order.

    Answers are parsed once per competition into a memory-mapped Arrow IPC cache under
    ``cache_dir`` (default: ``MLEBENCH_FAST_CACHE_DIR`` or the user cache dir), shared by the
    workers: a local process pool of ``workers`` processes (default: every core), or a Dask
    cluster when ``dask_client`` (a ``distributed.Client`` or a scheduler address) is given.
    Results go to a SQLite results store as they arrive, so a rerun after a kill grades only
    what is missing (``resume=False`` regrades everything). A job that crashes, exceeds
    ``timeout`` seconds or ``memory_limit_mb`` costs its own report only.
    ``grader_override`` maps a competition id to a ``"module:attribute"`` grader used instead
    of the registry's (for tests and experiments; its results are stored under its own key).
    """
    job_list = _as_jobs(jobs)
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    cache = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    overrides = dict(grader_override or {})

    # The local pool's workers start now: their imports and warm-up overlap with the checks and
    # hashes below (an unused pool is closed at once).
    pool = None
    if dask_client is None and job_list:
        from mlebench_fast.bulk.pool import WorkerPool, pool_size

        pool = WorkerPool(pool_size(workers, len(job_list)), memory_limit_mb=memory_limit_mb)
    try:
        return _grade_jobs(
            job_list, root=root, cache=cache, leaderboards=leaderboards, overrides=overrides,
            pool=pool, timeout=timeout, max_submission_bytes=max_submission_bytes,
            resume=resume, dask_client=dask_client, dask_send_answers=dask_send_answers,
            progress=progress,
        )
    finally:
        if pool is not None:
            pool.close()


def _grade_jobs(
    job_list: list[Job],
    *,
    root: Path,
    cache: Path,
    leaderboards: str | os.PathLike[str] | None,
    overrides: dict[str, str],
    pool: Any,
    timeout: float | None,
    max_submission_bytes: int,
    resume: bool,
    dask_client: Any,
    dask_send_answers: bool,
    progress: bool | None,
) -> BulkResult:
    from mlebench_fast.grading import _failed_report, _report
    from mlebench_fast.registry import get_competition
    from mlebench_fast.score import Score

    store = ResultsStore(cache / "results.sqlite")
    result = BulkResult(reports=[None] * len(job_list))  # type: ignore[list-item]
    started_at = [time.perf_counter()] * len(job_list)

    # Submissions and answers files are checked and hashed on threads (hashlib and file reads
    # release the GIL).
    inspector = ThreadPoolExecutor(max_workers=max(1, min(8, os.cpu_count() or 1)))
    inspections = [
        inspector.submit(_inspect, Path(job.submission_path), max_submission_bytes)
        for job in job_list
    ]

    # One answers reference per competition: parsed once, whatever the number of jobs. The
    # local pool's workers parse them as they first need them; a Dask cluster gets them parsed
    # here, where the client can send them.
    refs: dict[str, Any] = {}
    for cid in dict.fromkeys(job.competition_id for job in job_list):
        try:
            competition = get_competition(cid)
            if cid not in overrides:
                competition.grader  # noqa: B018 - not implemented says so now
            path = competition.answers_path(root)
            if not path.is_file():
                from mlebench_fast.answers_cache import not_prepared_message

                raise DatasetNotPreparedError(not_prepared_message(cid))
            if dask_client is not None:
                refs[cid] = cache_answers(path, cache)
            else:
                refs[cid] = inspector.submit(file_digest, path)
        except (UnknownCompetitionError, DatasetNotPreparedError, GraderNotImplementedError) as exc:
            logger.error("%s: %s", cid, exc)
            refs[cid] = str(exc)
    inspector.shutdown(wait=False)
    for cid, ref in refs.items():
        if isinstance(ref, Future):
            path = get_competition(cid).answers_path(root)
            refs[cid] = pending_answers(path, cache, ref.result())

    tasks: list[tuple[Any, ...]] = []
    task_jobs: list[tuple[int, tuple[str, str, str, str]]] = []
    bar = tqdm(total=len(job_list), desc="Grading submissions", unit="submission",
               disable=None if progress is None else not progress, leave=False)

    def finish(index: int, score: Score, exists: bool, seconds: float | None = None) -> None:
        job = job_list[index]
        competition = get_competition(job.competition_id)
        report = _report(competition, score, Path(job.submission_path), exists,
                         started_at[index], leaderboards)
        if seconds is not None:
            report = dataclasses.replace(report, seconds=seconds)
        result.reports[index] = report
        bar.update()

    for index, job in enumerate(job_list):
        path = Path(job.submission_path)
        ref = refs[job.competition_id]
        if isinstance(ref, str):
            result.reports[index] = _failed_report(
                job.competition_id, path, ref, time.perf_counter(), leaderboards)
            bar.update()
            continue
        lower = get_competition(job.competition_id).is_lower_better
        problem, digest = inspections[index].result()
        if problem is not None:
            finish(index, Score.rejected(problem, is_lower_better=lower), path.is_file())
            continue
        spec = overrides.get(job.competition_id)
        engine = __version__ if spec is None else f"{__version__}+{spec}"
        key = (job.competition_id, digest, ref.answers_hash, engine)
        stored = store.get(key) if resume else None
        if stored is not None:
            finish(index, Score(stored["value"], stored["raw"], lower, stored["error"]), True,
                   stored["seconds"])
            result.reused += 1
            continue
        tasks.append((job.competition_id, str(path), ref, spec))
        task_jobs.append((index, key))

    def on_result(task_index: int, outcome: dict[str, Any]) -> None:
        index, key = task_jobs[task_index]
        lower = get_competition(job_list[index].competition_id).is_lower_better
        failure = outcome.get("failure")
        if failure:
            result.failures[failure] = result.failures.get(failure, 0) + 1
            score = Score.rejected(outcome["error"], is_lower_better=lower)
            finish(index, score, True)
        else:
            score = Score(outcome["value"], outcome["raw"], lower, outcome["error"])
            finish(index, score, True, outcome["seconds"])
            # Timeouts and dead workers are not stored: a rerun tries them again.
            store.put(key, outcome)
        result.graded += 1

    try:
        if dask_client is not None:
            from mlebench_fast.bulk.dask_backend import run_dask

            run_dask(tasks, on_result, dask_client, send_answers=dask_send_answers,
                     timeout=timeout)
        elif tasks:
            pool.run(tasks, on_result, timeout=timeout, groups=[task[0] for task in tasks])
    finally:
        bar.close()
        store.close()
    return result


def write_outputs(
    reports: list[CompetitionReport], output_dir: str | os.PathLike[str]
) -> tuple[Path, Path, dict[str, Any]]:
    """The reference's ``<timestamp>_grading_report.json`` plus the same rows as Parquet,
    each written to a temporary name and renamed, so never half-written."""
    import polars as pl

    from mlebench_fast.report import aggregate_reports

    summary = aggregate_reports(reports)
    output = Path(output_dir)
    output.mkdir(parents=True, exist_ok=True)
    timestamp = time.strftime("%Y-%m-%dT%H-%M-%S-%Z", time.gmtime())
    json_path = output / f"{timestamp}_grading_report.json"
    partial = json_path.with_suffix(".json.partial")
    partial.write_text(json.dumps(summary, indent=2))
    partial.replace(json_path)
    parquet_path = output / f"{timestamp}_grading_report.parquet"
    rows = summary["competition_reports"]
    frame = pl.DataFrame(rows, infer_schema_length=None) if rows else pl.DataFrame()
    partial_parquet = parquet_path.with_suffix(".parquet.partial")
    frame.write_parquet(partial_parquet)
    partial_parquet.replace(parquet_path)
    return json_path, parquet_path, summary


def slowest_competitions(reports: list[CompetitionReport], n: int = 5) -> str:
    totals: dict[str, list[float]] = {}
    for report in reports:
        totals.setdefault(report.competition_id, []).append(report.seconds or 0.0)
    ranked = sorted(totals.items(), key=lambda item: -sum(item[1]))[:n]
    lines = ["slowest competitions (grading seconds: total, mean per submission):"]
    lines += [f"  {cid}: {sum(s):.3f} s, {sum(s) / len(s):.3f} s" for cid, s in ranked]
    return "\n".join(lines)
