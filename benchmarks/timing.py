"""Wall-clock timing shared by the competition benchmarks and the reference timing tool."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_seconds(fn: Callable[[], object], *, repeat: int = 7, budget: float = 20.0) -> float:
    """The fastest of ``repeat`` runs (fewer if they would exceed ``budget`` seconds)."""
    best = float("inf")
    started = time.perf_counter()
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
        if time.perf_counter() - started > budget:
            break
    return best


def floor_seconds(path: str, repeat: int = 7) -> float:
    """The read floor: the faster of Polars' and pyarrow's CSV readers on the file alone."""
    import os

    import polars as pl
    import pyarrow as pa
    import pyarrow.csv as pacsv

    options = None
    try:
        pacsv.read_csv(path)
    except pa.ArrowInvalid:
        # A cell longer than pyarrow's 1 MiB block (a gigapixel mask's RLE): blocks that hold it.
        options = pacsv.ReadOptions(block_size=max(1 << 20, 2 * os.path.getsize(path)))
    return min(
        best_seconds(lambda: pl.read_csv(path, infer_schema_length=10000), repeat=repeat),
        best_seconds(lambda: pacsv.read_csv(path, read_options=options), repeat=repeat),
    )
