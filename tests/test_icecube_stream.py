"""icecube's streamed grading (big files) against its whole-file grading, on the golden cases
with the stream forced on and tiny windows: the same verdicts, scores and raw types; the
stream takes the common case and hands every other file to the whole-file path."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from mlebench_fast import answers_cache, grade_submission
from mlebench_fast.competitions import icecube_neutrinos_in_deep_ice as icecube
from mlebench_fast.io import csv_stream, read_csv

CID = "icecube-neutrinos-in-deep-ice"
GOLDEN = Path(__file__).parent / "golden" / CID
ANSWERS = GOLDEN / "answers.csv"
CASES = json.loads((GOLDEN / "expected.json").read_text())["cases"]
# what the stream takes: the rest goes to the whole-file path (negative_angles: its -0.0 cells)
STREAMED = {
    "bom", "columns_reordered", "float_strings", "huge_angles", "int_angles", "noisy",
    "opposite_directions", "out_of_range", "perfect", "poles", "random", "sample_submission",
    "shuffled", "south_pole_int", "spaces_around_values",
}


@pytest.fixture(params=[7, 100, 1 << 20], ids=lambda b: f"window{b}")
def streaming(request, monkeypatch):
    monkeypatch.setattr(icecube, "STREAM_MIN_BYTES", 0)
    monkeypatch.setattr(csv_stream, "WINDOW_BYTES", request.param)
    monkeypatch.setenv("MLEBENCH_FAST_THREADS", "3")
    monkeypatch.setattr(csv_stream, "PARALLEL_MIN_BYTES", 16)
    answers_cache.clear()
    yield
    answers_cache.clear()


def test_streamed_answers_equal_the_whole_file_ones(streaming):
    streamed = icecube.GRADER.prepare_answers_file(ANSWERS)
    whole = icecube.GRADER.prepare_answers(read_csv(ANSWERS))
    assert streamed is not None and streamed.lookup is not None
    assert streamed.id_base == whole.id_base
    for name in ("sorted_ids", "offsets", "terms"):
        a, b = getattr(streamed, name), getattr(whole, name)
        assert a.dtype == b.dtype and np.array_equal(a, b)
    for a, b in zip(streamed.lookup, whole.lookup):
        assert np.array_equal(a, b)
    assert np.array_equal(streamed.ids, read_csv(ANSWERS).frame["event_id"].sort().to_numpy())


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_cases_streamed(streaming, name):
    expected = CASES[name]
    path = GOLDEN / "submissions" / f"{name}.csv"
    prepared = answers_cache.prepared_answers(icecube_competition(), ANSWERS)
    raw = icecube.GRADER.score_file(path, prepared)
    assert (raw is not None) == (name in STREAMED), name
    if raw is not None:
        whole = icecube.GRADER.score(read_csv(path), prepared)
        assert type(raw) is type(whole) and raw == whole
    score = grade_submission(path, CID, answers=ANSWERS)
    if expected["verdict"] == "graded":
        assert score.valid, score.error
        theirs = float(expected["raw"])
        assert math.isclose(score.raw, theirs, rel_tol=1e-9, abs_tol=1e-15)
        assert score.value == float(expected["value"])
    else:
        assert not score.valid


def icecube_competition():
    from mlebench_fast.registry import get_competition

    return get_competition(CID)


def _write(path: Path, ids, az, zen) -> Path:
    lines = ["event_id,azimuth,zenith"] + [f"{i},{float(a)!r},{float(z)!r}" for i, a, z in zip(ids, az, zen)]
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.parametrize("case", ["unsorted", "repeated", "negative", "wide", "float"])
def test_answers_shapes(streaming, tmp_path, case):
    """Answers that are unsorted, repeat an id, are negative or span more than 2**32 (int64
    offsets), or have float ids: the stream gives what the whole-file path gives, or declines."""
    rng = np.random.default_rng(1)
    n = 50
    ids = rng.choice(10_000, n, replace=False).astype(np.int64)
    if case == "repeated":
        ids[3] = ids[7]
    if case == "negative":
        ids -= 5_000
    if case == "wide":
        ids[0] = 2**40
    az, zen = rng.uniform(0, 6, n), rng.uniform(0, 3, n)
    answers = _write(tmp_path / "answers.csv", ids, az, zen)
    if case == "float":
        answers.write_text(answers.read_text().replace(f"\n{ids[0]},", f"\n{ids[0]}.0,"))
    streamed = icecube.GRADER.prepare_answers_file(answers)
    whole = icecube.GRADER.prepare_answers(read_csv(answers))
    if case in ("repeated", "float"):
        assert streamed is None
    else:
        assert streamed is not None
        assert np.array_equal(streamed.ids, whole.ids)
        assert streamed.sorted_ids.dtype == (np.int64 if case == "wide" else np.uint32)
    order = rng.permutation(n)
    sub = _write(tmp_path / "sub.csv", ids[order], rng.uniform(0, 6, n), rng.uniform(0, 3, n))
    raw = icecube.GRADER.score_file(sub, whole)
    expected = icecube.GRADER.score(read_csv(sub), whole)
    assert raw is None if case in ("repeated", "float") else raw == expected


@pytest.mark.parametrize("n", [1, 2, 3, 7, 64, 1001])
def test_ids_narrowed_in_place_equal_astype(n):
    ids = np.random.default_rng(n).integers(0, 2**32, n).astype(np.int64)
    want = ids.astype(np.uint32)
    got = icecube._narrowed(ids.copy())
    assert got.dtype == np.uint32 and np.array_equal(got, want)
    assert np.array_equal(icecube._narrowed(ids[::2]), want[::2])  # a view: copied instead
