"""Peak memory of one grading, ours or the reference's, measured the same way for both.

Each measurement runs in a fresh subprocess (nothing cached, nothing shared with the caller) that
reads the answers and the submission and grades once; the figure is that process's peak resident
set, ``getrusage(RUSAGE_SELF).ru_maxrss`` (kilobytes on Linux), interpreter and imports included
on both sides. Run as a script with the reference's interpreter to measure the reference:

    /work/oracle/venv/bin/python benchmarks/peak_memory.py --reference-src /work/oracle ID
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

_OURS = """
import resource, sys
from mlebench_fast import grade_submission
score = grade_submission(sys.argv[2], sys.argv[1], answers=sys.argv[3])
assert score.valid, score.error
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
"""

_REFERENCE = """
import importlib, resource, sys
sys.path.insert(0, sys.argv[4])
from mlebench.utils import read_csv
grade = importlib.import_module(f"mlebench.competitions.{sys.argv[1]}.grade").grade
grade(read_csv(sys.argv[2]), read_csv(sys.argv[3]))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
"""


def peak_bytes(
    competition_id: str,
    submission: Path,
    answers: Path,
    *,
    python: str = sys.executable,
    reference_src: Path | None = None,
) -> int:
    """Peak RSS in bytes of one grading in a fresh ``python`` process."""
    code = _OURS if reference_src is None else _REFERENCE
    args = [python, "-c", code, competition_id, str(submission), str(answers)]
    if reference_src is not None:
        args.append(str(reference_src))
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return int(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("competitions", nargs="+")
    parser.add_argument("--reference-src", type=Path, required=True)
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).parent / "results" / "reference_memory.json"
    )
    args = parser.parse_args()
    # The reference's interpreter has no mlebench_fast: benchmarks.data's folder, by path.
    data_dir = Path(__file__).parent / ".data"
    results = json.loads(args.out.read_text()) if args.out.is_file() else {}
    for competition_id in args.competitions:
        folder = max((data_dir / competition_id).iterdir(), key=lambda p: int(p.name))
        peak = peak_bytes(
            competition_id,
            folder / "submission.csv",
            folder / "answers.csv",
            reference_src=args.reference_src,
        )
        results[competition_id] = {"reference_peak_bytes": peak}
        print(f"{competition_id}: {peak / 2**30:.2f} GiB", flush=True)
    args.out.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
