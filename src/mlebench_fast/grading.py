"""Grading: one submission to a Score, one file to a report, a JSONL of submissions to a summary."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable
from datetime import datetime
from os import PathLike
from pathlib import Path
from typing import Any

from tqdm.auto import tqdm

from mlebench_fast import answers_cache
from mlebench_fast.competitions.spec import Competition
from mlebench_fast.exceptions import (
    DatasetNotPreparedError,
    GraderNotImplementedError,
    InvalidSubmissionError,
    UnknownCompetitionError,
)
from mlebench_fast.io import Table, as_table
from mlebench_fast.leaderboard import rank, thresholds_for
from mlebench_fast.paths import default_data_dir
from mlebench_fast.registry import get_competition
from mlebench_fast.report import CompetitionReport, aggregate_reports
from mlebench_fast.score import Score

logger = logging.getLogger(__name__)

SubmissionLike = Any  # a path, a pandas / polars DataFrame, a pyarrow Table or a Table
PathLikeStr = str | PathLike[str]


def _competition(competition: str | Competition) -> Competition:
    return competition if isinstance(competition, Competition) else get_competition(competition)


def _answers(competition: Competition, answers: Any, data_dir: PathLikeStr | None) -> Any:
    competition.grader  # noqa: B018 - an unbuilt grader says so before the data is looked for
    if answers is None:
        root = Path(data_dir) if data_dir is not None else default_data_dir()
        return answers_cache.prepared_answers(competition, competition.answers_path(root))
    if isinstance(answers, (str, PathLike)):
        return answers_cache.prepared_answers(competition, Path(answers))
    return competition.grader.prepare_answers(as_table(answers))


def _require_prepared(competition: Competition, data_dir: PathLikeStr | None) -> None:
    competition.grader  # noqa: B018 - an unbuilt grader says so before the data is looked for
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    if not competition.answers_path(root).is_file():
        raise DatasetNotPreparedError(answers_cache.not_prepared_message(competition.id))


def score_table(
    competition: Competition, submission: Table, prepared_answers: Any, *, grader: Any = None
) -> Score:
    """Runs the grader (``grader`` replaces the competition's, e.g. a test's); like the
    reference, any exception it raises rejects the submission."""
    lower = competition.is_lower_better
    try:
        raw = (grader or competition.grader).score(submission, prepared_answers)
    except InvalidSubmissionError as exc:
        return Score.rejected(str(exc), is_lower_better=lower)
    except Exception as exc:  # noqa: BLE001 - the reference turns every grader failure into None
        return Score.rejected(f"{type(exc).__name__}: {exc}", is_lower_better=lower)
    return Score.graded(raw, is_lower_better=lower)


def score_file(
    competition: Competition, path: Path, prepared_answers: Any, *, grader: Any = None
) -> Score | None:
    """The grader's own reading of a submission file (``score_file``: a big file streamed), or
    None when it has none or does not take this file; then :func:`score_table` grades it.
    Exceptions reject the submission, as in :func:`score_table`."""
    by_file = getattr(grader or competition.grader, "score_file", None)
    if by_file is None or not path.is_file():
        return None
    lower = competition.is_lower_better
    try:
        raw = by_file(path, prepared_answers)
    except InvalidSubmissionError as exc:
        return Score.rejected(str(exc), is_lower_better=lower)
    except Exception as exc:  # noqa: BLE001 - the reference turns every grader failure into None
        return Score.rejected(f"{type(exc).__name__}: {exc}", is_lower_better=lower)
    return None if raw is None else Score.graded(raw, is_lower_better=lower)


def grade_submission(
    submission: SubmissionLike,
    competition_id: str,
    *,
    answers: Any = None,
    data_dir: PathLikeStr | None = None,
) -> Score:
    """Grades one submission.

    ``submission`` is a path to a CSV, a pandas or Polars DataFrame, or a pyarrow Table;
    ``answers`` a path or a frame, by default the competition's answers under ``data_dir``
    (default: the reference's data dir). A submission the reference would reject comes back
    with ``score.valid`` False and ``score.error`` saying why.
    """
    competition = _competition(competition_id)
    prepared = _answers(competition, answers, data_dir)
    if isinstance(submission, (str, PathLike)):
        streamed = score_file(competition, Path(submission), prepared)
        if streamed is not None:
            return streamed
    try:
        table = as_table(submission)
    except InvalidSubmissionError as exc:
        return Score.rejected(str(exc), is_lower_better=competition.is_lower_better)
    return score_table(competition, table, prepared)


def _is_csv_file(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() == ".csv"


def grade_csv(
    path_to_submission: PathLikeStr,
    competition: str | Competition,
    *,
    data_dir: PathLikeStr | None = None,
    leaderboards: PathLikeStr | None = None,
) -> CompetitionReport:
    """Grades a submission CSV into a report with the reference's keys (``mlebench grade-sample``)."""
    started = time.perf_counter()
    competition = _competition(competition)
    path = Path(path_to_submission)
    submission_exists = _is_csv_file(path)
    if submission_exists:
        score = grade_submission(path, competition.id, data_dir=data_dir)
    else:
        # The reference checks the dataset first, even for a missing submission; that is a
        # check that the answers exist, not a reason to parse them.
        _require_prepared(competition, data_dir)
        message = (
            f"Invalid submission file: {path}. "
            "Please check that the file exists and it is a CSV."
        )
        logger.warning(message)
        score = Score.rejected(message, is_lower_better=competition.is_lower_better)
    return _report(competition, score, path, submission_exists, started, leaderboards)


def _report(
    competition: Competition,
    score: Score,
    path: Path,
    submission_exists: bool,
    started: float,
    leaderboards: PathLikeStr | None,
) -> CompetitionReport:
    thresholds = thresholds_for(
        competition.id, Path(leaderboards) if leaderboards is not None else None
    )
    if thresholds is None:
        medals: dict[str, Any] = dict.fromkeys(
            ("gold_medal", "silver_medal", "bronze_medal", "above_median", "gold_threshold",
             "silver_threshold", "bronze_threshold", "median_threshold"),
        )
        any_medal = None
        is_lower_better = competition.is_lower_better
    else:
        medals = rank(score.value, thresholds)
        any_medal = medals["gold_medal"] or medals["silver_medal"] or medals["bronze_medal"]
        # The reference reports the direction it reads off the leaderboard.
        is_lower_better = thresholds.lower_is_better
    return CompetitionReport(
        competition_id=competition.id,
        score=score.value,
        any_medal=any_medal,
        submission_exists=submission_exists,
        valid_submission=score.valid,
        is_lower_better=is_lower_better,
        created_at=datetime.now(),
        submission_path=str(path),
        score_raw=score.raw,
        error=score.error,
        metric=competition.metric.name,
        seconds=round(time.perf_counter() - started, 6),
        **medals,
    )


def _failed_report(
    competition_id: str, path: Path, error: str, started: float, leaderboards: PathLikeStr | None
) -> CompetitionReport:
    """A competition that could not be graded at all (unknown, unprepared, not implemented)."""
    try:
        competition = get_competition(competition_id)
    except UnknownCompetitionError:
        return CompetitionReport(
            competition_id=competition_id, score=None, gold_threshold=None,
            silver_threshold=None, bronze_threshold=None, median_threshold=None,
            any_medal=None, gold_medal=None, silver_medal=None, bronze_medal=None,
            above_median=None, submission_exists=_is_csv_file(path), valid_submission=False,
            is_lower_better=False, created_at=datetime.now(), submission_path=str(path),
            error=error, seconds=round(time.perf_counter() - started, 6),
        )
    score = Score.rejected(error, is_lower_better=competition.is_lower_better)
    return _report(competition, score, path, _is_csv_file(path), started, leaderboards)


def grade_jobs(
    jobs: Iterable[tuple[str, PathLikeStr]],
    *,
    data_dir: PathLikeStr | None = None,
    leaderboards: PathLikeStr | None = None,
) -> list[CompetitionReport]:
    """Grades (competition id, submission path) pairs in order.

    Unlike the reference (openai/mle-bench#61), a competition that is unknown, not prepared or
    not implemented yields a report that says so, and the run goes on.
    """
    jobs = list(jobs)
    reports = []
    # A bar on a terminal (jobs done, rate, ETA); tqdm stays silent when stderr is not a TTY.
    progress = tqdm(jobs, desc="Grading submissions", unit="submission", disable=None, leave=False)
    for competition_id, submission_path in progress:
        started = time.perf_counter()
        path = Path(str(submission_path))
        try:
            report = grade_csv(path, competition_id, data_dir=data_dir, leaderboards=leaderboards)
        except (UnknownCompetitionError, DatasetNotPreparedError, GraderNotImplementedError) as exc:
            logger.error("%s: %s", competition_id, exc)
            report = _failed_report(competition_id, path, str(exc), started, leaderboards)
        reports.append(report)
    return reports


def read_submission_jobs(path_to_submissions: PathLikeStr) -> list[tuple[str, str]]:
    """The (competition id, submission path) pairs of a reference submissions JSONL.

    Blank lines and lines starting with ``#`` or ``//`` are skipped, as the reference skips them.
    """
    jobs = []
    for line_number, line in enumerate(Path(path_to_submissions).read_text().splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "//")):
            continue
        try:
            entry = json.loads(stripped)
            jobs.append((entry["competition_id"], str(entry["submission_path"])))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            msg = (
                f"{path_to_submissions}:{line_number}: expected a JSON object with "
                f"`competition_id` and `submission_path`, got {stripped[:80]!r} ({exc})"
            )
            raise ValueError(msg) from exc
    return jobs


