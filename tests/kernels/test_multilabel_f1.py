"""Micro F1 of multi-label sets against scikit-learn 1.5.2: ``MultiLabelBinarizer`` (classes
given, sparse output) then ``f1_score(average="micro")``: value bit for bit, type, exceptions.
Label sets are drawn with empty rows, labels outside the classes and repeats within a row."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import f1_score
from sklearn.preprocessing import MultiLabelBinarizer

from mlebench_fast.kernels.multilabel_f1 import micro_f1_score

from .parity import outcome, sk_outcome


def reference(truth: list[list[str]], predicted: list[list[str]], classes: list[str]):
    mlb = MultiLabelBinarizer(classes=classes, sparse_output=True)
    y_true = mlb.fit_transform(truth)
    y_pred = mlb.transform(predicted)
    return f1_score(y_true=y_true, y_pred=y_pred, average="micro")


def coded(rows: list[list[str]], classes: list[str]) -> tuple[np.ndarray, np.ndarray]:
    index = {c: i for i, c in enumerate(classes)}
    codes = np.array([index.get(label, -1) for row in rows for label in row], dtype=np.int64)
    offsets = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum([len(row) for row in rows], out=offsets[1:])
    return codes, offsets


def ours(truth: list[list[str]], predicted: list[list[str]], classes: list[str]):
    return micro_f1_score(*coded(truth, classes), *coded(predicted, classes), len(classes))


def assert_same(truth, predicted, classes) -> None:
    got = outcome(ours, truth, predicted, classes)
    want = sk_outcome(reference, truth, predicted, classes)
    assert got[0] == want[0], (got, want)
    if got[0] == "raise":
        assert got[1] == want[1]
        return
    assert type(got[1]) is type(want[1])
    assert got[1] == want[1], (got, want)


LABELS = st.sampled_from([f"t{i}" for i in range(12)] + ["x", "zz", "c#", "1"])


@st.composite
def label_sets(draw):
    n = draw(st.integers(1, 40))
    truth = draw(st.lists(st.lists(LABELS, max_size=5), min_size=n, max_size=n))
    predicted = draw(st.lists(st.lists(LABELS, max_size=7), min_size=n, max_size=n))
    return truth, predicted


@settings(max_examples=300, deadline=None)
@given(pair=label_sets())
def test_classes_from_the_truth(pair) -> None:
    truth, predicted = pair
    classes = sorted({label for row in truth for label in row})
    assert_same(truth, predicted, classes)


@settings(max_examples=150, deadline=None)
@given(pair=label_sets(), extra=st.lists(LABELS, max_size=4))
def test_classes_given_apart_from_the_truth(pair, extra) -> None:
    truth, predicted = pair
    classes = sorted({label for row in truth for label in row} | set(extra))
    assert_same(truth, predicted, classes)


@pytest.mark.parametrize(
    ("truth", "predicted", "classes"),
    [
        ([["a"], ["b"]], [["a"], ["a", "x"]], ["a", "b"]),
        ([[], []], [[], []], ["a", "b"]),  # nothing true, nothing predicted: zero_division 0.0
        ([["a"], ["b"]], [[], []], ["a", "b"]),
        ([[], []], [["a"], ["b", "b"]], ["a", "b"]),
        ([["a", "a", "b"]], [["a", "a", "a"]], ["a", "b"]),  # repeats count once
        ([["a"], []], [["a"], ["a"]], ["a"]),  # one class: TypeError
        ([[], []], [["a"], []], []),  # no class: "unknown is not supported"
        ([["q"]] * 5, [["zz"]] * 5, ["a", "b"]),  # labels outside the classes are dropped
    ],
)
def test_edges(truth, predicted, classes) -> None:
    assert_same(truth, predicted, classes)


def test_large() -> None:
    rng = np.random.default_rng(0)
    pool = [f"tag{i}" for i in range(3000)]
    truth = [list(rng.choice(pool, size=rng.integers(0, 6))) for _ in range(5000)]
    predicted = [list(rng.choice(pool, size=rng.integers(0, 8))) for _ in range(5000)]
    classes = sorted({label for row in truth for label in row})
    assert_same(truth, predicted, classes)


def test_row_counts_must_match() -> None:
    codes, offsets = coded([["a"], ["b"]], ["a", "b"])
    with pytest.raises(ValueError, match="inconsistent numbers of samples: \\[2, 1\\]"):
        micro_f1_score(codes, offsets, codes[:1], offsets[:2], 2)


def test_read_only_inputs() -> None:
    codes, offsets = coded([["a"], ["b", "a"]], ["a", "b"])
    for array in (codes, offsets):
        array.setflags(write=False)
    assert micro_f1_score(codes, offsets, codes, offsets, 2) == np.float64(1.0)


# ---------------------------------------------------------------- ClassTable: tokens from text

from mlebench_fast.kernels.multilabel_f1 import ClassTable  # noqa: E402

SEPARATORS = [" ", "  ", "\t", "\n", "\r\n", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0",
              "\u1680", "\u2000", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000",
              "\u200b", "\u180e", "\u00e9", "\u2030"]
WORDS = ["a", "bb", "c#", "1", "é", "日本", "tag-1234567890", "tag-1234567891", "ab", "ba", ""]


def _buffers(strings: list[str]) -> tuple[np.ndarray, np.ndarray]:
    encoded = [s.encode() for s in strings]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(e) for e in encoded], out=offsets[1:])
    return offsets, np.frombuffer(b"".join(encoded) or b"\0", dtype=np.uint8)


@st.composite
def texts(draw):
    rows = draw(st.lists(
        st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=8),
        min_size=1, max_size=25,
    ))
    return ["".join(parts) for parts in rows]


@settings(max_examples=300, deadline=None)
@given(rows=texts(), truth_rows=texts(), known=st.sets(st.sampled_from(WORDS[:-1]), min_size=0))
def test_class_table_splits_as_python_and_scores_as_sklearn(rows, truth_rows, known) -> None:
    classes = sorted(known)
    table = ClassTable(*_buffers(classes))
    codes, offsets = table.split_codes(*_buffers(rows))
    for r, text in enumerate(rows):
        want = [classes.index(t) if t in classes else -1 for t in text.split()]
        assert codes[offsets[r] : offsets[r + 1]].tolist() == want, text
    n = min(len(rows), len(truth_rows))
    rows, truth_rows = rows[:n], truth_rows[:n]
    true_codes, true_offsets = table.split_codes(*_buffers(truth_rows))
    positions = np.random.default_rng(n).permutation(n)
    shuffled = [""] * n
    for i, p in enumerate(positions):
        shuffled[i] = rows[p]
    got = outcome(table.micro_f1, *_buffers(shuffled), positions,
                  table.true_rows(true_codes, true_offsets), len(classes))
    want = sk_outcome(reference, [t.split() for t in truth_rows], [t.split() for t in rows], classes)
    assert got[0] == want[0], (got, want)
    if got[0] == "ok":
        assert type(got[1]) is type(want[1]) and got[1] == want[1]
    else:
        assert got[1] == want[1]
