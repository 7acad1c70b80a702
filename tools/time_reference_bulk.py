"""Times the reference's ``mlebench grade`` on the bulk benchmark suite and keeps its verdicts.

Run it with an interpreter where the reference's dependencies are installed by hand, pointing at a
checkout of openai/mle-bench; it imports the reference from there and installs nothing. Build the
suite first (``make bench`` or ``pytest benchmarks/test_bulk.py``), then:

    /path/to/reference-venv/bin/python tools/time_reference_bulk.py --reference-src /path/to/mle-bench

It grades the suite's JSONL one submission after another with the reference's ``grade_csv``, as
its ``grade_jsonl`` (what ``mlebench grade`` calls) does, with the suite's data dir and synthetic
leaderboards (the real ones are Git LFS files). ``grade_jsonl`` aborts the whole run on the first
file pandas cannot parse, so each call is wrapped here and such a file is recorded as a crash (an
invalid submission for us). The wall time and every entry's verdict go to
``benchmarks/results/bulk_reference.json``, which ``benchmarks/test_bulk.py`` compares our report
with, entry by entry.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMPARED = ("score", "valid_submission", "submission_exists", "gold_medal", "silver_medal",
            "bronze_medal", "above_median", "gold_threshold", "silver_threshold",
            "bronze_threshold", "median_threshold", "is_lower_better")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference-src", required=True, type=Path)
    parser.add_argument("--suite", type=Path, default=ROOT / "benchmarks" / ".data" / "bulk")
    parser.add_argument("--out", type=Path,
                        default=ROOT / "benchmarks" / "results" / "bulk_reference.json")
    parser.add_argument("--competitions", nargs="*",
                        help="regrade only these competitions' jobs, keeping the other entries "
                        "of --out (e.g. after installing a module their grader imports)")
    args = parser.parse_args()
    sys.path.insert(0, str(args.reference_src))
    from mlebench.grade import grade_csv
    from mlebench.registry import Registry
    from mlebench.utils import read_jsonl

    suite = args.suite.resolve()

    class SuiteRegistry(Registry):
        def get_competition(self, competition_id):
            competition = super().get_competition(competition_id)
            leaderboard = suite / "leaderboards" / competition_id / "leaderboard.csv"
            return dataclasses.replace(competition, leaderboard=leaderboard)

    logging.disable(logging.WARNING)  # a warning per missing submission is not what we time
    registry = SuiteRegistry(suite / "data")
    jobs = read_jsonl(str(suite / "submissions.jsonl"), skip_commented_out_lines=True)
    entries, seconds_by_competition = {}, {}
    if args.competitions:
        kept = json.loads(args.out.read_text())
        entries = {k: v for k, v in kept["entries"].items()
                   if k.split("/")[0] not in args.competitions}
        seconds_by_competition = {c: t for c, t in kept["seconds_by_competition"].items()
                                  if c not in args.competitions}
        jobs = [job for job in jobs if job["competition_id"] in args.competitions]
    for job in jobs:
        started = time.perf_counter()
        path = Path(str(job["submission_path"]))
        key = f"{path.parent.name}/{path.name}"
        try:
            report = grade_csv(path, registry.get_competition(job["competition_id"])).to_dict()
            entries[key] = {name: report[name] for name in COMPARED}
        except Exception as exc:  # noqa: BLE001 - the reference's whole run would stop here
            entries[key] = {"crash": f"{type(exc).__name__}: {exc}"[:300]}
        cid = job["competition_id"]
        seconds_by_competition[cid] = (
            seconds_by_competition.get(cid, 0.0) + time.perf_counter() - started
        )
    seconds = sum(seconds_by_competition.values())
    crashes = sum("crash" in entry for entry in entries.values())
    args.out.write_text(json.dumps(
        {"jobs": len(entries), "crashes": crashes, "seconds": seconds,
         "seconds_by_competition": seconds_by_competition, "entries": entries},
        indent=0, sort_keys=True) + "\n")
    print(f"reference: {len(entries)} submissions in {seconds:.1f} s, {crashes} crashes", flush=True)


if __name__ == "__main__":
    main()
