"""Placing submission rows against the answers' ids without sorting the submission.

The reference sorts both files by id and compares the id columns elementwise. When the answers'
ids are unique, that comparison passes exactly when the submission's ids are a permutation of
them, and the sort then puts each submission row at its id's position in the sorted answers. An
index of the answers finds those positions by hashing, in one pass; anything else (a missing or
repeated id, NaN, ids of another kind, repeated answer ids) falls back to the sort itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import polars as pl
import pyarrow as pa

from mlebench_fast._native import load
from mlebench_fast.kernels.hash_lookup import dense_place_rows, dense_placement
from mlebench_fast.kernels.introsort import object_argsort
from mlebench_fast.kernels.strings import (
    StringViews,
    as_arrow_strings,
    string_buffers,
    string_views,
)
from mlebench_fast.threads import in_equal_shares
from mlebench_fast.validation.frames import any_differ, kind, pandas_sort_indices

_NUMERIC = {"int", "float", "bool"}


@dataclass(frozen=True, slots=True)
class IdIndex:
    """The answers' id column, sorted as pandas sorts it, indexed by value."""

    ids: pl.Series
    kind: str
    strings: object | None  # the compiled StringIndex over ``ids``
    numbers: np.ndarray | None  # ``ids`` as int64 or float64, when they are numbers
    unique: bool
    # Position of each int id in ``ids``, indexed by ``id - ids[0]`` (-1: not an id), when the
    # ids span a range not much wider than their count (row numbers, dataset indices).
    dense: np.ndarray | None = None
    # With repeated string ids: each sorted answer id's code (the row of its first occurrence,
    # so equal ids share a code and codes order as the ids do).
    repeated_codes: np.ndarray | None = None

    @classmethod
    def of(cls, sorted_ids: pl.Series) -> IdIndex:
        id_kind = kind(sorted_ids)
        has_missing = sorted_ids.null_count() > 0 or (
            id_kind == "float" and bool(sorted_ids.is_nan().any())
        )
        strings = numbers = None
        if id_kind == "str" and not has_missing:
            strings = load("align").StringIndex(*string_buffers(sorted_ids))
            unique = strings.unique
        elif id_kind in _NUMERIC and not has_missing:
            numbers = sorted_ids.cast(pl.Int64 if id_kind != "float" else pl.Float64).to_numpy()
            unique = bool(np.all(numbers[1:] > numbers[:-1]))
        else:
            unique = False
        dense = None
        if numbers is not None and unique and numbers.dtype == np.int64 and numbers.size:
            span = int(numbers[-1]) - int(numbers[0]) + 1
            if span <= 16 * numbers.size and numbers.size < 2**31:
                # int32 halves the memory the per-submission random probes touch.
                dense = np.full(span, -1, dtype=np.int32)
                dense[numbers - numbers[0]] = np.arange(numbers.size, dtype=np.int32)
        repeated_codes = None
        if strings is not None and not unique:
            repeated_codes = strings.lookup(*string_buffers(sorted_ids))
        return cls(
            ids=sorted_ids, kind=id_kind, strings=strings, numbers=numbers, unique=unique,
            dense=dense, repeated_codes=repeated_codes,
        )

    def tied_order(self, ids: pl.Series) -> tuple[np.ndarray, bool] | None:
        """With repeated answer ids, string ``ids`` all found among them: the rows of ``ids`` in
        pandas' sort order (numpy's object quicksort, ties included) and whether they then equal
        the answers' ids. None otherwise (the caller sorts)."""
        if self.repeated_codes is None or ids.len() != self.ids.len() or ids.null_count():
            return None
        if kind(ids) != "str" or ids.len() == 0:
            return None
        positions = self._lookup(ids)
        if positions.min() < 0:
            return None
        rows = object_argsort(positions)
        return rows, bool(np.array_equal(positions[rows], self.repeated_codes))

    def _lookup(self, ids: pl.Series) -> np.ndarray:
        """Each string id's row in this index (-1: absent), read in place from Polars' views."""
        arrow = as_arrow_strings(ids)
        if arrow.type == pa.string_view():
            return _lookup_views(self.strings, *string_views(arrow))
        return self.strings.lookup(*string_buffers(arrow))

    def order(self, ids: pl.Series) -> np.ndarray | None:
        """Rows of ``ids`` in the order that sorts them into exactly this index's ids, or None
        when no order does (or when this index cannot tell: the caller then sorts)."""
        n = self.ids.len()
        if not self.unique or ids.len() != n or ids.null_count():
            return None
        id_kind = kind(ids)
        if self.strings is not None and id_kind == "str":
            arrow = as_arrow_strings(ids)
            if arrow.type == pa.string_view():  # Polars' layout: read in place, no conversion
                return self.order_of_views(StringViews(*string_views(arrow), arrow))
            positions = self.strings.lookup(*string_buffers(arrow))
        elif self.numbers is not None and id_kind in _NUMERIC:
            if id_kind == "float" or self.numbers.dtype == np.float64:
                values = ids.cast(pl.Float64).to_numpy()
                reference = self.numbers.astype(np.float64, copy=False)
            else:
                values = ids.cast(pl.Int64).to_numpy()
                reference = self.numbers
            if self.dense is not None and values.dtype == np.int64:
                return _dense_order(values, int(reference[0]), self.dense)
            # Sorting the queries beats searchsorted's random probes several times over; the
            # ids match exactly when the sorted queries equal the (unique) answers' ids.
            rows = np.argsort(values, kind="quicksort")
            return rows if np.array_equal(values[rows], reference) else None
        else:
            return None
        return _inverse(positions)

    def order_of_views(self, ids: StringViews) -> np.ndarray | None:
        """:meth:`order` of string ids given as views (no nulls)."""
        n = self.ids.len()
        if self.strings is None or not self.unique or ids.views.shape[0] != n:
            return None
        return _inverse(_lookup_views(self.strings, ids.views, ids.addresses))


