"""Where bulk jobs come from: the reference's submissions JSONL or a run-group folder."""

from __future__ import annotations

import json
from dataclasses import dataclass
from os import PathLike
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Job:
    competition_id: str
    submission_path: str


def jobs_from_run_group(run_group: str | PathLike[str]) -> list[Job]:
    """The jobs of a run group as the reference's agent runner leaves it.

    ``metadata.json`` lists run ids ``<competition-id>_<suffix>``; each run folder holds
    ``submission/submission.csv`` (absent when the agent left nothing: reported as missing).
    """
    root = Path(run_group)
    metadata = json.loads((root / "metadata.json").read_text())
    runs = metadata["runs"] if isinstance(metadata, dict) else metadata
    jobs = []
    for run_id in runs:
        competition_id = str(run_id).split("_", 1)[0]
        jobs.append(Job(competition_id, str(root / run_id / "submission" / "submission.csv")))
    return jobs


def read_jobs(source: str | PathLike[str]) -> list[Job]:
    """Jobs from a submissions JSONL (the reference's ``mlebench grade --submission``) or a
    run-group folder holding ``metadata.json``."""
    from mlebench_fast.grading import read_submission_jobs

    path = Path(source)
    if path.is_dir():
        return jobs_from_run_group(path)
    return [Job(cid, sub) for cid, sub in read_submission_jobs(path)]
