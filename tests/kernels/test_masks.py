"""RLE decoding and the tgs-salt IoU sweep against a plain NumPy implementation.

The oracle below materialises every image: it parses tokens with ``int()``, checks the pairs in
the reference's order, paints runs with numpy slicing, and scores with ``np.histogram2d`` on the
boolean masks exactly as the reference's ``iou_metric`` does. The kernel instead works on run
intervals and a closed form of the histogram IoU; these tests are what ties the two together,
including the quirks (an empty prediction binned as a full mask, strict thresholds built by
``np.arange``, odd token counts broadcast by numpy, huge values promoted by numpy).
"""

from __future__ import annotations

import random
import warnings

import numpy as np
import polars as pl
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from mlebench_fast.kernels.masks import (
    IOU_THRESHOLDS,
    MSG_NOT_POSITIVE,
    MSG_OVERLAP,
    MSG_UNSORTED,
    InvalidRLEError,
    decode_rle,
    decode_rle_column,
    iou_sweep_scores,
    tgs_salt_score,
)

H = W = 101
N = H * W


class OracleAssertion(Exception):
    """The oracle's stand-in for the reference's AssertionError."""


def oracle_decode(rle: str, height: int, width: int) -> np.ndarray:
    flat = np.zeros(height * width, dtype=bool)
    if rle.strip() == "":
        return flat.reshape((width, height)).T
    numbers = [int(tok) for tok in rle.split()]
    starts = numbers[::2]
    lengths = numbers[1::2]
    if sorted(starts) != starts:
        raise OracleAssertion(MSG_UNSORTED)
    if min(starts) <= 0 or (lengths and min(lengths) <= 0):
        raise OracleAssertion(MSG_NOT_POSITIVE)
    first = np.asarray(starts) - 1
    last = first + lengths  # numpy: broadcasting, promotion and wrap-around as in the reference
    for lo, hi in zip(first, last):
        if flat[lo:hi].any():
            raise OracleAssertion(MSG_OVERLAP)
        flat[lo:hi] = True
    return flat.reshape((width, height)).T


def oracle_iou_metric(truth: np.ndarray, pred: np.ndarray) -> float:
    if truth.sum() == 0:
        return 1.0 if pred.sum() == 0 else 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # np.histogram converts bool input, with a warning
        joint = np.histogram2d(truth.ravel(), pred.ravel(), bins=(2, 2))[0]
        area_t = np.histogram(truth, bins=2)[0][:, None]
        area_p = np.histogram(pred, bins=2)[0][None, :]
    union = (area_t + area_p - joint)[1:, 1:]
    inter = joint[1:, 1:]
    union[union == 0] = 1e-9
    iou = inter / union
    precisions = []
    for threshold in np.arange(0.5, 1.0, 0.05):
        hit = iou > threshold
        tp = np.sum(hit.sum(axis=1) == 1)
        fp = np.sum(hit.sum(axis=0) == 0)
        fn = np.sum(hit.sum(axis=1) == 0)
        precisions.append(tp / (tp + fp + fn) if tp + fp + fn > 0 else 0)
    return np.mean(precisions)


def oracle_outcome(predictions: list[str], answers: list[str]):
    try:
        pred = [oracle_decode(p, H, W) for p in predictions]
    except OracleAssertion as exc:
        return ("assert", str(exc))
    except (ValueError, TypeError) as exc:
        return ("error", str(exc))
    truth = [oracle_decode(t, H, W) for t in answers]
    return ("ok", np.mean([oracle_iou_metric(t, p) for t, p in zip(truth, pred)]))


def our_outcome(predictions: list[str], answers: list[str]):
    try:
        value = tgs_salt_score(
            pl.Series(predictions, dtype=pl.String), pl.Series(answers, dtype=pl.String)
        )
    except InvalidRLEError as exc:
        return ("assert" if exc.assertion else "error", str(exc))
    assert type(value) is np.float64
    return ("ok", value)


def assert_same(predictions: list[str], answers: list[str]) -> str:
    got, want = our_outcome(predictions, answers), oracle_outcome(predictions, answers)
    assert got[0] == want[0], (got, want, predictions)
    if got[0] == "ok":
        assert got[1] == pytest.approx(want[1], rel=1e-12, abs=0), (got, want)
    else:
        assert got[1] == want[1]
    return got[0]


