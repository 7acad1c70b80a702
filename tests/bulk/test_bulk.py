from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import polars as pl

from mlebench_fast.bulk import Job, grade_many, jobs_from_run_group, read_jobs
from mlebench_fast.cli import main
from mlebench_fast.grading import grade_jobs, read_submission_jobs

from .conftest import strip


def _jobs(suite):
    return read_submission_jobs(suite.submissions_jsonl)


def _kwargs(suite, cache_dir):
    return {"data_dir": suite.data_dir, "leaderboards": suite.leaderboards_dir,
            "cache_dir": cache_dir}


def test_same_reports_in_the_same_order_whatever_the_workers(suite, cache_dir, tmp_path):
    jobs = _jobs(suite) + [("no-such-competition", "x.csv"), ("spaceship-titanic", "None")]
    expected = [strip(r) for r in grade_jobs(jobs, data_dir=suite.data_dir,
                                             leaderboards=suite.leaderboards_dir)]
    one = grade_many(jobs, workers=1, **_kwargs(suite, tmp_path / "c1"))
    two = grade_many(jobs, workers=2, **_kwargs(suite, tmp_path / "c2"))
    assert [strip(r) for r in one.reports] == expected
    assert [strip(r) for r in two.reports] == expected
    # The answers were cached once per competition, as IPC named by their content hash.
    assert len(list((tmp_path / "c1" / "answers").glob("*.arrow"))) == len(suite.competition_ids)


def test_rerun_reuses_the_store_and_regrades_a_changed_submission(suite, cache_dir):
    jobs = _jobs(suite)
    first = grade_many(jobs, workers=2, **_kwargs(suite, cache_dir))
    again = grade_many(jobs, workers=2, **_kwargs(suite, cache_dir))
    assert again.graded == 0 and again.reused == first.graded
    assert [strip(r) for r in again.reports] == [strip(r) for r in first.reports]
    path = next(Path(p) for _, p in jobs if Path(p).is_file() and "spaceship" in p)
    original = path.read_bytes()
    try:
        path.write_bytes(original + b"\n")  # same rows, new content hash
        third = grade_many(jobs, workers=1, **_kwargs(suite, cache_dir))
    finally:
        path.write_bytes(original)
    assert third.graded == 1


def test_bad_files_are_reported_not_fatal(suite, cache_dir, tmp_path):
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"PassengerId,Transported\n\x00\x01\x02")
    huge = tmp_path / "huge.csv"
    huge.write_bytes(b"PassengerId,Transported\n" + b"0001_01,True\n" * 1000)
    text = tmp_path / "sub.txt"
    text.write_text("a,b\n")
    cid = "spaceship-titanic"
    jobs = [(cid, str(binary)), (cid, str(huge)), (cid, str(text)), (cid, str(tmp_path / "no.csv"))]
    result = grade_many(jobs, max_submission_bytes=5000, **_kwargs(suite, cache_dir))
    errors = [r.error for r in result.reports]
    assert "binary" in errors[0] and "over the limit" in errors[1]
    assert all("exists and it is a CSV" in e for e in errors[2:])
    assert not any(r.valid_submission for r in result.reports)


def test_crashing_hanging_and_memory_hungry_submissions_cost_one_report_each(
    suite, cache_dir
):
    jobs = [j for j in _jobs(suite) if j[0] == "spaceship-titanic"]
    victim = next(p for _, p in jobs if Path(p).is_file())
    # Each test-only grader replaces spaceship-titanic's in a run of its own, next to real
    # jobs of other competitions. A cold worker's first grading includes Numba's cache load,
    # hence a timeout far above what the real jobs need.
    others = [j for j in _jobs(suite) if j[0] != "spaceship-titanic"]
    for grader, expected, timeout in (("CRASHING", "SIGSEGV", None),
                                      ("HANGING", "timed out", 25),
                                      ("MEMORY_HUNGRY", "MemoryError", None)):
        result = grade_many(
            [("spaceship-titanic", victim), *others], workers=2, timeout=timeout,
            memory_limit_mb=3000,
            grader_override={"spaceship-titanic": f"tests.bulk.fake_graders:{grader}"},
            **_kwargs(suite, cache_dir),
        )
        assert expected in result.reports[0].error, result.reports[0].error
        assert not result.reports[0].valid_submission
        clean = grade_jobs(others, data_dir=suite.data_dir, leaderboards=suite.leaderboards_dir)
        assert [strip(r) for r in result.reports[1:]] == [strip(r) for r in clean]


def test_run_group_folder(suite, tmp_path):
    group = tmp_path / "group"
    runs = []
    for sub in suite.submissions:
        run_id = f"{sub.competition_id}_2024-seed{sub.seed}"
        runs.append(run_id)
        target = group / run_id / "submission"
        target.mkdir(parents=True)
        if sub.path.is_file():
            (target / "submission.csv").write_bytes(sub.path.read_bytes())
    (group / "metadata.json").write_text(json.dumps({"run_group": "g", "runs": runs}))
    jobs = read_jobs(group)
    assert jobs == jobs_from_run_group(group)
    assert [j.competition_id for j in jobs] == [s.competition_id for s in suite.submissions]
    assert all(isinstance(j, Job) for j in jobs)


