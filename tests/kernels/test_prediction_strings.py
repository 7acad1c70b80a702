"""Prediction-string parsing and the kuzushiji point-in-box match against plain Python.

The parser must split as ``str.split()`` / ``str.split(" ")`` split and convert as ``float()``
converts, token for token; the match must give the counts of the reference's per-page loop.
"""

from __future__ import annotations

import math
import pickle

import numpy as np
import polars as pl
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast._native import load
from mlebench_fast.kernels.prediction_strings import (
    ParsedObjects,
    label_index,
    parse_objects,
    point_in_box_counts,
)
from mlebench_fast.kernels.strings import string_buffers

LABELS = ["opacity", "none", "U+3001", "U+30A2", "a", "", "négatif", "x\x00"]
NUMBERS = [
    "0", "-0", "+0.0", "1", "12", "0.5", ".5", "5.", "-.25", "1e3", "1E-3", "2.5e+10", "1e22",
    "1e23", "1e-22", "1e-23", "123456789012345", "1234567890123456", "0.1234567890123456789",
    "00000000000000000001", "9007199254740993", "1e400", "-1e400", "1e-400", "nan", "NaN", "-nan",
    "inf", "-Infinity", "+inf", "1_000", "1__0", "_1", "١٢", "１.５", "1.5.3", "1e", "e5", ".",
    "+", "-", "", "0x10", "1d5", "in f", "1\x00", "12\t", "\t3", "5\u3000", "1.7976931348623157e308",
    "2.2250738585072014e-308", "4.9e-324", "0.000001", "1541.423", "2038.444", "0e99999999999",
]
# Characters str.split() treats as whitespace, and some it does not.
SPACES = [" ", "  ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1f", "\x85", "\xa0", "\u1680",
          "\u2000", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
NOT_SPACES = ["\u200b", "\u180e", "\x00", "\u2060", "\ufeff", "\xad"]


def _floats_equal(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or np.float64(a).tobytes() == np.float64(b).tobytes()


def plain_parse(cells, known, width, python_split, rows=None, strip_nul=False):
    """The reference's way: split, then float() every number (labels looked up in ``known``)."""
    order = range(len(cells)) if rows is None else rows
    offsets, codes, values = [0], [], []
    bad_row = fail_row = -1
    fail_token = None
    for r, src in enumerate(order):
        cell = cells[src]
        tokens = [] if cell is None else (cell.split() if python_split else cell.split(" "))
        if len(tokens) % width and bad_row < 0:
            bad_row = r
        complete = len(tokens) // width * width
        for start in range(0, len(tokens), width):
            obj = tokens[start : start + width]
            numbers = []
            for t in obj[1:]:
                try:
                    numbers.append(float(t))
                except ValueError:
                    numbers.append(None)
                    if fail_row < 0:
                        fail_row, fail_token = r, t
            if start < complete:
                label = obj[0].rstrip("\x00") if strip_nul else obj[0]
                codes.append(known.get(label, -1))
                values.append(numbers)
        offsets.append(len(codes))
    return offsets, codes, values, bad_row, fail_row, fail_token


def check_parse(cells, width, python_split, rows=None, strip_nul=False, large=False):
    known = {}
    for label in LABELS:
        key = label.rstrip("\x00") if strip_nul else label
        known.setdefault(key, len(known))
    index = label_index(list(known), strip_nul=strip_nul)
    column = pl.Series(cells, dtype=pl.String)
    got = parse_objects(column, index, width, python_split=python_split, rows=rows)
    if large:  # the large-string layout instead of Polars' string views
        native = load("prediction_strings")
        arrow = pa.array(cells, type=pa.large_string())
        nulls = np.array([c is None for c in cells], dtype=np.uint8)
        got = ParsedObjects(*native.parse_objects(
            native.Cells.from_offsets(*string_buffers(arrow)), index, width, python_split,
            None if rows is None else np.asarray(rows, dtype=np.int64), nulls,
        ))
    want = plain_parse(cells, known, width, python_split, rows, strip_nul)
    offsets, codes, values, bad_row, fail_row, fail_token = want
    assert got.offsets.tolist() == offsets
    assert got.codes.tolist() == codes
    assert got.bad_row == bad_row
    assert got.fail_row == fail_row
    assert got.fail_token == fail_token
    assert got.values.shape == (width - 1, len(codes))
    for k, numbers in enumerate(values):
        for f, expected in enumerate(numbers):
            if expected is not None:
                assert _floats_equal(got.values[f, k], expected), (numbers, got.values[:, k])


token = st.one_of(
    st.sampled_from(LABELS + NUMBERS),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats(-1e6, 1e6).map(lambda x: f"{x:.3f}"),
    st.integers(-(10**20), 10**20).map(str),
    st.text(st.sampled_from("0123456789.eE+-_ "), max_size=12),
)
separator = st.sampled_from(SPACES + NOT_SPACES)


@st.composite
def cells_of(draw, spaces):
    n = draw(st.integers(0, 6))
    cells = []
    for _ in range(n):
        if draw(st.integers(0, 9)) == 0:
            cells.append(None)
            continue
        parts = draw(st.lists(token, max_size=14))
        seps = draw(st.lists(spaces, min_size=len(parts) + 1, max_size=len(parts) + 1))
        text = seps[0] if draw(st.booleans()) else ""
        for t, s in zip(parts, seps[1:]):
            text += t + s
        if parts and draw(st.booleans()):
            text = text[: -len(seps[-1])] if seps[-1] else text
        cells.append(text)
    return cells


@settings(max_examples=400, deadline=None)
@given(cells_of(separator), st.sampled_from([2, 3, 5, 6]), st.booleans())
def test_python_split_objects_match_plain(cells, width, large):
    check_parse(cells, width, python_split=True, large=large)


@settings(max_examples=400, deadline=None)
@given(cells_of(st.sampled_from([" ", " ", "  ", "\t", "\u3000"])), st.sampled_from([2, 3, 5]),
       st.booleans(), st.booleans())
def test_space_split_objects_match_plain(cells, width, strip_nul, large):
    check_parse(cells, width, python_split=False, strip_nul=strip_nul, large=large)


@settings(max_examples=200, deadline=None)
@given(cells_of(st.sampled_from([" ", "\n"])), st.data())
def test_rows_pick_cells(cells, data):
    rows = data.draw(st.lists(st.integers(0, max(len(cells) - 1, 0)), max_size=8)) if cells else []
    check_parse(cells, 3, python_split=True, rows=np.array(rows, dtype=np.int64))
    check_parse(cells, 3, python_split=False, rows=np.array(rows, dtype=np.int64))


@settings(max_examples=2000, deadline=None)
@given(
    st.sampled_from(["", "+", "-"]),
    st.text("0123456789", max_size=20),
    st.sampled_from(["", "."]),
    st.text("0123456789", max_size=20),
    st.sampled_from(["", "e", "E", "e+", "e-", "E-"]),
    st.text("0123456789", max_size=4),
)
def test_decimal_forms_convert_as_float(sign, whole, dot, frac, e, exp):
    text = sign + whole + dot + frac + (e + exp if e else "")
    # at a cell's end (read byte by byte) and with eight bytes and more after it (SWAR)
    check_parse([f"a {text}", f"a {text} b 0123456789"], 2, python_split=True)
    check_parse([f"a {text} b 1.5 c 2"], 2, python_split=False)


@settings(max_examples=1000, deadline=None)
@given(st.floats(allow_nan=False), st.integers(0, 20))
def test_formatted_floats_convert_as_float(x, digits):
    for text in (repr(x), f"{x:.{digits}f}", f"{x:.{digits}e}", f"{x:.{digits}g}"):
        check_parse([f"a {text} b {text}"], 2, python_split=False)


plain_token = st.one_of(
    st.sampled_from(LABELS[:2] + ["indeterminate", "abcdefgh", "abcdefghi", "x"] + NUMBERS),
    st.floats(-1e4, 1e4).map(lambda x: f"{x:.3f}"),
    st.integers(-(10**17), 10**17).map(str),
    st.text(st.sampled_from("0123456789.+-e"), min_size=1, max_size=17),
)


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.lists(plain_token, max_size=13), min_size=1, max_size=4),
    st.lists(st.sampled_from([" ", "  "]), min_size=14, max_size=14),
    st.sampled_from(["", "\t", "\x00", "\x1f", "\x7f", "é", "\u3000", "\x85"]),
    st.integers(0, 200),
    st.sampled_from([2, 5, 6]),
)
def test_plain_ascii_cells_and_their_exceptions(token_lists, gaps, odd, at, width):
    """Cells of printable ASCII split at single spaces take a fast path; one other byte anywhere
    (a control or non-ASCII character, whitespace or not, even after a refused number) sends the
    whole cell to the general path, with nothing of the first attempt left behind."""
    cells = []
    for tokens in token_lists:
        text = "".join(t + g for t, g in zip(tokens, gaps))
        cells.append(text[:at] + odd + text[at:] if text else odd)
    check_parse(cells, width, python_split=True)


