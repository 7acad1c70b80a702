"""``mlebench-fast demo``: build the embedded synthetic suite, grade it, print the summary."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from mlebench_fast.grading import grade_jsonl
from mlebench_fast.registry import implemented_competition_ids
from mlebench_fast.report import CompetitionReport
from mlebench_fast.summary import format_table, summarize
from mlebench_fast.synthetic import generator_ids
from mlebench_fast.synthetic.suite import build_suite


# Real test sets go up to millions of rows; the demo caps them so that it runs in well under a
# minute (`make bench` grades the real sizes).
DEMO_MAX_ROWS = 20_000
SHOWN_REJECTIONS = 12


def run_demo(output_dir: Path, *, seeds: int = 3, max_rows: int | None = DEMO_MAX_ROWS) -> int:
    ids = sorted(set(implemented_competition_ids()) & set(generator_ids()))
    started = time.perf_counter()
    cap = f", at most {max_rows:,} rows each" if max_rows else ""
    print(f"Building a synthetic suite: {len(ids)} competitions x {seeds} seeds{cap} ...",
          flush=True)
    layout = build_suite(output_dir / "suite", ids, seeds=seeds, max_rows=max_rows)
    built = time.perf_counter()
    print(f"  built in {built - started:.1f} s under {layout.root}", flush=True)
    print(f"Grading {layout.submissions_jsonl} ...", flush=True)
    # The suite leaves some submissions missing on purpose; the summary counts them.
    logging.getLogger("mlebench_fast.grading").setLevel(logging.ERROR)
    save_path, summary = grade_jsonl(
        layout.submissions_jsonl,
        output_dir / "reports",
        data_dir=layout.data_dir,
        leaderboards=layout.leaderboards_dir,
    )
    graded = time.perf_counter()
    reports = [CompetitionReport.from_dict(r) for r in summary["competition_reports"]]
    print(f"  graded {len(reports)} submissions in {graded - built:.2f} s; report: {save_path}")
    print()
    print(format_table(summarize(reports)))
    print()
    failures = [r for r in reports if r.submission_exists and not r.valid_submission]
    print(f"{len(failures)} submissions rejected (each report's `error` says why), e.g.:")
    for report in failures[:SHOWN_REJECTIONS]:
        reason = (report.error or "").splitlines()[0]
        print(f"  {report.competition_id}/{Path(report.submission_path).name}: {reason[:90]}")
    sys.stdout.flush()
    return 0
