"""Peak memory of the three run-length mask competitions at the real size, ours vs the reference.

Method as in test_memory_icecube.py: one grading per fresh subprocess, the child's peak resident
set (``RUSAGE_CHILDREN``), interpreter and imports included on both sides. The reference decodes
every mask into a dense image (hubmap: three slides of 1.36 gigapixels in all; vesuvius: a
40-megapixel fragment; uw-madison: 20,400 slices and 49 stacked volumes); here masks stay runs.
Its peaks on these files were measured once (2026-11-26, under the heavy lock: 2.47 GiB,
1.25 GiB, 3.40 GiB) and are used unless MLEBENCH_REFERENCE_PYTHON / MLEBENCH_REFERENCE_SRC ask for
a fresh measurement.

The target is a quarter of the reference's peak. Measured: 300, 248 and 305 MiB, most of it the
interpreter with Polars, pyarrow and Numba loaded.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from benchmarks.data import competition_files
from benchmarks.test_memory_icecube import OURS, REFERENCE, peak_mib

REFERENCE_PEAK_MIB = {
    "hubmap-kidney-segmentation": 2531.3,
    "vesuvius-challenge-ink-detection": 1285.0,
    "uw-madison-gi-tract-image-segmentation": 3483.5,
}


@pytest.mark.parametrize("competition_id", sorted(REFERENCE_PEAK_MIB))
def test_mask_peak_memory_is_a_quarter_of_the_reference(competition_id):
    answers, submission = competition_files(competition_id)
    files = [str(submission), str(answers), competition_id]
    ours = peak_mib(sys.executable, OURS, *files)
    reference = REFERENCE_PEAK_MIB[competition_id]
    if os.environ.get("MLEBENCH_REFERENCE_PYTHON"):
        reference = peak_mib(
            os.environ["MLEBENCH_REFERENCE_PYTHON"], REFERENCE, *files,
            os.environ.get("MLEBENCH_REFERENCE_SRC", "/work/oracle"),
        )
    out = Path(__file__).parent / "results" / "memory_masks.json"
    out.parent.mkdir(exist_ok=True)
    results = json.loads(out.read_text()) if out.is_file() else {}
    results[competition_id] = {"ours_peak_mib": ours, "reference_peak_mib": reference}
    out.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
    assert ours <= reference / 4, (
        f"{competition_id}: peak {ours:.0f} MiB > a quarter of the reference's {reference:.0f} MiB"
    )
