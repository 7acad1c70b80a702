"""Bulk grading: many submissions over a process pool or a Dask cluster, resumable and isolated."""

from mlebench_fast.bulk.jobs import Job, jobs_from_run_group, read_jobs
from mlebench_fast.bulk.run import BulkResult, grade_many

__all__ = ["BulkResult", "Job", "grade_many", "jobs_from_run_group", "read_jobs"]
