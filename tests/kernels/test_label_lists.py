"""The text-scoring passes of ``kernels/label_lists.py`` against plain Python versions of what the
references compute (``str.split``, ``list.index``, sets, ``average_precision_at_k``), on cells
drawn with Unicode labels, Python's exotic whitespace, repeats, empty cells and nulls; each case
runs on one thread and split across two."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlebench_fast.kernels import label_lists
from mlebench_fast.kernels.label_lists import (
    KendallTruth,
    LabelTable,
    TextColumn,
    kendall_tau_counts,
)

LABELS = ["a", "b", "ab", "é", "日本", "tag-12345678901234567890", "0123456789abcdef" * 5, "x.y"]
# str.isspace characters beyond the space, and look-alikes that are not whitespace
SPACES = [" ", "  ", "\t", "\n", "\x0b", "\x1c", "\x1f", "\x85", "\xa0", "\u1680", "\u2000",
          "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
NOT_SPACES = ["\u200b", "\u180e", "\ufeff"]

label = st.sampled_from(LABELS + NOT_SPACES + ["", "c", "zz"])


@pytest.fixture(params=[False, True], ids=["one-thread", "two-threads"])
def threads(request, monkeypatch):
    if request.param:
        monkeypatch.setattr(label_lists, "_PARALLEL_BYTES", 0)
        monkeypatch.setattr(label_lists, "_PARALLEL_ID_ROWS", 0)
        monkeypatch.setattr(label_lists, "_threads", lambda: 2)
    return request.param


@st.composite
def cells(draw, max_size: int = 12) -> str:
    tokens = draw(st.lists(label, max_size=max_size))
    seps = draw(st.lists(st.sampled_from(SPACES), min_size=len(tokens) + 1,
                         max_size=len(tokens) + 1))
    if not draw(st.booleans()):
        seps[0] = seps[-1] = ""
    return seps[0] + "".join(t + s for t, s in zip(tokens, seps[1:]))


def _column(values: list[str | None]) -> TextColumn:
    return TextColumn.of(pl.Series("c", values, dtype=pl.String))


# ------------------------------------------------------------------------------ look-ups


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(labels=st.lists(label, max_size=20), queries=st.lists(label, max_size=30))
def test_lookup_is_a_dict_of_first_positions(threads, labels, queries):
    table = LabelTable(pl.Series(labels, dtype=pl.String))
    first: dict[str, int] = {}
    for i, value in enumerate(labels):
        first.setdefault(value, i)
    assert table.unique == (len(first) == len(labels))
    got = table.lookup(_column(queries))
    assert got.dtype == np.int64
    assert got.tolist() == [first.get(q, -1) for q in queries]


@settings(max_examples=150, deadline=None)
@given(labels=st.lists(st.text(max_size=40), max_size=30, unique=True), data=st.data())
def test_lookup_of_keys_of_every_length(labels, data):
    # keys of 0..40 bytes (+ multi-byte characters): the hashed and compared tails of any length
    table = LabelTable(pl.Series(labels, dtype=pl.String))
    near = [t[:-1] for t in labels] + [t + "x" for t in labels] + [t[1:] for t in labels]
    queries = data.draw(st.lists(st.sampled_from(labels + near + [""]), max_size=40))
    got = table.lookup(_column(queries))
    assert got.tolist() == [labels.index(q) if q in labels else -1 for q in queries]


def test_lookup_of_many_long_ids(threads):
    ids = [f"{i:064x}" for i in range(5000)]
    table = LabelTable(pl.Series(ids[::2]))
    got = table.lookup(_column(ids))
    assert got.tolist() == [i // 2 if i % 2 == 0 else -1 for i in range(5000)]


# ------------------------------------------------------------------------------ MAP@k


def average_precision_at_k(actual: list[str], predicted: list[str], k: int) -> float:
    # mlebench.metrics.average_precision_at_k, written out
    if len(predicted) > k:
        predicted = predicted[:k]
    score = 0.0
    hits = 0.0
    for i, p in enumerate(predicted):
        if p in actual and p not in predicted[:i]:
            hits += 1.0
            score += hits / (i + 1.0)
    if not actual:
        return 0.0
    return score / min(len(actual), k)


@st.composite
def space_cells(draw) -> str:
    tokens = draw(st.lists(label, max_size=15))
    return " ".join(tokens) + draw(st.sampled_from(["", " ", "  "]))


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), k=st.sampled_from([1, 3, 5, 12]))
def test_average_precisions_match_the_reference(threads, data, k):
    answers = data.draw(st.lists(space_cells(), min_size=1, max_size=10))
    rows = len(answers)
    submission = data.draw(st.lists(space_cells(), min_size=rows, max_size=rows + 4))
    positions = data.draw(st.permutations(list(range(rows)) + [-1] * (len(submission) - rows)))
    actual_sets = [list(dict.fromkeys(a.split(" "))) for a in answers]
    vocabulary = list(dict.fromkeys(t for s in actual_sets for t in s))
    code = {t: i for i, t in enumerate(vocabulary)}
    actual = np.array([code[t] for s in actual_sets for t in s], dtype=np.int64)
    offsets = np.cumsum([0] + [len(s) for s in actual_sets]).astype(np.int64)
    table = LabelTable(pl.Series(vocabulary, dtype=pl.String))
    got = table.average_precisions(
        _column(submission), np.array(positions, dtype=np.int64), actual, offsets, k, rows
    )
    want = np.zeros(rows)
    for r, p in enumerate(positions):
        if p >= 0:
            want[p] = average_precision_at_k(actual_sets[p], submission[r].split(" "), k)
    assert got.tolist() == want.tolist()  # bit for bit
    assert np.mean(got) == np.mean(want)


# Hotel-id-like tokens: labels are compared as strings ("080852" is not "80852"), and ints,
# floats, "nan", long and non-ASCII tokens and lengths around the 8-byte word all occur.
ID_LABELS = ["80852", "080852", "8085", "808520", "0", "00", "nan", "NaN", "123", "123.0",
             "1234567", "12345678", "123456789", "1234567812345678", "12345678123456789",
             "w_1287fbc", "new_whale", "é1234567", "日本語ラベル", "x" * 70, "x" * 71, "",
             " x"[1:], "80852\t"]
id_label = st.sampled_from(ID_LABELS)


@st.composite
def id_cells(draw) -> str:
    tokens = draw(st.lists(id_label, max_size=8))
    if tokens and draw(st.booleans()):  # the same token again, or a row's own label
        tokens.insert(draw(st.integers(0, len(tokens))), draw(st.sampled_from(tokens)))
    return " ".join(tokens) + draw(st.sampled_from(["", " ", "  "]))


def _apk_rows(answers: list[str], submission: list[str], positions: list[int], k: int):
    actual_sets = [list(dict.fromkeys(a.split(" "))) for a in answers]
    want = np.zeros(len(answers))
    for r, p in enumerate(positions):
        if p >= 0:
            want[p] = average_precision_at_k(actual_sets[p], submission[r].split(" "), k)
    return actual_sets, want


def _coded(actual_sets: list[list[str]], vocabulary: list[str]):
    code = {}
    for i, t in enumerate(vocabulary):
        code.setdefault(t, i)
    actual = np.array([code[t] for s in actual_sets for t in s], dtype=np.int64)
    offsets = np.cumsum([0] + [len(s) for s in actual_sets]).astype(np.int64)
    return actual, offsets


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), k=st.sampled_from([1, 2, 5, 12]))
def test_average_precisions_of_id_like_tokens(threads, data, k):
    # rows of one label (the usual), of a few (compared byte by byte) and of more than eight
    # (looked up by hash), against cells with repeats, misses and near misses
    width = data.draw(st.sampled_from([1, 1, 3, 12]))
    answers = data.draw(st.lists(
        st.lists(id_label, min_size=1, max_size=width).map(" ".join), min_size=1, max_size=12
    ))
    rows = len(answers)
    submission = data.draw(st.lists(id_cells(), min_size=rows, max_size=rows + 3))
    positions = data.draw(st.permutations(list(range(rows)) + [-1] * (len(submission) - rows)))
    actual_sets, want = _apk_rows(answers, submission, positions, k)
    vocabulary = list(dict.fromkeys(t for s in actual_sets for t in s))
    vocabulary += data.draw(st.lists(id_label, max_size=4))  # labels no answer has (may repeat)
    table = LabelTable(pl.Series(vocabulary, dtype=pl.String))
    actual, offsets = _coded(actual_sets, vocabulary)
    got = table.average_precisions(
        _column(submission), np.array(positions, dtype=np.int64), actual, offsets, k, rows
    )
    assert got.tolist() == want.tolist()  # bit for bit


def test_average_precisions_of_a_table_with_repeats(threads):
    # A repeated label keeps its first code: answer codes naming a later copy are never hit (the
    # byte-by-byte comparison is for tables of distinct labels only).
    table = LabelTable(pl.Series(["a", "b", "a", "c"]))
    assert not table.unique
    actual = np.array([2, 0, 1, 2, 3], dtype=np.int64)
    offsets = np.array([0, 1, 2, 5], dtype=np.int64)
    got = table.average_precisions(
        _column(["a", "a b", "c a b"]), np.arange(3), actual, offsets, 5, 3
    )
    assert got.tolist() == [0.0, 1.0, (1 / 1 + 2 / 3) / 3]


def _by_id(table, submission, ids, id_labels, actual, offsets, k):
    return table.average_precisions_by_id(
        _column(submission), pl.Series(ids, dtype=pl.String),
        LabelTable(pl.Series(id_labels, dtype=pl.String)), actual, offsets, k,
    )


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), k=st.sampled_from([1, 5]))
def test_average_precisions_by_id_match_the_reference(threads, data, k):
    id_labels = data.draw(st.lists(st.sampled_from(LABELS + ID_LABELS), min_size=1, max_size=10,
                                   unique=True))
    rows = len(id_labels)
    answers = data.draw(st.lists(
        st.lists(id_label, min_size=1, max_size=3).map(" ".join), min_size=rows, max_size=rows
    ))
    actual_sets = [list(dict.fromkeys(a.split(" "))) for a in answers]
    vocabulary = list(dict.fromkeys(t for s in actual_sets for t in s))
    table = LabelTable(pl.Series(vocabulary, dtype=pl.String))
    actual, offsets = _coded(actual_sets, vocabulary)
    how = data.draw(st.sampled_from(["permutation", "permutation", "repeat", "other", "fewer"]))
    ids = data.draw(st.permutations(id_labels))
    if how == "repeat" and rows > 1:
        ids[0] = ids[-1]
    elif how == "other":
        ids[data.draw(st.integers(0, rows - 1))] = "not an id"
    elif how == "fewer":
        ids = ids[:-1]
    submission = data.draw(st.lists(id_cells(), min_size=len(ids), max_size=len(ids)))
    got = _by_id(table, submission, ids, id_labels, actual, offsets, k)
    if sorted(ids) != sorted(id_labels):
        assert got is None
        return
    positions = [id_labels.index(i) for i in ids]
    _, want = _apk_rows(answers, submission, positions, k)
    assert got is not None
    assert got.tolist() == want.tolist()


def test_average_precisions_by_id_of_ids_it_cannot_take():
    table = LabelTable(pl.Series(["1", "2"]))
    actual = np.array([0, 1], dtype=np.int64)
    offsets = np.array([0, 1, 2], dtype=np.int64)
    # "a" is answer row 1 (label "2"), "b" row 0 (label "1")
    assert _by_id(table, ["2", "x"], ["a", "b"], ["b", "a"], actual, offsets, 5).tolist() == [
        0.0, 1.0
    ]
    # a null id, a repeated id label, ids of another type
    assert _by_id(table, ["1", "2"], ["a", None], ["b", "a"], actual, offsets, 5) is None
    assert _by_id(table, ["1", "2"], ["a", "a"], ["a", "a"], actual, offsets, 5) is None
    ints = table.average_precisions_by_id(
        _column(["1", "2"]), pl.Series([1, 2]), LabelTable(pl.Series(["1", "2"])), actual,
        offsets, 5,
    )
    assert ints is None


# ------------------------------------------------------------------------------ micro F1


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), extra_classes=st.integers(0, 2))
def test_micro_f1_counts_match_sets(threads, data, extra_classes):
    rows = data.draw(st.integers(0, 12))
    truth = data.draw(st.lists(st.lists(label, max_size=6), min_size=rows, max_size=rows))
    submission = data.draw(st.lists(st.one_of(cells(), st.none()), min_size=rows, max_size=rows))
    positions = data.draw(st.permutations(range(rows)))
    classes = list(dict.fromkeys(t for row in truth for t in row if t))
    code = {t: i for i, t in enumerate(classes)}
    n_classes = len(classes) + extra_classes  # classes no token can name (the NaN class)
    width = max([1] + [len(set(row)) for row in truth])
    true_rows = np.full((rows, width), -1, dtype=np.int32)
    for p, row in enumerate(truth):
        distinct = [code[t] for t in dict.fromkeys(row) if t]
        true_rows[p, : len(distinct)] = distinct
    table = LabelTable(pl.Series(classes, dtype=pl.String))
    got = table.micro_f1_counts(
        _column(submission), np.array(positions, dtype=np.int64), true_rows, n_classes
    )
    tp = true_sum = pred_sum = 0
    for r, p in enumerate(positions):
        true_set = {t for t in truth[p] if t}
        pred_set = {t for t in (submission[r] or "").split() if t in code}
        tp += len(true_set & pred_set)
        true_sum += len(true_set)
        pred_sum += len(pred_set)
    assert got == (tp, true_sum, pred_sum)


def test_micro_f1_counts_of_a_sliced_column_with_nulls(threads):
    values = ["a b", None, "b", "ab a", None, "é é", "a"] * 3
    column = pl.Series(values, dtype=pl.String).slice(3, 13)
    table = LabelTable(pl.Series(["a", "b", "ab", "é"]))
    true_rows = np.array([[0, 1]] * 13, dtype=np.int32)
    got = table.micro_f1_counts(TextColumn.of(column), np.arange(13), true_rows, 4)
    want_tp = sum(len({"a", "b"} & set((v or "").split())) for v in values[3:16])
    want_pred = sum(len(set((v or "").split())) for v in values[3:16])
    assert got == (want_tp, 26, want_pred)


# ------------------------------------------------------------------------------ Kendall tau


def kendall_reference(submission: list[str], answers: list[str], rows_of: list[int]):
    length_differs = cell_missing = False
    inversions = pairs = 0
    for p, answer in enumerate(answers):
        gt = submission[rows_of[p]].split()
        pred = answer.split()
        if len(gt) != len(pred):
            length_differs = True
            continue
        try:
            ranks = [gt.index(x) for x in pred]
        except ValueError:
            cell_missing = True
            continue
        n = len(ranks)
        inversions += sum(ranks[i] > ranks[j] for i in range(n) for j in range(i + 1, n))
        pairs += n * (n - 1)
    return length_differs, cell_missing, inversions, pairs


def _truth(answers: list[str]) -> KendallTruth:
    lists = [a.split() for a in answers]
    rows = np.cumsum([0] + [len(x) for x in lists]).astype(np.int64)
    return KendallTruth.of(rows, pl.Series([t for x in lists for t in x], dtype=pl.String))


@st.composite
def kendall_case(draw):
    rows = draw(st.integers(1, 8))
    answers = draw(st.lists(cells(max_size=10), min_size=rows, max_size=rows))
    submission = []
    for answer in answers:
        tokens = answer.split()
        how = draw(st.sampled_from(["shuffle", "shuffle", "shuffle", "duplicate", "other", "free"]))
        if how == "free":
            submission.append(draw(cells(max_size=10)))
            continue
        tokens = draw(st.permutations(tokens))
        if how == "duplicate" and tokens:
            tokens[draw(st.integers(0, len(tokens) - 1))] = draw(st.sampled_from(tokens))
        elif how == "other" and tokens:
            tokens[draw(st.integers(0, len(tokens) - 1))] = draw(label.filter(bool))
        sep = draw(st.sampled_from(SPACES))
        submission.append(sep.join(tokens))
    rows_of = draw(st.permutations(range(rows)))
    return submission, answers, rows_of


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(case=kendall_case())
def test_kendall_counts_match_list_index(threads, case):
    submission, answers, rows_of = case
    got = kendall_tau_counts(_column(submission), np.array(rows_of, dtype=np.int64),
                             _truth(answers))
    assert got == kendall_reference(submission, answers, rows_of)


@pytest.mark.parametrize("n", [63, 64, 65, 700, 1024, 1025, 3000])
def test_kendall_counts_of_long_rows(threads, n):
    # bitset words, their edges, and the Fenwick tree past the bitset
    rng = np.random.default_rng(n)
    cells_ = [f"{i:08x}" for i in range(n)]
    answers = [" ".join(cells_), " ".join(cells_[: n // 2])]
    shuffled = list(rng.permutation(cells_))
    shuffled[5] = shuffled[7]  # a repeat: list.index takes the first
    half = list(rng.permutation(cells_[: n // 2]))
    submission = [" ".join(half), " ".join(shuffled)]
    lists = [s.split() for s in submission]
    rows_of = [1, 0]
    want = kendall_reference(submission, answers, rows_of)
    assert want[1]  # the repeat hides a cell of the first answer
    assert kendall_tau_counts(_column(submission), np.array(rows_of), _truth(answers)) == want
    answers[0] = " ".join(lists[1])  # now with the repeat in the answer too
    want = kendall_reference(submission, answers, rows_of)
    assert not want[0] and not want[1]
    assert kendall_tau_counts(_column(submission), np.array(rows_of), _truth(answers)) == want


def test_kendall_counts_of_no_rows():
    truth = _truth([])
    got = kendall_tau_counts(_column([]), np.zeros(0, dtype=np.int64), truth)
    assert got == (False, False, 0, 0)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(labels=st.lists(label, max_size=8), data=st.data())
def test_permutation_of_names_each_label_once(threads, labels, data):
    table = LabelTable(pl.Series(labels, dtype=pl.String))
    ids = data.draw(st.one_of(st.permutations(labels), st.lists(label, max_size=9)))
    got = label_lists.permutation_of(pl.Series(ids, dtype=pl.String), table)
    if len(set(labels)) == len(labels) and sorted(ids) == sorted(labels) and labels:
        assert got is not None
        assert [labels[p] for p in got] == ids
    else:
        assert got is None
    with_null = pl.Series(list(ids[:-1]) + [None], dtype=pl.String) if ids else None
    if with_null is not None:
        assert label_lists.permutation_of(with_null, table) is None