def test_whitespace_set_is_pythons():
    import sys

    spaces = [chr(c) for c in range(sys.maxunicode + 1) if ("a" + chr(c) + "b").split() == ["a", "b"]]
    assert set(SPACES) - {"  "} <= set(spaces) and not set(NOT_SPACES) & set(spaces)
    cells = [f"a{s}1" for s in spaces] + [f"a{c}1" for c in NOT_SPACES]
    check_parse(cells, 2, python_split=True)


def test_label_index_grows_and_pickles():
    index = label_index()
    words = [f"U+{i:04X}" for i in range(5000)] + ["", "opacity", "é" * 40]
    codes = [index.code(w, add=True) for w in words]
    assert codes == list(range(len(words)))
    assert [index.code(w) for w in words] == codes
    assert index.code("unknown") == -1 and len(index) == len(words)
    again = pickle.loads(pickle.dumps(index))
    assert [again.code(w) for w in words] == codes
    stripped = label_index(["a", "b\x00"], strip_nul=True)
    assert (stripped.code("a\x00\x00"), stripped.code("b"), stripped.code("a\x00b")) == (0, 1, -1)


def test_grow_codes_labels_in_first_seen_order():
    index = label_index()
    got = parse_objects(pl.Series(["b 1 a 2", "c 3 b 4"]), index, 2, python_split=True, grow=True)
    assert got.codes.tolist() == [0, 1, 2, 0]
    assert index.labels() == [b"b", b"a", b"c"]


