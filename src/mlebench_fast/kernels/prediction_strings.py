"""Box prediction strings ("label n n ... label n n ...") parsed natively from a string column.

See ``csrc/prediction_strings.pyx`` for how the reference's ``split`` and ``float()`` are
reproduced; the Python layer here only hands the column's Arrow buffers over.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl
import pyarrow as pa

from mlebench_fast._native import load
from mlebench_fast.kernels.strings import (
    StringViews,
    as_arrow_strings,
    string_buffers,
    string_views,
)

__all__ = ["ParsedObjects", "label_index", "parse_objects", "point_in_box_counts"]


def label_index(labels=(), *, strip_nul: bool = False):
    """A native ``LabelIndex`` (label -> code in insertion order, -1 when unknown)."""
    return load("prediction_strings").LabelIndex(labels, strip_nul)


@dataclass(frozen=True, slots=True)
class ParsedObjects:
    """Objects of every cell: ``offsets`` (cells + 1) into ``codes`` and the columns of
    ``values`` ((width - 1, objects) float64); ``bad_row`` is the first cell whose token count is
    not a multiple of the width, ``fail_row``/``fail_token`` the first number float() refuses
    (-1 / None when there is none)."""

    offsets: np.ndarray
    codes: np.ndarray
    values: np.ndarray
    bad_row: int
    fail_row: int
    fail_token: str | None


def _cells(column: pl.Series | StringViews):
    native = load("prediction_strings")
    if isinstance(column, StringViews):
        return native.Cells.from_views(column.views, column.addresses, column.keepalive)
    arrow = as_arrow_strings(column)
    if arrow.type == pa.large_string():
        return native.Cells.from_offsets(*string_buffers(arrow))
    return native.Cells.from_views(*string_views(arrow), arrow)


def parse_objects(
    column: pl.Series | StringViews,
    labels,
    width: int,
    *,
    python_split: bool,
    rows: np.ndarray | None = None,
    grow: bool = False,
) -> ParsedObjects:
    """Objects of ``width`` tokens (a label coded by ``labels``, then ``width - 1`` numbers as
    Python's ``float()`` reads them) of each cell of a String column, split by ``str.split()``
    (``python_split``) or ``str.split(" ")``. Cell ``r`` is ``column[rows[r]]`` when ``rows`` is
    given; null cells hold no object; ``grow`` adds unknown labels to ``labels``."""
    nulls = None
    if isinstance(column, pl.Series) and column.null_count():
        nulls = column.is_null().to_numpy().view(np.uint8)
    if rows is not None:
        rows = np.ascontiguousarray(rows, dtype=np.int64)
    out = load("prediction_strings").parse_objects(
        _cells(column), labels, width, python_split, rows, nulls, grow
    )
    return ParsedObjects(*out)


def point_in_box_counts(
    t_off, t_label, t_x0, t_y0, t_x1, t_y1, p_off, p_label, p_x, p_y, n_labels: int
) -> tuple[int, int, int]:
    """(tp, fp, fn): each page's boxes, in order, claim the first unused point of their label
    strictly inside them (see ``csrc/prediction_strings.pyx``)."""
    return load("prediction_strings").point_in_box_counts(
        t_off, t_label, t_x0, t_y0, t_x1, t_y1, p_off, p_label, p_x, p_y, n_labels
    )