def test_cli_grade_writes_json_parquet_and_summary(suite, cache_dir, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["grade", "--submission", str(suite.submissions_jsonl), "--output-dir", str(out),
                 "--data-dir", str(suite.data_dir), "--leaderboards",
                 str(suite.leaderboards_dir), "--workers", "2"])
    assert code == 0
    err = capsys.readouterr().err
    assert "slowest competitions" in err and "all" in err
    report = json.loads(next(out.glob("*_grading_report.json")).read_text())
    frame = pl.read_parquet(next(out.glob("*_grading_report.parquet")))
    assert frame.height == report["total_runs"] == len(suite.submissions)
    assert frame["score"].to_list() == [r["score"] for r in report["competition_reports"]]


_SLOW_RUN = """
import sys
from mlebench_fast.bulk import grade_many
from mlebench_fast.grading import read_submission_jobs
if __name__ == "__main__":
    jobs = read_submission_jobs(sys.argv[1])
    grade_many(jobs, data_dir=sys.argv[2], leaderboards=sys.argv[3], cache_dir=sys.argv[4],
               workers=1, grader_override={c: "tests.bulk.fake_graders:SLOW" for c, _ in jobs})
"""


def test_sigkill_mid_run_then_resume_gives_one_result_per_job(suite, cache_dir, tmp_path):
    jobs = _jobs(suite)
    script = tmp_path / "run.py"
    script.write_text(_SLOW_RUN)
    repo = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen(
        [sys.executable, str(script), str(suite.submissions_jsonl), str(suite.data_dir),
         str(suite.leaderboards_dir), str(cache_dir)],
        cwd=repo, start_new_session=True,
        # The test-only graders' package first; an inherited PYTHONPATH (a checkout run
        # without installing it) still applies.
        env={**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (str(repo), os.environ.get("PYTHONPATH")) if p)},
    )
    store = cache_dir / "results.sqlite"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if store.exists():
            try:
                with sqlite3.connect(store, timeout=5) as db:
                    if db.execute("SELECT COUNT(*) FROM results").fetchone()[0] >= 2:
                        break
            except sqlite3.OperationalError:
                pass
        time.sleep(0.02)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers, mid-way
    proc.wait()
    override = {c: "tests.bulk.fake_graders:SLOW" for c, _ in jobs}
    resumed = grade_many(jobs, workers=2, grader_override=override, **_kwargs(suite, cache_dir))
    assert resumed.reused >= 2 and resumed.graded > 0
    with sqlite3.connect(store) as db:
        rows, distinct = db.execute(
            "SELECT COUNT(*), COUNT(DISTINCT competition_id || submission_hash) FROM results"
        ).fetchone()
    assert rows == distinct == resumed.reused + resumed.graded
    fresh = grade_many(jobs, workers=2, grader_override=override,
                       **_kwargs(suite, tmp_path / "fresh"))
    assert [strip(r) for r in resumed.reports] == [strip(r) for r in fresh.reports]


def test_answers_that_cannot_be_parsed_cost_their_competition_only(suite, tmp_path):
    # The workers parse the answers as they first need them: unreadable answers reject that
    # competition's jobs, with the reason, and every other job is graded as usual.
    import shutil

    from mlebench_fast.registry import get_competition

    data_dir = tmp_path / "data"
    shutil.copytree(suite.data_dir, data_dir)
    broken = "spooky-author-identification"
    get_competition(broken).answers_path(data_dir).write_bytes(b"id,author\n\xff\xfe\x00\x01")
    jobs = _jobs(suite)
    expected = grade_many(jobs, workers=1, data_dir=suite.data_dir,
                          leaderboards=suite.leaderboards_dir, cache_dir=tmp_path / "c1")
    got = grade_many(jobs, workers=2, data_dir=data_dir, leaderboards=suite.leaderboards_dir,
                     cache_dir=tmp_path / "c2")
    answer_failures = 0
    for (cid, _), want, have in zip(jobs, expected.reports, got.reports, strict=True):
        if cid != broken:
            assert strip(have) == strip(want)
            continue
        assert not have.valid_submission
        answer_failures += "preparing the answers failed" in (have.error or "")
    assert answer_failures > 0
    assert got.failures == {"answers": answer_failures}


def test_answers_asked_for_at_once_are_parsed_once(suite, tmp_path, monkeypatch):
    from concurrent.futures import ThreadPoolExecutor

    from mlebench_fast.bulk import ipc_cache
    from mlebench_fast.registry import get_competition

    parsed = []
    real_read_csv = ipc_cache.read_csv

    def counting_read_csv(path):
        parsed.append(path)
        time.sleep(0.2)  # long enough for the others to arrive while it parses
        return real_read_csv(path)

    monkeypatch.setattr(ipc_cache, "read_csv", counting_read_csv)
    path = get_competition("spaceship-titanic").answers_path(suite.data_dir)
    with ThreadPoolExecutor(4) as pool:
        refs = list(pool.map(lambda _: ipc_cache.cache_answers(path, tmp_path), range(4)))
    assert len(parsed) == 1
    assert len({ref.ipc_path for ref in refs}) == 1 and refs[0].ipc_path is not None