def _inverse(positions: np.ndarray) -> np.ndarray | None:
    """The order whose k-th entry is the row holding position k, when ``positions`` is a
    permutation of its indices (a look-up's -1 or a repeat: None)."""
    return load("align").inverse_permutation(np.ascontiguousarray(positions, dtype=np.int64))


# Look-ups of fewer ids than this run on the caller's thread: a hand-off would cost more.
_PARALLEL_MIN_IDS = 32768


def _lookup_views(strings, views: np.ndarray, addresses: np.ndarray) -> np.ndarray:
    """``strings.lookup_views(views, addresses)``, its rows shared among the kernel threads
    (each look-up only reads the index, and releases the GIL)."""
    parts = in_equal_shares(
        lambda start, stop: strings.lookup_views(views[start:stop], addresses),
        views.shape[0], _PARALLEL_MIN_IDS // 2,
    )
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def _dense_order(values: np.ndarray, low: int, dense: np.ndarray) -> np.ndarray | None:
    """Rows of int ``values`` (as many as the answers' ids) in the order of the answers' ids,
    through the ``dense`` table; None when they are not a permutation of those ids."""
    n = values.shape[0]
    if n < _PARALLEL_MIN_IDS:
        order, complete = dense_placement(dense, low, values)
        return order if complete else None  # n values, none unknown or repeated: all n placed
    # Random writes into ``order``: shared among threads, each writing its rows' own entries.
    order = np.full(n, -1, dtype=np.int64)
    found = in_equal_shares(
        lambda start, stop: dense_place_rows(dense, low, values[start:stop], start, order),
        n, _PARALLEL_MIN_IDS // 2,
    )
    if not all(found) or order.min() < 0:  # an unknown id, or a repeat left a hole
        return None
    return order


def sort_and_match(
    frame: pl.DataFrame, column: str, index: IdIndex, columns: Sequence[str] | None = None
) -> tuple[pl.DataFrame, bool]:
    """``frame.sort_values(column)`` and whether its ``column`` equals the answers' sorted ids
    elementwise (``not (sorted[column].values != answers_ids.values).any()``).

    With ``columns``, only those columns come back (what a grader scores: the rest is never
    reordered). Raises numpy's ValueError where that comparison cannot broadcast, as the
    reference does.
    """
    order = index.order(frame[column])
    if order is not None:
        names = frame.columns if columns is None else columns
        return pl.DataFrame([take_rows(frame[name], order) for name in names]), True
    names = frame.columns if columns is None else columns
    tied = index.tied_order(frame[column])
    if tied is not None:
        rows, matched = tied
        return pl.DataFrame([take_rows(frame[name], rows) for name in names]), matched
    rows = pandas_sort_indices(frame[column])
    matched = not any_differ(take_rows(frame[column], rows), index.ids)
    return pl.DataFrame([take_rows(frame[name], rows) for name in names]), matched


_NUMPY_TAKE_DTYPES = (pl.Int64, pl.UInt64, pl.Float64, pl.Boolean, pl.Int32, pl.UInt32)


def take_rows(series: pl.Series, rows: np.ndarray) -> pl.Series:
    """``series`` at positions ``rows`` (int64, in range), as one chunk.

    Polars' ``gather`` pays ~50 us of expression set-up per call and indexing several times
    that on many chunks; a numpy take (numbers without nulls) or ``series[rows]`` does not, and
    grading a small file is a handful of these.
    """
    if series.dtype in _NUMPY_TAKE_DTYPES and series.null_count() == 0:
        return pl.Series(series.name, series.to_numpy()[rows], dtype=series.dtype)
    return series.rechunk()[rows] if series.n_chunks() > 1 else series[rows]
