"""icecube-neutrinos-in-deep-ice peak memory at the real size (13.2M events), ours vs the reference.

Method: one grading per fresh subprocess (read both CSVs, grade once); the figure is that child's
peak resident set, ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` (KiB on Linux) read by a runner
process, so interpreter start-up and imports count on both sides alike. The reference is measured
the same way when its interpreter is given (MLEBENCH_REFERENCE_PYTHON, MLEBENCH_REFERENCE_SRC);
otherwise its last measurement here is used: 2,705 MiB (2026-11-26; competitions.tsv says 3.9 GB).

The target is a quarter of the reference's. Measured 1,669 MiB (2026-11-26, reference 2,705 MiB
measured the same way): the answers' prepared arrays (sorted ids and the four sine/cosine rows
the kernel reads instead of recomputing them, ~530 MiB) stay cached while the submission is
read, and Polars' reader maps the whole 611 MB file while building its columns. The big-file
read no longer copies the file's bytes (io/csv.py _read_mapped), but the gate still waits on a
reader that streams the file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.data import competition_files

CID = "icecube-neutrinos-in-deep-ice"
REFERENCE_PEAK_MIB = 2705.1

OURS = """
import sys
from mlebench_fast import grade_submission
r = grade_submission(sys.argv[1], sys.argv[3], answers=sys.argv[2])
assert r.valid, r.error
"""

REFERENCE = """
import importlib, sys
sys.path.insert(0, sys.argv[4])
from mlebench.utils import read_csv
grade = importlib.import_module(f"mlebench.competitions.{sys.argv[3]}.grade").grade
grade(read_csv(sys.argv[1]), read_csv(sys.argv[2]))
"""

RUNNER = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], check=True)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def peak_mib(python: str, code: str, *args: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", RUNNER, python, "-c", code, *args],
        check=True, capture_output=True, text=True,
    )
    return int(out.stdout.strip().splitlines()[-1]) / 1024


@pytest.mark.xfail(reason="~62% of the reference's peak: cached answers' terms plus Polars' mapped file", strict=False)
def test_icecube_peak_memory_is_a_quarter_of_the_reference():
    answers, submission = competition_files(CID)
    files = [str(submission), str(answers), CID]
    ours = peak_mib(sys.executable, OURS, *files)
    reference = REFERENCE_PEAK_MIB
    if os.environ.get("MLEBENCH_REFERENCE_PYTHON"):
        reference = peak_mib(
            os.environ["MLEBENCH_REFERENCE_PYTHON"], REFERENCE, *files,
            os.environ.get("MLEBENCH_REFERENCE_SRC", "/work/oracle"),
        )
    out = Path(__file__).parent / "results" / "memory_icecube.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"ours_peak_mib": ours, "reference_peak_mib": reference}, indent=1) + "\n")
    assert ours <= reference / 4, f"peak {ours:.0f} MiB > a quarter of the reference's {reference:.0f} MiB"
