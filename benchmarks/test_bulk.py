"""Bulk grading: 1,000 real-size submissions over 25 competitions, one core and every core.

Each run starts from an empty cache dir, so it pays for parsing every competition's answers once,
as a fresh ``mlebench-fast grade`` does. The gate is the one-core run over the read floor of every
submission (the faster of Polars' and pyarrow's readers, measured in the same run on one
submission per competition and counted once per submission file), so it holds on any machine.
The reference's time and verdicts on the same suite come from ``tools/time_reference_bulk.py``
(``results/bulk_reference.json``); when they are there, every entry of our report must agree with
the reference's and the speedup goes into ``results/bulk.json`` and the README.
"""

from __future__ import annotations

import json
import math
import os
import time
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.bulk import BULK_COMPETITIONS, bulk_suite, entry_key
from benchmarks.timing import floor_seconds
from mlebench_fast.bulk import grade_many, read_jobs

HERE = Path(__file__).parent
RESULTS = HERE / "results"
CEILING = json.loads((HERE / "ceilings.json").read_text())["bulk_over_floor"]
COMPARED_FLAGS = ("valid_submission", "submission_exists", "gold_medal", "silver_medal",
                  "bronze_medal", "above_median", "is_lower_better")
COMPARED_FLOATS = ("score", "gold_threshold", "silver_threshold", "bronze_threshold",
                   "median_threshold")
# Documented limits of parity (README, "Known limits"): here scores and medals may differ, the
# verdict (graded or rejected) may not.
KNOWN_DIFFERENCES = {
    "hms-harmful-brain-activity-classification":
        "rows paired by position after numpy's quicksort of repeated ids, whose tie order "
        "differs between numpy 1.26 on AVX-512 and numpy 2",
}
SCORE_FIELDS = {"score", "gold_medal", "silver_medal", "bronze_medal", "above_median"}


@pytest.fixture(scope="module")
def suite():
    return bulk_suite()


def _run(suite, workers: int, cache_dir: Path):
    jobs = read_jobs(suite.submissions_jsonl)
    started = time.perf_counter()
    result = grade_many(jobs, data_dir=suite.data_dir, leaderboards=suite.leaderboards_dir,
                        cache_dir=cache_dir, workers=workers, resume=False, progress=False)
    return time.perf_counter() - started, result


def _read_floor(suite) -> float:
    jobs = read_jobs(suite.submissions_jsonl)
    present = Counter(job.competition_id for job in jobs if Path(job.submission_path).is_file())
    total = 0.0
    for cid, count in present.items():
        sample = next(Path(j.submission_path) for j in jobs
                      if j.competition_id == cid and Path(j.submission_path).is_file()
                      and not _is_malformed(Path(j.submission_path)))
        total += floor_seconds(str(sample), repeat=3) * count
    return total


def _is_malformed(path: Path) -> bool:
    try:
        import polars as pl

        pl.read_csv(path, n_rows=10)
    except Exception:  # noqa: BLE001 - any reader failure means "not a sample to time"
        return True
    return False


def _disagreements(reports, reference: dict) -> tuple[list[str], list[str]]:
    """(problems, known): entries that differ from the reference's, and those that differ only
    where a documented limit allows."""
    problems: list[str] = []
    known: list[str] = []
    ours = {entry_key(r.submission_path): r.to_dict() for r in reports}
    if set(ours) != set(reference):
        return [f"different jobs: {sorted(set(ours) ^ set(reference))[:5]}"], known
    for key, theirs in reference.items():
        mine = ours[key]
        allowed = SCORE_FIELDS if key.split("/")[0] in KNOWN_DIFFERENCES else set()
        if "crash" in theirs:  # the reference raised: for us an invalid submission, with a reason
            if mine["valid_submission"] or mine["score"] is not None:
                problems.append(f"{key}: graded {mine['score']}, the reference raised "
                                f"{theirs['crash']}")
            continue
        for name in COMPARED_FLAGS:
            if bool(mine[name]) != bool(theirs[name]):
                (known if name in allowed else problems).append(
                    f"{key}: {name} {mine[name]} vs the reference's {theirs[name]}")
        for name in COMPARED_FLOATS:
            a, b = mine[name], theirs[name]
            same = (a is None and b is None) or (
                a is not None and b is not None
                and (math.isclose(a, b, rel_tol=1e-9) or (math.isnan(a) and math.isnan(b)))
            )
            if not same:
                (known if name in allowed else problems).append(
                    f"{key}: {name} {a} vs the reference's {b}")
    return problems, known


def test_bulk_grading_scales_and_agrees_with_the_reference(suite, tmp_path):
    cores = os.cpu_count() or 1
    one_core, result = _run(suite, 1, tmp_path / "one")
    all_cores, parallel = _run(suite, cores, tmp_path / "all")
    assert [r.to_dict()["score_raw"] for r in result.reports] == [
        r.to_dict()["score_raw"] for r in parallel.reports
    ], "the report must not depend on the number of workers"
    assert not result.failures, result.failures
    floor = _read_floor(suite)
    figures = {
        "jobs": len(result.reports),
        "competitions": len(BULK_COMPETITIONS),
        "valid": sum(r.valid_submission for r in result.reports),
        "seconds_by_workers": {"1": one_core, str(cores): all_cores},
        "read_floor_seconds": floor,
        "one_core_over_floor": one_core / floor,
    }
    reference_path = RESULTS / "bulk_reference.json"
    if reference_path.is_file():
        reference = json.loads(reference_path.read_text())
        problems, known = _disagreements(parallel.reports, reference["entries"])
        assert not problems, "\n".join(
            problems[:20] + ["(rerun tools/time_reference_bulk.py if the suite changed)"]
        )
        figures["reference_seconds"] = reference["seconds"]
        figures["speedup"] = reference["seconds"] / all_cores
        figures["speedup_one_core"] = reference["seconds"] / one_core
        differing = {line.split(":")[0] for line in known}
        figures["entries_agreeing"] = len(reference["entries"]) - len(differing)
        figures["entries_differing_by_known_limits"] = {
            cid: sum(key.startswith(cid + "/") for key in differing) for cid in KNOWN_DIFFERENCES
        }
        figures["reference_crashes"] = reference["crashes"]
    (RESULTS / "bulk.json").write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n")
    assert one_core / floor <= CEILING, (
        f"bulk grading on one core takes {one_core / floor:.1f}x the read floor of its "
        f"submissions, above the recorded ceiling of {CEILING}x"
    )
