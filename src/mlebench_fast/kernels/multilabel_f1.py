"""Micro F1 of multi-label sets, equal to scikit-learn 1.5.2's
``f1_score(mlb.fit_transform(truth), mlb.transform(predicted), average="micro")`` where
``mlb = MultiLabelBinarizer(classes=..., sparse_output=True)``.

What that pipeline computes, on label sets coded as class indices (``-1``: not a class):

- ``MultiLabelBinarizer.transform`` keeps each row's labels as a *set* of class columns: a label
  repeated in a row counts once, a label outside ``classes`` is dropped (with a warning);
- ``multilabel_confusion_matrix`` then counts, summed over the classes, ``tp`` (labels in both
  sets of a row), ``true_sum`` and ``pred_sum`` (set sizes);
- micro F1 is ``(1 + 1.0) * tp / (1.0 * true_sum + pred_sum)``, one division of exact integers,
  and ``0.0`` when both sums are 0 (``zero_division="warn"``); the return type is
  ``numpy.float64``;
- with one class the indicator matrix has one column, which ``type_of_target`` does not take for
  a multilabel indicator, and its dense-only checks raise ``TypeError`` ("Sparse data was passed
  for y, but dense data is required ..."); with no class at all the target type is "unknown"
  (``ValueError``). :func:`micro_f1_score` raises the same.
"""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import kernel

__all__ = ["ClassTable", "micro_f1_score", "micro_f1_counts", "SPARSE_Y_MESSAGE"]

SPARSE_Y_MESSAGE = (
    "Sparse data was passed for y, but dense data is required. Use '.toarray()' to convert to a "
    "dense numpy array."
)


@kernel
def micro_f1_counts(true_codes, true_offsets, pred_codes, pred_offsets, n_classes):
    """(tp, true_sum, pred_sum) over rows ``r`` of the sets ``codes[offsets[r]:offsets[r + 1]]``,
    codes outside ``[0, n_classes)`` ignored, repeats within a row counted once."""
    rows = true_offsets.shape[0] - 1
    # Row stamps instead of per-row clearing: a class is in row r's set when its stamp is r.
    in_true = np.full(n_classes, -1, np.int64)
    in_pred = np.full(n_classes, -1, np.int64)
    tp = 0
    true_sum = 0
    pred_sum = 0
    for r in range(rows):
        for j in range(true_offsets[r], true_offsets[r + 1]):
            c = true_codes[j]
            if 0 <= c < n_classes and in_true[c] != r:
                in_true[c] = r
                true_sum += 1
        for j in range(pred_offsets[r], pred_offsets[r + 1]):
            c = pred_codes[j]
            if 0 <= c < n_classes and in_pred[c] != r:
                in_pred[c] = r
                pred_sum += 1
                if in_true[c] == r:
                    tp += 1
    return tp, true_sum, pred_sum


def micro_f1_from_set_counts(tp: int, true_sum: int, pred_sum: int) -> np.float64:
    denominator = np.float64(true_sum) + np.float64(pred_sum)
    if denominator == 0:
        return np.float64(0.0)
    return np.float64((2.0 * np.float64(tp)) / denominator)


def micro_f1_score(
    true_codes: np.ndarray,
    true_offsets: np.ndarray,
    pred_codes: np.ndarray,
    pred_offsets: np.ndarray,
    n_classes: int,
) -> np.float64:
    """Micro F1 of the coded label sets (see the module docstring); both sides must have the
    same number of rows (``offsets`` of the same length)."""
    if true_offsets.shape[0] != pred_offsets.shape[0]:
        msg = (
            "Found input variables with inconsistent numbers of samples: "
            f"[{true_offsets.shape[0] - 1}, {pred_offsets.shape[0] - 1}]"
        )
        raise ValueError(msg)
    if n_classes == 0:
        msg = "unknown is not supported"
        raise ValueError(msg)
    if n_classes == 1:
        raise TypeError(SPARSE_Y_MESSAGE)
    tp, true_sum, pred_sum = micro_f1_counts(
        np.ascontiguousarray(true_codes, dtype=np.int64),
        np.ascontiguousarray(true_offsets, dtype=np.int64),
        np.ascontiguousarray(pred_codes, dtype=np.int64),
        np.ascontiguousarray(pred_offsets, dtype=np.int64),
        n_classes,
    )
    return micro_f1_from_set_counts(int(tp), int(true_sum), int(pred_sum))


