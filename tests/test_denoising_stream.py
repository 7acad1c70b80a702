"""denoising's streamed grading (big files) against its whole-file grading, with the stream
forced on and tiny windows: the golden cases get the same verdicts, scores and raw types; the
stream takes the common case and hands every other file to the whole-file path."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from mlebench_fast import answers_cache, grade_submission
from mlebench_fast.competitions import denoising_dirty_documents as denoising
from mlebench_fast.io import read_csv

CID = "denoising-dirty-documents"
GOLDEN = Path(__file__).parent / "golden" / CID
ANSWERS = GOLDEN / "answers.csv"
CASES = json.loads((GOLDEN / "expected.json").read_text())["cases"]
# what the stream takes; the rest goes to the whole-file path
STREAMED = {
    "float_strings", "id_reversed_rows", "noisy", "out_of_range", "perfect", "random",
    "sample_submission", "shuffled", "spaces_around_values", "value_int_column",
    "value_negative_and_large", "value_overflow_square", "bom", "columns_swapped_order",
}


@pytest.fixture(params=[7, 100, 1 << 20], ids=lambda b: f"window{b}")
def streaming(request, monkeypatch):
    monkeypatch.setattr(denoising, "STREAM_MIN_BYTES", 0)
    monkeypatch.setattr(denoising, "WINDOW_BYTES", request.param)
    monkeypatch.setenv("MLEBENCH_FAST_THREADS", "3")
    answers_cache.clear()
    yield
    answers_cache.clear()


def _same_answers(streamed, whole):
    assert streamed is not None and streamed.pixels is not None
    assert streamed.values.dtype == whole.values.dtype
    assert np.array_equal(streamed.values, whole.values)
    for name in ("image_rank", "rows", "cols", "table", "size"):
        assert np.array_equal(getattr(streamed.pixels, name), getattr(whole.pixels, name)), name
    assert streamed.index.ids.equals(whole.index.ids)  # read whole when first needed


def test_streamed_answers_equal_the_whole_file_ones(streaming):
    _same_answers(denoising.GRADER.prepare_answers_file(ANSWERS),
                  denoising.GRADER.prepare_answers(read_csv(ANSWERS)))


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_cases_streamed(streaming, name):
    expected = CASES[name]
    path = GOLDEN / "submissions" / f"{name}.csv"
    prepared = answers_cache.prepared_answers(_competition(), ANSWERS)
    assert prepared.path is not None  # the answers were streamed
    raw = denoising.GRADER.score_file(path, prepared)
    assert (raw is not None) == (name in STREAMED), name
    if raw is not None:
        whole = denoising.GRADER.score(read_csv(path), prepared)
        assert type(raw) is type(whole) and raw == whole
    score = grade_submission(path, CID, answers=ANSWERS)
    if expected["verdict"] == "graded":
        assert score.valid, score.error
        assert math.isclose(score.raw, float(expected["raw"]), rel_tol=1e-9, abs_tol=1e-15)
        assert score.value == float(expected["value"])
    else:
        assert not score.valid
        if expected.get("error") is not None and expected["verdict"] == "rejected":
            assert score.error == _whole_error(path), name


def _whole_error(path):
    prepared = denoising.GRADER.prepare_answers(read_csv(ANSWERS))
    try:
        denoising.GRADER.score(read_csv(path), prepared)
    except Exception as exc:  # noqa: BLE001
        return str(exc) if type(exc).__name__ == "InvalidSubmissionError" else f"{type(exc).__name__}: {exc}"
    return None


def _competition():
    from mlebench_fast.registry import get_competition

    return get_competition(CID)


def _ids(rng, images, rows, cols):
    return [f"{i}_{r}_{c}" for i in images for r in range(1, rows + 1) for c in range(1, cols + 1)]


def _write(path: Path, ids, values, header="id,value") -> Path:
    path.write_text("\n".join([header] + [f"{i},{v}" for i, v in zip(ids, values)]) + "\n")
    return path


def test_multi_digit_ids_sort_as_strings(streaming, tmp_path):
    """Images, rows and columns of one and more digits ("10_" < "1_", "1" < "10"), shuffled:
    positions are the strings' sorted order."""
    rng = np.random.default_rng(3)
    ids = _ids(rng, [1, 2, 10, 11, 100, 9], 12, 11)
    order = rng.permutation(len(ids))
    values = rng.random(len(ids))
    answers = _write(tmp_path / "answers.csv", [ids[k] for k in order], values)
    whole = denoising.GRADER.prepare_answers(read_csv(answers))
    _same_answers(denoising.GRADER.prepare_answers_file(answers), whole)
    sub = _write(tmp_path / "sub.csv", ids, rng.random(len(ids)))
    streamed = denoising.GRADER.score_file(sub, denoising.GRADER.prepare_answers_file(answers))
    assert streamed == denoising.GRADER.score(read_csv(sub), whole)
    assert type(streamed) is np.float64


