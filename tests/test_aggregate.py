"""Seed aggregation against the reference's ``experiments/aggregate_grading_reports.py``.

``fixtures/medals/aggregate_cases.json`` is written by ``tools/make_aggregate_fixtures.py``, which
runs the reference's functions on random sets of grading report files (missing competitions,
duplicates, shuffled entries, padding, seed limits) and records their output or error message.
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import numpy as np
import pytest

from mlebench_fast.aggregate import (
    SEED_METRIC_KEYS,
    SeedReport,
    aggregate_split,
    average_across_seeds,
    build_complete_seeds,
    load_grading_reports,
    seed_metrics,
)

FIXTURE = Path(__file__).parent / "fixtures" / "medals" / "aggregate_cases.json"
CASES = json.loads(FIXTURE.read_text())["cases"]
FLAGS = ("gold_medal", "silver_medal", "bronze_medal", "above_median", "submission_exists",
         "valid_submission")  # fmt: skip


def grading_report(rows: list[list]) -> dict:
    """The file content tools/make_aggregate_fixtures.py gave the reference."""
    return {
        "competition_reports": [
            {"competition_id": row[0], **dict(zip(FLAGS, row[1:], strict=True)), "score": None}
            for row in rows
        ]
    }


def _write(case: dict, folder: Path) -> list[Path]:
    paths = []
    for name, rows in case["files"].items():
        path = folder / name
        path.write_text(json.dumps(grading_report(rows)))
        paths.append(path)
    return paths


def test_fixture_covers_the_brief() -> None:
    ok = [c for c in CASES if "expected" in c]
    assert any(c["pad_missing"] for c in ok)
    assert any(c["num_seeds"] > 0 for c in ok)
    assert any(c["expected"]["num_seeds_averaged"] == 1 for c in ok)
    messages = {c["error"].split(":")[0].split(" seeds")[0] for c in CASES if "error" in c}
    assert {"Missing reports for competitions", "No competitions provided.", "Requested 2",
            "No reports available to form any seed.", "No"} <= messages  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_reference_aggregate(case: dict, tmp_path: Path) -> None:
    paths = _write(case, tmp_path)
    random.Random(len(paths)).shuffle(paths)  # the given order must not matter
    reports = load_grading_reports(paths)
    kwargs = {"num_seeds": case["num_seeds"], "pad_missing": case["pad_missing"]}
    if "error" in case:
        with pytest.raises(ValueError) as info:
            aggregate_split(reports, case["split"], **kwargs)
        assert str(info.value) == case["error"]
        return
    got = aggregate_split(reports, case["split"], **kwargs)
    # Exact: the same float operations as the reference's numpy / scipy calls.
    assert got == case["expected"]
    assert list(got["metrics"]) == list(case["expected"]["metrics"])
    json.dumps(got, allow_nan=False)  # JSON-ready


def test_whole_grading_reports_accepted(tmp_path: Path) -> None:
    case = next(c for c in CASES if "expected" in c and len(c["files"]) > 2)
    names = sorted(case["files"])
    whole = [grading_report(case["files"][name]) for name in names]
    got = aggregate_split(
        whole, case["split"], num_seeds=case["num_seeds"], pad_missing=case["pad_missing"]
    )
    assert got == case["expected"]


# ------------------------------------------------------------------------------------------
# By hand


def _report(cid: str, **flags: bool) -> SeedReport:
    return SeedReport.from_dict({"competition_id": cid, **dict.fromkeys(FLAGS, False), **flags})


def test_standard_error_matches_scipy() -> None:
    stats = pytest.importorskip("scipy.stats")
    rng = np.random.default_rng(0)
    for n in range(1, 40):
        per_seed = [
            seed_metrics([_report(f"c{j}", gold_medal=bool(rng.random() < 0.3),
                                  valid_submission=bool(rng.random() < 0.8)) for j in range(7)])
            for _ in range(n)
        ]  # fmt: skip
        got = average_across_seeds(per_seed, 7)
        for key in SEED_METRIC_KEYS:
            values = [float(s[key]) for s in per_seed]
            mean = float(np.mean(values))
            sem = float(stats.sem(values, ddof=1)) if n > 1 else 0.0
            assert got["metrics"][key] == {
                "mean": mean,
                "ci_lower": mean - 1.96 * sem,
                "ci_upper": mean + 1.96 * sem,
                "standard_error": sem,
            }


def test_seed_metrics_by_hand() -> None:
    seed = [
        _report("a", gold_medal=True, above_median=True, submission_exists=True,
                valid_submission=True),
        _report("b", bronze_medal=True, submission_exists=True),
        _report("c"),
    ]  # fmt: skip
    got = seed_metrics(seed)
    assert got["total_competitions"] == 3
    assert got["any_medal_percentage"] == 2 / 3 * 100
    assert got["gold_medal_percentage"] == 1 / 3 * 100
    assert got["submission_exists_percentage"] == 2 / 3 * 100
    assert got["silver_medal_percentage"] == 0.0


def test_pad_missing_fills_zero_reports() -> None:
    reports = [_report("a", gold_medal=True), _report("a", gold_medal=True), _report("b")]
    with pytest.raises(ValueError, match="Missing reports for competitions: c;"):
        build_complete_seeds(reports, ["a", "b", "c"], -1)
    seeds = build_complete_seeds(reports, ["a", "b", "c"], -1, pad_missing=True)
    assert len(seeds) == 2
    assert seeds[1][1] == SeedReport.zero("b")
    assert [len(s) for s in build_complete_seeds(reports, ["a", "b"], -1)] == [2]


def test_unknown_medals_count_as_none() -> None:
    entry = {"competition_id": 7, **dict.fromkeys(FLAGS, None)}
    assert SeedReport.from_dict(entry) == SeedReport.zero("7")
    out = aggregate_split([entry], ["7"])
    assert out["metrics"]["any_medal_percentage"]["mean"] == 0.0
    assert not math.isnan(out["metrics"]["total_competitions"]["ci_lower"])
