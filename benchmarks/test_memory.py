"""Peak memory at the real size: at most a quarter of the reference's, measured the same way
(:mod:`benchmarks.peak_memory`: a fresh process reads both files and grades once; its ru_maxrss).

The reference's peaks come from ``benchmarks/peak_memory.py`` run with the reference's interpreter
(``results/reference_memory.json``); without that file, the figure recorded in
``competitions.tsv`` is used.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.data import competition_files
from benchmarks.peak_memory import peak_bytes

RESULTS = Path(__file__).parent / "results"
# competitions.tsv: the reference's peak at the real size, when not measured here.
RECORDED = {"icecube-neutrinos-in-deep-ice": 3.9e9}


def _reference_peak(competition_id: str) -> float:
    measured = RESULTS / "reference_memory.json"
    if measured.is_file():
        entry = json.loads(measured.read_text()).get(competition_id)
        if entry:
            return float(entry["reference_peak_bytes"])
    return RECORDED[competition_id]


@pytest.mark.parametrize("competition_id", sorted(RECORDED))
def test_peak_memory_is_a_quarter_of_the_reference(competition_id):
    answers, submission = competition_files(competition_id)
    ours = peak_bytes(competition_id, submission, answers)
    reference = _reference_peak(competition_id)
    out = RESULTS / "memory.json"
    merged = json.loads(out.read_text()) if out.is_file() else {}
    merged[competition_id] = {"ours_peak_bytes": ours, "reference_peak_bytes": reference}
    out.write_text(json.dumps(merged, indent=1, sort_keys=True) + "\n")
    assert ours <= reference / 4, (
        f"{competition_id}: peak {ours / 2**30:.2f} GiB, above a quarter of the reference's "
        f"{reference / 2**30:.2f} GiB"
    )