ANSWER_FALLBACKS = {
    "non_canonical": lambda ids, vals: (["01_1_1"] + ids[1:], vals),
    "repeated": lambda ids, vals: ([ids[1]] + ids[1:], vals),
    "nan": lambda ids, vals: (ids, ["nan"] + vals[1:]),
    "inf": lambda ids, vals: (ids, ["inf"] + vals[1:]),
    "text": lambda ids, vals: (ids, ["x"] + vals[1:]),
    "na_id": lambda ids, vals: (["NA"] + ids[1:], vals),
    "quoted": lambda ids, vals: (['"1_1_1"'] + ids[1:], vals),
    "sparse": lambda ids, vals: (ids[:-1] + ["1_900_900"], vals),
}


@pytest.mark.parametrize("case", sorted(ANSWER_FALLBACKS))
def test_unusual_answers_are_read_whole(streaming, tmp_path, case):
    ids = _ids(None, [1, 2], 3, 4)
    vals = [repr(float(v)) for v in np.random.default_rng(0).random(len(ids))]
    ids, vals = ANSWER_FALLBACKS[case](ids, vals)
    answers = _write(tmp_path / "answers.csv", ids, vals)
    assert denoising.GRADER.prepare_answers_file(answers) is None


def test_answers_with_other_columns_are_read_whole(streaming, tmp_path):
    ids = _ids(None, [1], 2, 2)
    answers = tmp_path / "answers.csv"
    answers.write_text("id,value,x\n" + "".join(f"{i},0.5,1\n" for i in ids))
    assert denoising.GRADER.prepare_answers_file(answers) is None


SUBMISSION_FALLBACKS = {
    "non_canonical": lambda ids, vals: (["1_01_1"] + ids[1:], vals),
    "repeated": lambda ids, vals: ([ids[1]] + ids[1:], vals),
    "unknown": lambda ids, vals: (["7_1_1"] + ids[1:], vals),
    "outside": lambda ids, vals: (["1_9_1"] + ids[1:], vals),
    "missing_row": lambda ids, vals: (ids[1:], vals[1:]),
    "extra_row": lambda ids, vals: (ids + [ids[0]], vals + [vals[0]]),
    "nan": lambda ids, vals: (ids, ["nan"] + vals[1:]),
    "inf": lambda ids, vals: (ids, ["inf"] + vals[1:]),
    "overflow": lambda ids, vals: (ids, ["1e400"] + vals[1:]),
    "empty_value": lambda ids, vals: (ids, [""] + vals[1:]),
    "text": lambda ids, vals: (ids, ["x"] + vals[1:]),
    "bool": lambda ids, vals: (ids, ["True"] * len(vals)),
    "na_id": lambda ids, vals: (["NA"] + ids[1:], vals),
    "quoted": lambda ids, vals: (['"1_1_1"'] + ids[1:], vals),
    "negative_zero": lambda ids, vals: (ids, ["0.5"] + ["-0"] + vals[2:]),
    "numeric_id": lambda ids, vals: (["111"] + ids[1:], vals),
}


@pytest.mark.parametrize("case", sorted(SUBMISSION_FALLBACKS))
def test_unusual_submissions_are_graded_whole(streaming, tmp_path, case):
    ids = _ids(None, [1, 2], 3, 4)
    rng = np.random.default_rng(0)
    answers = _write(tmp_path / "answers.csv", ids, [repr(float(v)) for v in rng.random(len(ids))])
    prepared = denoising.GRADER.prepare_answers_file(answers)
    assert prepared is not None
    sub_ids, sub_vals = SUBMISSION_FALLBACKS[case](ids, [repr(float(v)) for v in rng.random(len(ids))])
    sub = _write(tmp_path / "sub.csv", sub_ids, sub_vals)
    assert denoising.GRADER.score_file(sub, prepared) is None
    # the whole-file path, with the streamed answers' ids read when it needs them
    got = grade_submission(sub, CID, answers=answers)
    prepared = denoising.GRADER.prepare_answers(read_csv(answers))
    try:
        raw = denoising.GRADER.score(read_csv(sub), prepared)
    except Exception as exc:  # noqa: BLE001
        assert not got.valid
        assert got.error in (str(exc), f"{type(exc).__name__}: {exc}")
    else:  # quoted ids, True/False values, -0: valid, just not streamed
        assert got.valid and got.raw == raw


def test_other_columns_and_small_files_are_graded_whole(monkeypatch, tmp_path):
    ids = _ids(None, [1], 2, 2)
    answers = _write(tmp_path / "answers.csv", ids, ["0.5"] * 4)
    assert denoising.GRADER.prepare_answers_file(answers) is None  # below STREAM_MIN_BYTES
    monkeypatch.setattr(denoising, "STREAM_MIN_BYTES", 0)
    prepared = denoising.GRADER.prepare_answers_file(answers)
    sub = tmp_path / "sub.csv"
    sub.write_text("id,value,x\n" + "".join(f"{i},0.5,1\n" for i in ids))
    assert denoising.GRADER.score_file(sub, prepared) is None