def encode(mask: np.ndarray) -> str:
    """Column-major 1-based RLE of a (H, W) mask, runs wrapping across columns."""
    flat = np.concatenate(([0], mask.T.ravel().astype(np.int8), [0]))
    edges = np.diff(flat)
    starts = np.flatnonzero(edges == 1)
    stops = np.flatnonzero(edges == -1)
    return " ".join(f"{s + 1} {e - s}" for s, e in zip(starts.tolist(), stops.tolist()))


def blob_masks(n: int, rng: np.random.Generator) -> list[np.ndarray]:
    rows = np.arange(H)[:, None]
    cols = np.arange(W)[None, :]
    out = []
    for _ in range(n):
        kind = rng.integers(6)
        if kind == 0:
            out.append(np.zeros((H, W), dtype=bool))
        elif kind == 1:
            out.append(np.ones((H, W), dtype=bool))
        elif kind == 2:
            out.append(rng.random((H, W)) < rng.random())
        else:
            boundary = rng.uniform(-10, H + 10) + rng.normal(0, 0.5) * (cols - 50)
            out.append(rows >= boundary)
    return out


# --------------------------------------------------------------------------- the closed form


@pytest.mark.parametrize(
    ("truth", "pred", "expected"),
    [
        ("", "", 1.0),
        ("", "1 1", 0.0),
        ("1 10201", "", 1.0),  # empty prediction binned as a full mask: IoU = |T| / N = 1
        ("1 6000", "", 0.2),  # IoU = 6000 / 10201 = 0.588...
        ("1 5000", "", 0.0),
        ("1 10201", "1 10201", 1.0),
        ("1 5", "1 3", 0.2),  # IoU = 0.6 exactly, not above 0.6000000000000001
        ("1 20", "1 11", 0.1),  # IoU = 0.55 exactly, not above 0.55
        ("1 10", "6 10", 0.0),  # IoU = 5 / 15
        ("1 1", "2 1", 0.0),
    ],
)
def test_closed_form_cases(truth: str, pred: str, expected: float) -> None:
    assert oracle_iou_metric(oracle_decode(truth, H, W), oracle_decode(pred, H, W)) == expected
    assert tgs_salt_score([pred], [truth]) == expected


def test_thresholds_are_numpy_arange() -> None:
    reprs = [repr(float(t)) for t in IOU_THRESHOLDS]
    assert reprs == [
        "0.5", "0.55", "0.6000000000000001", "0.6500000000000001", "0.7000000000000002",
        "0.7500000000000002", "0.8000000000000003", "0.8500000000000003", "0.9000000000000004",
        "0.9500000000000004",
    ]  # fmt: skip


def test_every_iou_near_each_threshold() -> None:
    # Unions of 1..400 pixels cover every fraction i/u near each threshold.
    answers, predictions = [], []
    for union in range(1, 401):
        for inter in range(max(1, int(union * 0.45)), union + 1):
            answers.append(f"1 {union}")
            predictions.append(f"1 {inter}")
    truth = decode_rle_column(answers, N)
    pred = decode_rle_column(predictions, N)
    got = iou_sweep_scores(truth, pred)
    want = [
        oracle_iou_metric(oracle_decode(t, H, W), oracle_decode(p, H, W))
        for t, p in zip(answers[::37], predictions[::37])
    ]
    assert got[::37].tolist() == want
    ious = np.array([int(p.split()[1]) / int(t.split()[1]) for t, p in zip(answers, predictions)])
    assert got.tolist() == ((ious[:, None] > IOU_THRESHOLDS).sum(axis=1) / 10).tolist()


@pytest.mark.parametrize("seed", range(3))
def test_random_masks(seed: int) -> None:
    rng = np.random.default_rng(seed)
    truth = blob_masks(60, rng)
    pred = blob_masks(60, rng)
    pred[:10] = truth[:10]  # perfect rows
    for i in range(10, 20):  # near-misses
        pred[i] = truth[i].copy()
        pred[i][rng.integers(0, H, 30), rng.integers(0, W, 30)] ^= True
    assert_same([encode(m) for m in pred], [encode(m) for m in truth])


# --------------------------------------------------------------------------- decoding


def rows_as_masks(rles: list[str], height: int, width: int, order: str = "F") -> list[np.ndarray]:
    runs = decode_rle_column(rles, height * width)
    return [runs.mask(r, height, width, order) for r in range(len(runs))]


