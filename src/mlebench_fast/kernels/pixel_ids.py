"""Pixel ids "{img}_{row}_{col}" matched through their numbers instead of their strings.

For canonical ids (three decimal numbers without signs or leading zeros) the string and the
number triple determine each other, so two id columns are equal as multisets exactly when their
triples are. A dense table over (image, row, column) then gives each submission row its
position among the answers' sorted ids in one pass over the bytes, where a sort or a hash of
millions of strings costs seconds. Non-canonical ids are reported, and callers fall back to
comparing strings.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mlebench_fast.kernels._jit import kernel
from mlebench_fast.kernels.strings import StringColumn, string_buffers

__all__ = ["PixelIdSpans", "PixelIdTable", "parse_pixel_ids", "place_span_values", "span_triples"]

@kernel
def _parse_one(data, i, end):
    """(ok, img, row, col) of the id in ``data[i:end]``; ok is False when it is not canonical."""
    a = b = c = 0
    for part in range(3):
        start = i
        value = 0
        while i < end and data[i] != 95:  # "_"
            digit = data[i]
            if digit < 48 or digit > 57 or i - start >= 9:
                return False, a, b, c
            value = value * 10 + (digit - 48)
            i += 1
        if i == start or data[start] == 48:  # empty, or a leading zero
            return False, a, b, c
        if part == 0:
            a = value
        elif part == 1:
            b = value
        else:
            c = value
        if part < 2:
            if i >= end:
                return False, a, b, c
            i += 1  # the separator
    return i == end, a, b, c


@kernel
def _parse(offsets, data):
    rows = offsets.shape[0] - 1
    out = np.empty((rows, 3), dtype=np.int64)
    for r in range(rows):
        ok, a, b, c = _parse_one(data, offsets[r], offsets[r + 1])
        if not ok:
            return out, False
        out[r, 0] = a
        out[r, 1] = b
        out[r, 2] = c
    return out, True


def parse_pixel_ids(ids: StringColumn) -> np.ndarray | None:
    """(n, 3) int64 triples of canonical "{img}_{row}_{col}" ids (no nulls), or None when any id
    is not canonical."""
    offsets, data = string_buffers(ids)
    triples, ok = _parse(offsets, data)
    return triples if ok else None


@kernel
def _positions(offsets, data, image_rank, rows, cols, table):
    n = offsets.shape[0] - 1
    out = np.empty(n, dtype=np.int64)
    n_images = image_rank.shape[0]
    for k in range(n):
        ok, img, row, col = _parse_one(data, offsets[k], offsets[k + 1])
        if not ok:
            return out, False
        if img >= n_images or row > rows or col > cols or image_rank[img] < 0:
            out[k] = -1
        else:
            out[k] = table[(image_rank[img] * rows + row - 1) * cols + col - 1]
    return out, True


@kernel
def _is_permutation(positions):
    n = positions.shape[0]
    seen = np.zeros(n, dtype=np.bool_)
    for k in range(n):
        p = positions[k]
        if p < 0 or p >= n or seen[p]:
            return False
        seen[p] = True
    return True


@dataclass(frozen=True, slots=True)
class PixelIdTable:
    """Position of each answers id (in the answers' order) by its (image, row, column)."""

    image_rank: np.ndarray
    rows: int
    cols: int
    table: np.ndarray
    size: int  # number of ids

    @classmethod
    def build(cls, ids: StringColumn, max_cells_per_id: int = 4) -> PixelIdTable | None:
        """The table of unique canonical ids, or None (non-canonical, duplicated, or too sparse
        for a dense table)."""
        triples = parse_pixel_ids(ids)
        if triples is None or triples.shape[0] == 0:
            return None
        images = np.unique(triples[:, 0])
        rows, cols = int(triples[:, 1].max()), int(triples[:, 2].max())
        n = triples.shape[0]
        if n >= 2**31 - 1 or images.shape[0] * rows * cols > max_cells_per_id * n + 1024:
            return None
        image_rank = np.full(int(images[-1]) + 1, -1, dtype=np.int64)
        image_rank[images] = np.arange(images.shape[0])
        table = np.full(images.shape[0] * rows * cols, -1, dtype=np.int32)
        cells = (image_rank[triples[:, 0]] * rows + triples[:, 1] - 1) * cols + triples[:, 2] - 1
        if np.unique(cells).shape[0] != n:
            return None
        table[cells] = np.arange(n, dtype=np.int32)
        return cls(image_rank, rows, cols, table, n)

    def positions(self, ids: StringColumn) -> np.ndarray | None:
        """For each id, its position among the table's ids; None when the ids are not canonical.
        Unknown ids get -1."""
        offsets, data = string_buffers(ids)
        positions, ok = _positions(offsets, data, self.image_rank, self.rows, self.cols, self.table)
        return positions if ok else None

    def permutation(self, ids: StringColumn) -> tuple[np.ndarray | None, bool]:
        """(positions, whether ``ids`` are exactly the table's ids, each once); positions is None
        when the ids are not canonical (compare strings instead)."""
        positions = self.positions(ids)
        if positions is None:
            return None, False
        return positions, positions.shape[0] == self.size and bool(_is_permutation(positions))


# ---------------------------------------------------------------------------------------------
# Ids as byte spans of a CSV window (io.csv_stream text columns): a big file's ids are matched
# window by window, never held as strings.


@kernel
def _span_triples(data, spans):
    rows = spans.shape[0]
    out = np.empty((rows, 3), dtype=np.int64)
    for r in range(rows):
        ok, a, b, c = _parse_one(data, spans[r, 0], spans[r, 1])
        if not ok:
            return out, False
        out[r, 0] = a
        out[r, 1] = b
        out[r, 2] = c
    return out, True


def span_triples(data: np.ndarray, spans: np.ndarray) -> np.ndarray | None:
    """(n, 3) int64 triples of the canonical ids at ``data[start:end]`` for each row of
    ``spans``, or None when any is not canonical."""
    triples, ok = _span_triples(data, spans)
    return triples if ok else None


@kernel
def _span_cells(data, spans, image_rank, rows, cols, out):
    """Each id's cell in the dense table, -1 when outside it; False when one is not canonical."""
    n_images = image_rank.shape[0]
    for k in range(spans.shape[0]):
        ok, img, row, col = _parse_one(data, spans[k, 0], spans[k, 1])
        if not ok:
            return False
        if img >= n_images or row > rows or col > cols or image_rank[img] < 0:
            out[k] = -1
        else:
            out[k] = (image_rank[img] * rows + row - 1) * cols + col - 1
    return True


@kernel
def _mark_cells(cells, table):
    """Counts each cell once in ``table``; False on an unknown or repeated one."""
    for k in range(cells.shape[0]):
        c = cells[k]
        if c < 0 or table[c] != 0:
            return False
        table[c] = 1
    return True


@kernel
def _rank_marked(table, image_order, row_order, col_order, rows, cols):
    """Marked cells numbered in the ids' string order, the others -1; returns the count."""
    k = 0
    for image in image_order:
        for row in row_order:
            base = (image * rows + row - 1) * cols - 1
            for col in col_order:
                c = base + col
                if table[c] == 1:
                    table[c] = k
                    k += 1
                else:
                    table[c] = -1
    return k


@kernel
def _place_values(cells, values, table, out):
    """``out[position of cell k] = values[k]``; False on an unknown id, one already placed
    (``out`` starts NaN) or a value that is not finite."""
    for k in range(cells.shape[0]):
        c = cells[k]
        v = values[k]
        if c < 0 or v - v != 0.0:
            return False
        p = table[c]
        if p < 0 or out[p] == out[p]:
            return False
        out[p] = v
    return True


def _string_order(values: np.ndarray, terminator: str) -> np.ndarray:
    # "{img}_{row}_{col}" strings compare part by part: a part ends at "_" (above every digit,
    # so "10_" < "1_"), the last at the string's end (so "1" < "10").
    return np.array(sorted(values.tolist(), key=lambda v: f"{v}{terminator}"), dtype=np.int64)


class PixelIdSpans:
    """A :class:`PixelIdTable` built from id spans read in passes over a file: :meth:`measure`
    every window, then :meth:`mark` every window, then :meth:`table`."""

    def __init__(self) -> None:
        self._images = np.empty(0, dtype=np.int64)
        self.rows = self.cols = self.size = 0
        self._image_rank = self._table = None

    def measure(self, data: np.ndarray, spans: np.ndarray) -> bool:
        """First pass; False when an id is not canonical."""
        triples = span_triples(data, spans)
        if triples is None:
            return False
        if triples.shape[0]:
            self._images = np.union1d(self._images, np.unique(triples[:, 0]))
            self.rows = max(self.rows, int(triples[:, 1].max()))
            self.cols = max(self.cols, int(triples[:, 2].max()))
            self.size += triples.shape[0]
        return True

    def start_marking(self, max_cells_per_id: int = 4) -> bool:
        """False when the ids are too sparse for a dense table (as :meth:`PixelIdTable.build`)."""
        n, images = self.size, self._images
        if n == 0 or n >= 2**31 - 1 or images.shape[0] * self.rows * self.cols > max_cells_per_id * n + 1024:
            return False
        self._image_rank = np.full(int(images[-1]) + 1, -1, dtype=np.int64)
        self._image_rank[images] = np.arange(images.shape[0])
        self._table = np.zeros(images.shape[0] * self.rows * self.cols, dtype=np.int32)
        return True

    def cells(self, data: np.ndarray, spans: np.ndarray) -> np.ndarray | None:
        cells = np.empty(spans.shape[0], dtype=np.int64)
        ok = _span_cells(data, spans, self._image_rank, self.rows, self.cols, cells)
        return cells if ok else None

    def mark(self, data: np.ndarray, spans: np.ndarray) -> bool:
        """Second pass; False on a repeated id."""
        cells = self.cells(data, spans)
        return cells is not None and bool(_mark_cells(cells, self._table))

    def table(self) -> PixelIdTable | None:
        """The table, positions in the ids' sorted (string) order; None when the passes saw
        different ids (the file changed between them)."""
        image_order = self._image_rank[_string_order(self._images, "_")]
        row_order = _string_order(np.arange(1, self.rows + 1), "_")
        col_order = _string_order(np.arange(1, self.cols + 1), "")
        count = _rank_marked(self._table, image_order, row_order, col_order, self.rows, self.cols)
        if count != self.size:
            return None
        return PixelIdTable(self._image_rank, self.rows, self.cols, self._table, self.size)


def place_span_values(
    table: PixelIdTable, data: np.ndarray, spans: np.ndarray, values: np.ndarray, out: np.ndarray
) -> bool:
    """``out[sorted position of each id] = its value``; False on an id that is not canonical,
    unknown, or already placed (``out`` starts NaN), or a value that is not finite."""
    cells = np.empty(spans.shape[0], dtype=np.int64)
    if not _span_cells(data, spans, table.image_rank, table.rows, table.cols, cells):
        return False
    return bool(_place_values(cells, values, table.table, out))
