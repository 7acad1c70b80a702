"""Cold start: `mlebench-fast grade-sample` against `mlebench grade-sample`, each a whole process.

Both grade the same synthetic spaceship-titanic submission against the same answers and
leaderboard. The reference is imported from a checkout given on the command line and run with an
interpreter where its dependencies were installed by hand; nothing is installed here. Its package
is copied to a temporary folder so that the synthetic leaderboard can sit where it looks for it.

    .venv/bin/python tools/time_cold_start.py --oracle-python /path/to/venv/bin/python \\
        --reference-src /path/to/mle-bench
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CID = "spaceship-titanic"


def _time(command: list[str], runs: int) -> list[float]:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        seconds.append(time.perf_counter() - started)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--oracle-python", required=True)
    parser.add_argument("--reference-src", required=True, type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "cold_start.json")
    args = parser.parse_args()

    from mlebench_fast.synthetic import get_generator, write_csv

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        generator, rng = get_generator(CID), np.random.default_rng(0)
        answers = generator.answers(generator.default_rows, rng)
        write_csv(answers, tmp / "data" / CID / "prepared" / "private" / "test.csv")
        write_csv(answers, tmp / "data" / CID / "prepared" / "public" / "sample_submission.csv")
        submission = tmp / "submission.csv"
        write_csv(generator.submission(answers, "noisy", rng), submission)
        reference = tmp / "reference"
        shutil.copytree(args.reference_src / "mlebench", reference / "mlebench")
        leaderboard = generator.leaderboard(rng)
        write_csv(leaderboard, reference / "mlebench" / "competitions" / CID / "leaderboard.csv")
        write_csv(leaderboard, tmp / "leaderboards" / CID / "leaderboard.csv")

        ours = [str(Path(sys.executable).with_name("mlebench-fast")), "grade-sample",
                str(submission), CID, "--data-dir", str(tmp / "data"),
                "--leaderboards", str(tmp / "leaderboards")]
        theirs = [args.oracle_python, "-c",
                  "import sys; sys.path.insert(0, sys.argv.pop(1)); from mlebench.cli import main; "
                  "main()", str(reference), "grade-sample", str(submission), CID,
                  "--data-dir", str(tmp / "data")]
        results = {}
        for name, command in (("mlebench-fast", ours), ("mlebench", theirs)):
            seconds = _time(command, args.runs)
            results[name] = {"min_seconds": min(seconds), "median_seconds": statistics.median(seconds)}
            print(f"{name}: min {min(seconds):.3f} s, median {statistics.median(seconds):.3f} s")
    args.out.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
