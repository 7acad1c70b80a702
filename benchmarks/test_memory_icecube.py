"""icecube-neutrinos-in-deep-ice peak memory at the real size (13.2M events), ours vs the reference.

Method: :func:`benchmarks.peak_memory.peak_bytes`: one grading per fresh subprocess (read both
CSVs, grade once), whose peak resident set (``ru_maxrss``) it reports, so interpreter start-up
and imports count on both sides alike. The reference is measured the same way when its
interpreter is given (MLEBENCH_REFERENCE_PYTHON, MLEBENCH_REFERENCE_SRC); otherwise its last
measurement here is used: 2,705 MiB (2026-11-26; competitions.tsv says 3.9 GB).

The target is a quarter of the reference's. Measured 588 MiB (2026-11-27; 1,669 MiB before):
both files are streamed (io/csv_stream.py), the answers into their sorted ids (uint32 offsets),
azimuths and zeniths, the submission a window at a time, each row's distance written at its
id's sorted position; about 146 MiB of it is the interpreter with numpy, Polars, pyarrow and
Numba imported.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from benchmarks.data import competition_files
from benchmarks.peak_memory import peak_bytes

CID = "icecube-neutrinos-in-deep-ice"
REFERENCE_PEAK_MIB = 2705.1


def test_icecube_peak_memory_is_a_quarter_of_the_reference():
    answers, submission = competition_files(CID)
    ours = peak_bytes(CID, submission, answers) / 2**20
    reference = REFERENCE_PEAK_MIB
    if os.environ.get("MLEBENCH_REFERENCE_PYTHON"):
        reference = peak_bytes(
            CID, submission, answers,
            python=os.environ["MLEBENCH_REFERENCE_PYTHON"],
            reference_src=Path(os.environ.get("MLEBENCH_REFERENCE_SRC", "/work/oracle")),
        ) / 2**20
    out = Path(__file__).parent / "results" / "memory_icecube.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"ours_peak_mib": ours, "reference_peak_mib": reference}, indent=1) + "\n")
    assert ours <= reference / 4, f"peak {ours:.0f} MiB > a quarter of the reference's {reference:.0f} MiB"