# ---------------------------------------------------------------- labels coded straight from text
#
# Graders that split label cells with Python's ``str.split()`` and binarise them against a fixed
# class list can count (tp, pred_sum) in one pass over the submission's UTF-8 bytes: tokens are
# hashed into a table of the classes as they are found, and never become strings.

_EMPTY = -1


@kernel(inline="always")  # array arguments of a call cost a refcount each
def _hash(data, start, end):
    # Eight bytes a word, one multiply per word: labels are short, and a multiply per byte
    # (FNV) chains the latency of every byte.
    h = np.uint64(0x9E3779B97F4A7C15) ^ np.uint64(end - start)
    w = np.uint64(0)
    shift = np.uint64(0)
    for j in range(start, end):
        w |= np.uint64(data[j]) << shift
        shift += np.uint64(8)
        if shift == np.uint64(64):
            h = (h ^ w) * np.uint64(0xFF51AFD7ED558CCD)
            h ^= h >> np.uint64(29)
            w = np.uint64(0)
            shift = np.uint64(0)
    # murmur3's finaliser: every input bit reaches the low bits the table mask keeps
    h ^= w
    h ^= h >> np.uint64(33)
    h *= np.uint64(0xFF51AFD7ED558CCD)
    h ^= h >> np.uint64(33)
    h *= np.uint64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> np.uint64(33))


@kernel(inline="always")  # array arguments of a call cost a refcount each
def _whitespace_width(data, j, end):
    """Bytes of the ``str.isspace`` character starting at ``data[j]`` (0: not whitespace)."""
    b = data[j]
    if b == 32 or 9 <= b <= 13 or 28 <= b <= 31:
        return 1
    if b < 0xC2 or j + 1 >= end:
        return 0
    c = data[j + 1]
    if b == 0xC2:
        return 2 if c == 0x85 or c == 0xA0 else 0
    if j + 2 >= end:
        return 0
    d = data[j + 2]
    if b == 0xE1:
        return 3 if c == 0x9A and d == 0x80 else 0
    if b == 0xE2:
        if c == 0x80 and (0x80 <= d <= 0x8A or d == 0xA8 or d == 0xA9 or d == 0xAF):
            return 3
        return 3 if c == 0x81 and d == 0x9F else 0
    if b == 0xE3:
        return 3 if c == 0x80 and d == 0x80 else 0
    return 0


@kernel(inline="always")  # array arguments of a call cost a refcount each
def _find(table, labels, label_offsets, data, start, end):
    mask = np.uint64(table.shape[0] - 1)
    slot = _hash(data, start, end) & mask
    length = end - start
    while True:
        code = table[slot]
        if code == _EMPTY:
            return -1
        a = label_offsets[code]
        if label_offsets[code + 1] - a == length:
            same = True
            for k in range(length):
                if labels[a + k] != data[start + k]:
                    same = False
                    break
            if same:
                return code
        slot = (slot + np.uint64(1)) & mask


@kernel
def _build_table(labels, label_offsets):
    n = label_offsets.shape[0] - 1
    size = 16
    while size < 2 * n:
        size *= 2
    table = np.full(size, _EMPTY, np.int64)
    mask = np.uint64(size - 1)
    for code in range(n):
        slot = _hash(labels, label_offsets[code], label_offsets[code + 1]) & mask
        while table[slot] != _EMPTY:
            slot = (slot + np.uint64(1)) & mask
        table[slot] = code
    return table


