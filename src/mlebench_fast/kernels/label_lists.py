"""Label lists scored straight from a submission's text column (``csrc/label_lists.pyx``).

Each pass splits every cell, looks its tokens up in the answers' labels and scores the row
against its answer row in one go, without the GIL; big inputs are split across threads (the
per-part results are combined in a fixed order, so they never depend on the thread count).

Columns reach the native code as Arrow string views (Polars' own layout: no copy); a column with
nulls or of another type is first made strings by the caller (``astype(str)`` semantics differ
per competition).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import polars as pl
import pyarrow as pa

from mlebench_fast._native import load
from mlebench_fast.kernels.strings import as_arrow_strings, string_buffers, string_views
from mlebench_fast.threads import executor, kernel_threads

__all__ = ["KendallTruth", "LabelTable", "TextColumn", "kendall_tau_counts", "permutation_of"]

_native = load("label_lists")
# Below this many bytes of text a second thread costs more than it saves.
_PARALLEL_BYTES = 1 << 16
# Passes that look each row's id up (~40 ns a row) run on one thread below this many rows: a
# second thread's hand-off (30-100 us when the machine is busy) would cost more than it saves.
_PARALLEL_ID_ROWS = 1 << 15
_NO_NULLS = np.zeros(0, dtype=np.uint8)


def _threads() -> int:
    return max(1, min(2, kernel_threads()))


@dataclass(frozen=True, slots=True)
class TextColumn:
    """A string column as Arrow string views (kept alive with its buffers) and, where it has
    nulls, its validity bits (the kernels that take them read a null as an empty cell; the
    others need a column without nulls)."""

    arrow: pa.Array
    views: np.ndarray
    buffers: np.ndarray
    valid: np.ndarray

    @classmethod
    def of(cls, column: pl.Series) -> TextColumn:
        arrow = as_arrow_strings(column)
        if arrow.type != pa.string_view():
            arrow = arrow.cast(pa.string_view())
        views, buffers = string_views(arrow)
        valid = _NO_NULLS
        if arrow.null_count:
            bits = np.frombuffer(arrow.buffers()[0], dtype=np.uint8)
            if arrow.offset % 8:  # the kernels read the bits from row 0
                bits = np.packbits(arrow.is_valid().to_numpy(zero_copy_only=False), bitorder="little")
            else:
                bits = bits[arrow.offset // 8 :]
            valid = np.ascontiguousarray(bits)
        return cls(arrow, views, buffers, valid)

    @property
    def rows(self) -> int:
        return self.views.shape[0]

    @property
    def nbytes(self) -> int:
        # asked only where threads are weighed: Arrow takes ~10 us to count a view column's bytes
        return int(self.arrow.nbytes)

    def parts(self) -> list[tuple[int, int]]:
        """Row ranges, one per thread (one range for a small column)."""
        parts = _threads() if self.nbytes >= _PARALLEL_BYTES else 1
        bounds = [self.rows * k // parts for k in range(parts + 1)]
        return [(bounds[k], bounds[k + 1]) for k in range(parts)]


def _run(fn: Callable[[int, int], object], parts: list[tuple[int, int]]) -> list:
    if len(parts) == 1:
        return [fn(*parts[0])]
    return list(executor().map(lambda part: fn(*part), parts))


class LabelTable:
    """Distinct labels (a label's code is its position) for look-ups from text."""

    __slots__ = ("_table", "size", "unique")

    def __init__(self, labels: pl.Series) -> None:
        """``labels``: strings without nulls; a repeated label keeps its first position
        (``unique`` is then False)."""
        self._table = _native.LabelTable(*string_buffers(labels))
        self.size = self._table.size
        self.unique = bool(self._table.unique)

    def lookup(self, column: TextColumn) -> np.ndarray:
        """Each whole cell's code, -1 for a cell that is no label."""
        out = np.empty(column.rows, dtype=np.int64)
        _run(
            lambda a, b: self._table.lookup(column.views, column.buffers, out, a, b),
            column.parts(),
        )
        return out

    def average_precisions(
        self,
        column: TextColumn,
        positions: np.ndarray,
        actual: np.ndarray,
        actual_offsets: np.ndarray,
        k: int,
        rows: int,
    ) -> np.ndarray:
        """AP@k (``mlebench.metrics.average_precision_at_k``) of each cell's first ``k``
        ``split(" ")`` labels against the distinct codes of answer row ``positions[r]``
        (``actual[actual_offsets[p]:actual_offsets[p + 1]]``), into an array of ``rows`` scores
        by answer row; cells with a negative position are skipped. Every answer row below
        ``rows`` must be some cell's position."""
        out = np.zeros(rows, dtype=np.float64)
        self._table.prepare_keys()
        positions = np.ascontiguousarray(positions, dtype=np.int64)
        actual = np.ascontiguousarray(actual, dtype=np.int64)
        actual_offsets = np.ascontiguousarray(actual_offsets, dtype=np.int64)
        _run(
            lambda a, b: self._table.average_precisions(
                column.views, column.buffers, positions, actual, actual_offsets, k, out, a, b
            ),
            column.parts(),
        )
        return out

    def average_precisions_by_id(
        self,
        column: TextColumn,
        ids: pl.Series,
        id_table: LabelTable,
        actual: np.ndarray,
        actual_offsets: np.ndarray,
        k: int,
    ) -> np.ndarray | None:
        """:meth:`average_precisions` with each cell's answer row found from its id: its code
        in ``id_table``, when ``ids`` (strings without nulls) name every label of that table
        (distinct labels) exactly once, as in :func:`permutation_of`; None otherwise (the
        caller then takes its general path). One pass, no positions array."""
        if (
            not id_table.unique
            or ids.dtype != pl.String
            or ids.null_count()
            or ids.len() != id_table.size
            or column.rows != id_table.size
        ):
            return None
        rows = id_table.size
        if actual_offsets.size <= rows:
            msg = "actual_offsets must cover every label of id_table"
            raise ValueError(msg)
        out = np.zeros(rows, dtype=np.float64)
        seen = np.zeros(rows, dtype=np.uint8)
        self._table.prepare_keys()
        id_column = TextColumn.of(ids)
        actual = np.ascontiguousarray(actual, dtype=np.int64)
        actual_offsets = np.ascontiguousarray(actual_offsets, dtype=np.int64)
        complete = _run(
            lambda a, b: self._table.average_precisions_by_id(
                id_table._table, id_column.views, id_column.buffers, column.views,
                column.buffers, actual, actual_offsets, k, out, seen, a, b,
            ),
            column.parts() if rows >= _PARALLEL_ID_ROWS else [(0, rows)],
        )
        # Every id found and as many rows as labels: a permutation unless some label is unmet.
        if not all(complete) or not seen.view(np.bool_).all():
            return None
        return out

    def micro_f1_counts(
        self, column: TextColumn, positions: np.ndarray, true_rows: np.ndarray, n_classes: int
    ) -> tuple[int, int, int]:
        """(tp, true_sum, pred_sum) of each cell's ``split()`` labels (codes below
        ``n_classes``, repeats once) against the distinct codes in row ``positions[r]`` of
        ``true_rows`` (int32, padded with -1); a null cell has no label."""
        positions = np.ascontiguousarray(positions, dtype=np.int64)
        true_rows = np.ascontiguousarray(true_rows, dtype=np.int32)
        counts = _run(
            lambda a, b: self._table.micro_f1_counts(
                column.views, column.buffers, column.valid, positions, true_rows, n_classes,
                a, b,
            ),
            column.parts(),
        )
        return tuple(int(sum(c[i] for c in counts)) for i in range(3))  # type: ignore[return-value]


def permutation_of(ids: pl.Series, table: LabelTable) -> np.ndarray | None:
    """Each id's code (its row in the table's labels) where ``ids`` are strings without nulls
    naming every label of ``table`` (distinct labels) exactly once; None otherwise (the caller
    then takes its general path)."""
    if not table.unique or ids.dtype != pl.String or ids.null_count() or ids.len() != table.size:
        return None
    positions = table.lookup(TextColumn.of(ids))
    if positions.size == 0 or positions.min() < 0:
        return None
    seen = np.zeros(positions.size, dtype=np.bool_)
    seen[positions] = True
    return positions if seen.all() else None


@dataclass(frozen=True, slots=True)
class KendallTruth:
    """Each answer row's cells: tokens ``rows[p]..rows[p + 1]`` of the (offsets, data) strings,
    hashed into one small table per row."""

    rows: np.ndarray
    token_offsets: np.ndarray
    token_data: np.ndarray
    hashes: np.ndarray
    same: np.ndarray
    tables: np.ndarray
    table_offsets: np.ndarray
    longest: int

    @classmethod
    def of(cls, rows: np.ndarray, tokens: pl.Series) -> KendallTruth:
        offsets, data = string_buffers(tokens)
        rows = np.ascontiguousarray(rows, dtype=np.int64)
        offsets = np.ascontiguousarray(offsets, dtype=np.int64)
        data = np.ascontiguousarray(data, dtype=np.uint8)
        longest = int(np.diff(rows).max(initial=0))
        return cls(rows, offsets, data, *_native.kendall_tables(rows, offsets, data), longest)


def kendall_tau_counts(
    column: TextColumn, rows_of: np.ndarray, truth: KendallTruth
) -> tuple[bool, bool, int, int]:
    """(length_differs, cell_missing, inversions, pairs) of each answer row ``p``'s cells against
    the ``split()`` list of the submission's cell ``rows_of[p]``, each ranked by its first position in the cell's list
    (``list.index``): whether any row's list has another length than its answer's, whether any
    lacks one of its answer's cells, and the inversion and ``n(n - 1)`` sums of the other rows."""
    rows_of = np.ascontiguousarray(rows_of, dtype=np.int64)
    counts = _run(
        lambda a, b: _native.kendall_counts(
            column.views, column.buffers, rows_of, truth.rows, truth.token_offsets,
            truth.token_data, truth.hashes, truth.same, truth.tables, truth.table_offsets,
            truth.longest, a, b,
        ),
        column.parts(),
    )
    return (
        any(c[0] for c in counts),
        any(c[1] for c in counts),
        sum(int(c[2]) for c in counts),
        sum(int(c[3]) for c in counts),
    )