# ---------------------------------------------------------------------------------------------
# point_in_box_counts

coord = st.one_of(
    st.integers(-3, 6).map(float),
    # Huge and denormal values stretch or squeeze the grid over a page's points.
    st.sampled_from([float("nan"), float("inf"), -float("inf"), -0.0, 1e300, -1e300, 5e-324, 1e-320]),
)
box = st.tuples(st.integers(0, 2), coord, coord, st.integers(-1, 4), st.integers(-1, 4))
point = st.tuples(st.integers(-1, 2), coord, coord)
# Pages with many points of few labels exercise the x-sorted groups (more than 16 points).
page = st.tuples(st.lists(box, max_size=30), st.lists(point, max_size=60))


def plain_counts(pages):
    """The reference's score_page: boxes in order take the first unused matching point."""
    tp = fp = fn = 0
    for boxes, points in pages:
        if not boxes or not points:
            fn += len(boxes)
            fp += len(points)
            continue
        used = [False] * len(points)
        for lab, x, y, w, h in boxes:
            x1, y1 = x + w, y + h
            for j, (plab, px, py) in enumerate(points):
                if not used[j] and plab == lab and x < px and x1 > px and y < py and y1 > py:
                    used[j] = True
                    tp += 1
                    break
            else:
                fn += 1
        fp += used.count(False)
    return tp, fp, fn


def flat(pages):
    t_off, p_off, tb, pp = [0], [0], [], []
    for boxes, points in pages:
        tb += boxes
        pp += points
        t_off.append(len(tb))
        p_off.append(len(pp))
    t = np.array(tb, dtype=np.float64).reshape(-1, 5)
    p = np.array(pp, dtype=np.float64).reshape(-1, 3)
    return (
        np.array(t_off), t[:, 0].astype(np.int64), t[:, 1].copy(), t[:, 2].copy(),
        t[:, 1] + t[:, 3], t[:, 2] + t[:, 4], np.array(p_off), p[:, 0].astype(np.int64),
        p[:, 1].copy(), p[:, 2].copy(), 3,
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(
    st.lists(st.tuples(st.integers(0, 1), st.floats(-1e6, 1e6), st.floats(-1e6, 1e6),
                       st.floats(0, 1e6), st.floats(0, 1e6)), max_size=20),
    st.lists(st.tuples(st.integers(-1, 1), st.floats(-1e6, 1e6), st.floats(-1e6, 1e6)),
             max_size=40),
), max_size=3))
def test_point_in_box_counts_real_coordinates(pages):
    assert point_in_box_counts(*flat(pages)) == plain_counts(pages)


@settings(max_examples=500, deadline=None)
@given(st.lists(page, max_size=4))
def test_point_in_box_counts_matches_plain(pages):
    assert point_in_box_counts(*flat(pages)) == plain_counts(pages)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_point_in_box_counts_large_groups(seed):
    rng = np.random.default_rng(seed)
    pages = []
    for _ in range(3):
        n_b, n_p = rng.integers(0, 120, 2)
        boxes = [
            (int(rng.integers(0, 2)), float(rng.integers(0, 40)), float(rng.integers(0, 40)),
             int(rng.integers(0, 12)), int(rng.integers(0, 12)))
            for _ in range(n_b)
        ]
        points = [
            (int(rng.integers(-1, 2)), float(rng.integers(0, 50)), float(rng.integers(0, 50)))
            for _ in range(n_p)
        ]
        pages.append((boxes, points))
    assert point_in_box_counts(*flat(pages)) == plain_counts(pages)


def test_point_in_box_first_point_in_order_wins():
    # The first box covers both points: it takes point 0, leaving point 1 for the second box.
    pages = [([(0, 0.0, 0.0, 10, 10), (0, 4.0, 4.0, 2, 2)], [(0, 1.0, 1.0), (0, 5.0, 5.0)])]
    assert point_in_box_counts(*flat(pages)) == (2, 0, 0)
    # The same with a group large enough to be sorted by x (later points lie further left).
    points = [(0, 100.0 - j, 1.0) for j in range(40)] + [(0, 5.0, 5.0)]
    pages = [([(0, 0.0, 0.0, 200, 10), (0, 4.0, 4.0, 2, 2)], points)]
    assert point_in_box_counts(*flat(pages)) == plain_counts(pages) == (2, 39, 0)