EDGE_RLES = [
    "",
    "   ",
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f",
    "\u3000\xa0",  # Unicode spaces: str.strip() removes them
    "1 10201",
    "1 99999",  # truncated at the end of the image
    "10201 1",
    "10201 50",
    "10202 1",  # starts beyond the image: an empty slice, no error
    "10202 5 10202 5",  # ...even twice, since nothing is set
    "20000 3 20000 3 30000 1",
    "5 3 8 2",  # adjacent runs
    "1 1 3 1 101 1 102 1",  # runs crossing a column boundary
    "+5 3",
    "0005 3",
    "-0 1",
    "1_0 2",
    "٣ ٢",  # Arabic-Indic digits: int() accepts them
    "1\u20035",  # an em space separates tokens
    "7",  # one token: one start, no length, broadcast to nothing
    "3 2 1",  # three tokens: both starts take the first length
    "3 2 6",
    "1 1 2 1 3",
    "1 9223372036854775807",  # int64 wraps only when start > 1
    "2 9223372036854775807",
    "1 9223372036854775808",  # uint64 / float64 promotion
    "1 18446744073709551616",  # object dtype
    "99999999999999999999 1",
    "1 1000000000000000000",
    "1 999999999999999999",
]


@pytest.mark.parametrize("rle", EDGE_RLES)
def test_decode_edge_cases(rle: str) -> None:
    try:
        want = ("ok", oracle_decode(rle, H, W))
    except OracleAssertion as exc:
        want = ("assert", str(exc))
    except (ValueError, TypeError) as exc:
        want = ("error", str(exc))
    try:
        got = ("ok", rows_as_masks([rle], H, W)[0])
    except InvalidRLEError as exc:
        got = ("assert" if exc.assertion else "error", str(exc))
    assert got[0] == want[0], (got, want)
    if got[0] == "ok":
        assert np.array_equal(got[1], want[1])
    else:
        assert got[1] == want[1]


INVALID_RLES = [
    ("5 1 3 1", "assert", MSG_UNSORTED),
    ("5 1 5 1", "assert", MSG_OVERLAP),
    ("0 1", "assert", MSG_NOT_POSITIVE),
    ("-3 2", "assert", MSG_NOT_POSITIVE),
    ("3 0", "assert", MSG_NOT_POSITIVE),
    ("3 -1", "assert", MSG_NOT_POSITIVE),
    ("1 5 3 1", "assert", MSG_OVERLAP),
    ("3 1 1 x", "error", "invalid literal for int() with base 10: 'x'"),  # int() runs first
    ("1 5 3 1.0", "error", "invalid literal for int() with base 10: '1.0'"),
    ("1 0x10", "error", "invalid literal for int() with base 10: '0x10'"),
    ("1__0 1", "error", "invalid literal for int() with base 10: '1__0'"),
    ("_1 1", "error", "invalid literal for int() with base 10: '_1'"),
    ("1_ 1", "error", "invalid literal for int() with base 10: '1_'"),
    ("+ 1", "error", "invalid literal for int() with base 10: '+'"),
    ("1e3 1", "error", "invalid literal for int() with base 10: '1e3'"),
    ("1 1 2 1 3", "error", "operands could not be broadcast together with shapes (3,) (2,) "),
    ("3 2 1 1 0", "assert", MSG_UNSORTED),  # checks come before the broadcast
    ("3 2 4", "assert", MSG_OVERLAP),  # runs 3..4 and 4..5 (shared length 2)
    (
        "1 1 9223372036854775808 1",
        "error",
        "slice indices must be integers or None or have an __index__ method",
    ),
]


@pytest.mark.parametrize(("rle", "kind", "message"), INVALID_RLES)
def test_invalid_rles(rle: str, kind: str, message: str) -> None:
    expected = OracleAssertion if kind == "assert" else (ValueError, TypeError)
    with pytest.raises(expected) as info:
        oracle_decode(rle, H, W)
    assert str(info.value) == message
    with pytest.raises(InvalidRLEError) as ours:
        decode_rle_column(["", rle], N)
    assert str(ours.value) == message
    assert ours.value.assertion is (kind == "assert")
    assert ours.value.row == 1
    assert isinstance(ours.value, ValueError)


def test_first_invalid_row_wins() -> None:
    # Row 1 needs the Python path and fails; row 2 fails in the kernel; row 1 is reported.
    with pytest.raises(InvalidRLEError) as info:
        decode_rle_column(["1 1", "1 x", "5 1 3 1"], N)
    assert (info.value.row, str(info.value)) == (1, "invalid literal for int() with base 10: 'x'")
    # Row 1 takes the Python path and succeeds; row 2 fails in the kernel.
    with pytest.raises(InvalidRLEError) as info:
        decode_rle_column(["1 1", "٣ 1", "5 1 3 1"], N)
    assert (info.value.row, str(info.value)) == (2, MSG_UNSORTED)


