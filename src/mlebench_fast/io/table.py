"""The in-memory form of a submission or answers file."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl


@dataclass(frozen=True, slots=True)
class Table:
    """A CSV file as pandas would have read it, held as a Polars frame.

    Column dtypes carry pandas' inference (see :mod:`mlebench_fast.io.csv`):

    ========================  =========================================================
    Polars dtype              pandas dtype it stands for
    ========================  =========================================================
    ``Int64`` / ``UInt64``    ``int64`` / ``uint64``
    ``Float64``               ``float64`` (NaN and null both mean pandas' NaN)
    ``Boolean`` without nulls ``bool``
    ``Boolean`` with nulls    ``object`` holding ``True`` / ``False`` / ``NaN``
    ``String``                ``object`` holding ``str`` (null means ``NaN``)
    ``Object``                ``object`` mixing kinds (int/float/bool/str, NaN as
                              ``float("nan")``): pandas' chunked read of a big file, or a
                              user's pandas frame; the very Python values pandas holds
    ========================  =========================================================

    ``index`` holds the columns pandas turned into the row index (a file whose rows have more
    fields than its header); ``None`` means pandas' default ``RangeIndex``.
    """

    frame: pl.DataFrame
    index: pl.DataFrame | None = None

    @property
    def columns(self) -> list[str]:
        return self.frame.columns

    @property
    def height(self) -> int:
        return self.frame.height

    def __len__(self) -> int:
        return self.frame.height