def grade_jsonl(
    path_to_submissions: PathLikeStr,
    output_dir: PathLikeStr,
    *,
    data_dir: PathLikeStr | None = None,
    leaderboards: PathLikeStr | None = None,
) -> tuple[Path, dict[str, Any]]:
    """Grades every submission a JSONL names and writes ``<timestamp>_grading_report.json``.

    Returns the report's path and its content (the reference's summary keys).
    """
    jobs = read_submission_jobs(path_to_submissions)
    reports = grade_jobs(jobs, data_dir=data_dir, leaderboards=leaderboards)
    summary = aggregate_reports(reports)
    output = Path(output_dir)
    output.mkdir(parents=True, exist_ok=True)
    timestamp = time.strftime("%Y-%m-%dT%H-%M-%S-%Z", time.gmtime())
    save_path = output / f"{timestamp}_grading_report.json"
    temporary = save_path.with_suffix(".json.partial")
    temporary.write_text(json.dumps(summary, indent=2))
    temporary.replace(save_path)  # never a half-written report
    return save_path, summary


def validate_submission(
    submission: PathLikeStr, competition_id: str, *, data_dir: PathLikeStr | None = None
) -> tuple[bool, str]:
    """The reference's ``validate_submission``: (is valid, message), in its words."""
    path = Path(submission)
    if not path.is_file():
        return False, f"Submission invalid! Submission file {path} does not exist."
    if path.suffix.lower() != ".csv":
        return False, "Submission invalid! Submission file must be a CSV file."
    score = grade_submission(path, competition_id, data_dir=data_dir)
    if not score.valid:
        return (
            False,
            "Submission invalid! The attempt to grade the submission has resulted in the "
            f"following error message:\n{score.error}",
        )
    return True, "Submission is valid."


__all__ = [
    "aggregate_reports",
    "grade_csv",
    "grade_jobs",
    "grade_jsonl",
    "grade_submission",
    "read_submission_jobs",
    "score_table",
    "validate_submission",
]