@kernel
def _split_codes(data, offsets, table, labels, label_offsets):
    """Per row, the codes (-1: not a class) of its ``str.split()`` tokens; (codes, row offsets)."""
    rows = offsets.shape[0] - 1
    out_offsets = np.zeros(rows + 1, np.int64)
    codes = np.empty((offsets[rows] - offsets[0]) // 2 + rows + 1, np.int64)
    n = 0
    for r in range(rows):
        j = offsets[r]
        end = offsets[r + 1]
        start = -1
        while j <= end:
            if j < end and 32 < data[j] < 128:  # printable ASCII: never whitespace
                width = 0
            else:
                width = 1 if j == end else _whitespace_width(data, j, end)
            if width:
                if start >= 0:
                    codes[n] = _find(table, labels, label_offsets, data, start, j)
                    n += 1
                    start = -1
                j += width
            else:
                if start < 0:
                    start = j
                j += 1
        out_offsets[r + 1] = n
    return codes[:n].copy(), out_offsets


@kernel
def _text_counts(data, offsets, positions, true_rows, table, labels, label_offsets, n_classes):
    """(tp, true_sum, pred_sum) of submission row ``i``'s tokens against the true set in row
    ``positions[i]`` of ``true_rows`` (codes padded with -1: one cache line for a random row,
    where offsets plus codes cost two or three)."""
    rows = offsets.shape[0] - 1
    width = true_rows.shape[1]
    in_true = np.full(n_classes, -1, np.int64)
    in_pred = np.full(n_classes, -1, np.int64)
    tp = 0
    true_sum = 0
    pred_sum = 0
    for i in range(rows):
        p = positions[i]
        for t in range(width):
            c = true_rows[p, t]
            if c < 0:
                break
            if in_true[c] != i:
                in_true[c] = i
                true_sum += 1
        j = offsets[i]
        end = offsets[i + 1]
        start = -1
        while j <= end:
            if j < end and 32 < data[j] < 128:  # printable ASCII: never whitespace
                width_ws = 0
            else:
                width_ws = 1 if j == end else _whitespace_width(data, j, end)
            if width_ws:
                if start >= 0:
                    c = _find(table, labels, label_offsets, data, start, j)
                    if c >= 0 and in_pred[c] != i:
                        in_pred[c] = i
                        pred_sum += 1
                        if in_true[c] == i:
                            tp += 1
                    start = -1
                j += width_ws
            else:
                if start < 0:
                    start = j
                j += 1
    return tp, true_sum, pred_sum


@kernel
def _padded(codes, offsets):
    """Each row's codes >= 0, without repeats, padded with -1 to the widest row's count."""
    rows = offsets.shape[0] - 1
    width = 1
    for r in range(rows):
        width = max(width, offsets[r + 1] - offsets[r])
    out = np.full((rows, width), -1, np.int32)
    for r in range(rows):
        k = 0
        for j in range(offsets[r], offsets[r + 1]):
            c = codes[j]
            if c < 0:
                continue
            seen = False
            for m in range(k):
                if out[r, m] == c:
                    seen = True
                    break
            if not seen:
                out[r, k] = c
                k += 1
    return out


class ClassTable:
    """The classes (UTF-8 labels, code = position) hashed for :meth:`split_codes` and
    :meth:`micro_f1`; labels must be distinct."""

    __slots__ = ("labels", "label_offsets", "table", "n_classes")

    def __init__(self, label_offsets: np.ndarray, labels: np.ndarray) -> None:
        self.labels = np.ascontiguousarray(labels, dtype=np.uint8)
        self.label_offsets = np.ascontiguousarray(label_offsets, dtype=np.int64)
        self.table = _build_table(self.labels, self.label_offsets)
        self.n_classes = self.label_offsets.shape[0] - 1

    def split_codes(self, offsets: np.ndarray, data: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``s.split()`` of each UTF-8 row, coded: (codes, row offsets into them)."""
        return _split_codes(
            data, np.ascontiguousarray(offsets, dtype=np.int64), self.table, self.labels,
            self.label_offsets,
        )

    def true_rows(self, true_codes: np.ndarray, true_offsets: np.ndarray) -> np.ndarray:
        """The true sets (codes, row offsets) in the layout :meth:`micro_f1` reads."""
        return _padded(
            np.ascontiguousarray(true_codes, dtype=np.int64),
            np.ascontiguousarray(true_offsets, dtype=np.int64),
        )

    def micro_f1(
        self,
        offsets: np.ndarray,
        data: np.ndarray,
        positions: np.ndarray,
        true_rows: np.ndarray,
        n_classes: int,
    ) -> np.float64:
        """:func:`micro_f1_score` of each text row ``i``'s ``s.split()`` tokens against the true
        set in row ``positions[i]`` of ``true_rows`` (from :meth:`true_rows`; ``positions`` a
        permutation of its rows), with ``n_classes`` classes (this table's, plus any that no
        token can name)."""
        if n_classes == 0:
            msg = "unknown is not supported"
            raise ValueError(msg)
        if n_classes == 1:
            raise TypeError(SPARSE_Y_MESSAGE)
        tp, true_sum, pred_sum = _text_counts(
            data, np.ascontiguousarray(offsets, dtype=np.int64),
            np.ascontiguousarray(positions, dtype=np.int64), true_rows,
            self.table, self.labels, self.label_offsets, n_classes,
        )
        return micro_f1_from_set_counts(int(tp), int(true_sum), int(pred_sum))
