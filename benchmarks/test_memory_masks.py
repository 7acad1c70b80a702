"""Peak memory of the three run-length mask competitions and denoising at the real size, ours vs
the reference.

Method as in test_memory_icecube.py (:func:`benchmarks.peak_memory.peak_bytes`): one grading per
fresh subprocess, its peak resident set, interpreter and imports included on both sides. The
reference decodes every mask into a dense image (hubmap: three slides of 1.36 gigapixels in all;
vesuvius: a 40-megapixel fragment; uw-madison: 20,400 slices and 49 stacked volumes); here masks
stay runs.
Its peaks on these files were measured once (2026-11-26, under the heavy lock: 2.47 GiB,
1.25 GiB, 3.40 GiB) and are used unless MLEBENCH_REFERENCE_PYTHON / MLEBENCH_REFERENCE_SRC ask for
a fresh measurement.

The target is a quarter of the reference's peak. Measured: 300, 248 and 305 MiB, most of it the
interpreter with Polars, pyarrow and Numba loaded.

denoising-dirty-documents (5.8 million pixels: a 94 MB answers CSV, a 134 MB submission): the
reference holds both files as pandas frames of Python strings and sorts them (1,389 MiB,
2026-11-27). Here both files are streamed (io/csv_stream.py, ids as byte spans): the answers
become a dense int32 table pixel -> sorted position and their values in sorted-id order, the
submission's values are placed at their ids' positions a window at a time. Measured 335 MiB
(2026-11-27; 1,126 MiB before), ~177 MiB of it the interpreter with its imports.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from benchmarks.data import competition_files
from benchmarks.peak_memory import peak_bytes

REFERENCE_PEAK_MIB = {
    "hubmap-kidney-segmentation": 2531.3,
    "vesuvius-challenge-ink-detection": 1285.0,
    "uw-madison-gi-tract-image-segmentation": 3483.5,
    "denoising-dirty-documents": 1388.7,
}


@pytest.mark.parametrize("competition_id", sorted(REFERENCE_PEAK_MIB))
def test_mask_peak_memory_is_a_quarter_of_the_reference(competition_id):
    answers, submission = competition_files(competition_id)
    ours = peak_bytes(competition_id, submission, answers) / 2**20
    reference = REFERENCE_PEAK_MIB[competition_id]
    if os.environ.get("MLEBENCH_REFERENCE_PYTHON"):
        reference = peak_bytes(
            competition_id, submission, answers,
            python=os.environ["MLEBENCH_REFERENCE_PYTHON"],
            reference_src=Path(os.environ.get("MLEBENCH_REFERENCE_SRC", "/work/oracle")),
        ) / 2**20
    out = Path(__file__).parent / "results" / "memory_masks.json"
    out.parent.mkdir(exist_ok=True)
    results = json.loads(out.read_text()) if out.is_file() else {}
    results[competition_id] = {"ours_peak_mib": ours, "reference_peak_mib": reference}
    out.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
    assert ours <= reference / 4, (
        f"{competition_id}: peak {ours:.0f} MiB > a quarter of the reference's {reference:.0f} MiB"
    )
