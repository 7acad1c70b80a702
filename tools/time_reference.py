"""Times the reference graders on the benchmark files (benchmarks/.data), for the README table.

Run it with an interpreter where the reference's dependencies are installed by hand (pandas 2.2.3,
numpy 1.26.4, scikit-learn 1.5.2, scipy 1.14.1, Levenshtein ...), pointing at a checkout of
openai/mle-bench; it imports the reference from there and installs nothing:

    /path/to/reference-venv/bin/python tools/time_reference.py --reference-src /path/to/mle-bench

It times what the reference does per submission: read the submission, read the answers, grade.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.timing import best_seconds  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference-src", required=True, type=Path)
    parser.add_argument("--data", type=Path, default=ROOT / "benchmarks" / ".data")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "reference.json")
    parser.add_argument("--competitions", nargs="*", help="time only these ids (default: all)")
    parser.add_argument(
        "--once", action="store_true", help="one timed run whose result is also the score (slow graders)"
    )
    args = parser.parse_args()
    sys.path.insert(0, str(args.reference_src))
    from mlebench.utils import load_answers, read_csv

    results = json.loads(args.out.read_text()) if args.out.is_file() else {}
    for folder in sorted(p for p in args.data.glob("*/*") if (p / "submission.csv").is_file()):
        competition_id = folder.parent.name
        if args.competitions and competition_id not in args.competitions:
            continue
        grade = importlib.import_module(f"mlebench.competitions.{competition_id}.grade").grade
        submission = folder / "submission.csv"
        answers = folder / "answers.jsonl"  # where the reference's answers are JSON lines
        if not answers.is_file():
            answers = folder / "answers.csv"

        def run(submission=submission, answers=answers, grade=grade):
            return grade(read_csv(submission), load_answers(answers))

        if args.once:
            t0 = time.perf_counter()
            score = float(run())
            seconds = time.perf_counter() - t0
        else:
            seconds = best_seconds(run, repeat=5, budget=60)
            score = float(run())
        results[competition_id] = {"reference_seconds": seconds, "score": score}
        print(f"{competition_id}: {seconds * 1000:.2f} ms", flush=True)
    args.out.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