def test_python_path_rows_are_spliced_in_place() -> None:
    rles = ["1 2", "٣ ٢ 9 1", "", "7", "20 5", "3 2 6", "100 3"]
    masks = rows_as_masks(rles, H, W)
    for rle, mask in zip(rles, masks):
        assert np.array_equal(mask, oracle_decode(rle, H, W)), rle


@pytest.mark.parametrize(("height", "width"), [(3, 5), (5, 3), (1, 7), (4, 4)])
def test_mask_orders(height: int, width: int) -> None:
    rles = ["1 2 5 3", "2 1 7 100", "", f"1 {height * width}", f"{height} 2"]
    for rle, mask in zip(rles, rows_as_masks(rles, height, width, "F")):
        assert np.array_equal(mask, oracle_decode(rle, height, width))
    for rle, mask in zip(rles, rows_as_masks(rles, height, width, "C")):
        flat = np.zeros(height * width, dtype=bool)
        starts, stops = decode_rle(rle, height * width)
        for a, b in zip(starts, stops):
            flat[a:b] = True
        assert np.array_equal(mask, flat.reshape(height, width))


def test_runs_are_clipped_sorted_disjoint() -> None:
    runs = decode_rle_column(["1 3 4 2 10200 50 20000 1", "", "2 1"], N)
    assert runs.offsets.tolist() == [0, 3, 3, 4]
    assert runs.starts.tolist() == [0, 3, 10199, 1]
    assert runs.stops.tolist() == [3, 5, 10201, 2]
    assert runs.areas().tolist() == [7, 0, 1]


# --------------------------------------------------------------------------- hypothesis


separators = st.sampled_from([" ", " ", " ", "  ", "\t", "\n", "\x1f", "\u2003", " \xa0 "])


@st.composite
def rle_strings(draw) -> str:
    clean = draw(st.booleans())  # half the strings are valid unless mutated below
    pairs = []
    position = draw(st.integers(1, 200) if clean else st.integers(-2, 200))
    for _ in range(draw(st.integers(0, 8))):
        length = draw(st.integers(1, 3000) if clean else st.integers(-2, 3000))
        pairs += [position, length]
        position += max(length, 0) + draw(st.integers(0, 1500) if clean else st.integers(-3, 1500))
    tokens = [str(v) for v in pairs]
    if tokens and draw(st.integers(0, 3)) == 0:
        index = draw(st.integers(0, len(tokens) - 1))
        tokens[index] = draw(
            st.sampled_from(
                [
                    "0", "-1", str(N), str(N + 1), str(N - 1), "+7", "07", "1_2", "1.0", "a",
                    "٣", "9223372036854775807", "9223372036854775808", str(10**20),
                ]
            )
        )  # fmt: skip
    if tokens and draw(st.integers(0, 3)) == 0:
        del tokens[draw(st.integers(0, len(tokens) - 1))]
    sep = draw(separators)
    lead, trail = draw(st.sampled_from(["", " ", "\n"])), draw(st.sampled_from(["", " "]))
    return lead + sep.join(tokens) + trail


@settings(max_examples=250, deadline=None)
@given(st.lists(st.tuples(rle_strings(), rle_strings()), min_size=1, max_size=4))
def test_hypothesis_against_oracle(pairs: list[tuple[str, str]]) -> None:
    predictions = [p for p, _ in pairs]
    answers = [t for _, t in pairs]
    try:
        for t in answers:
            oracle_decode(t, H, W)
    except Exception:  # noqa: BLE001 - answers are valid by construction in real use
        answers = [""] * len(answers)
    event(f"outcome: {assert_same(predictions, answers)}")


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_hypothesis_valid_masks(seed: int) -> None:
    rng = np.random.default_rng(seed)
    truth, pred = blob_masks(3, rng), blob_masks(3, rng)
    assert_same([encode(m) for m in pred], [encode(m) for m in truth])


def test_inputs_forms_and_empty_column() -> None:
    rng = random.Random(3)
    rles = [f"{rng.randint(1, 100)} {rng.randint(1, 100)}" for _ in range(5)]
    a = decode_rle_column(rles, N)
    b = decode_rle_column(pl.Series(["x"] + rles)[1:], N)
    assert a.offsets.tolist() == b.offsets.tolist() and a.starts.tolist() == b.starts.tolist()
    empty = decode_rle_column(pl.Series([], dtype=pl.String), N)
    assert len(empty) == 0
    assert iou_sweep_scores(empty, empty).shape == (0,)
