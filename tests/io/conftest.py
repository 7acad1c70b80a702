"""Every read_csv test runs once per reader: the native fast path (on the calling thread, and
``parallel``: in parts on several threads, as big files are), the Polars path, and the Polars
path of a file checked through a memory map (``mapped``, for big files, here every one)."""

from __future__ import annotations

import pytest

from mlebench_fast.io import _fast_reader
from mlebench_fast.io import csv as csv_module


@pytest.fixture(params=["fast", "parallel", "polars", "mapped"], autouse=True)
def reader(request, monkeypatch):
    """``fast``: the native path takes every file it accepts; ``polars``: it takes none."""
    if request.param == "mapped":
        monkeypatch.setattr(csv_module, "MAPPED_MIN_BYTES", 0)
        monkeypatch.setattr(csv_module, "READER", "polars")
        return "polars"
    if request.param == "parallel":
        # every file in 3 parts (3 threads, whatever the cores): seams everywhere
        monkeypatch.setattr(_fast_reader, "PARALLEL_MIN_BYTES", 0)
        monkeypatch.setattr(_fast_reader, "THREADS", 3)
        monkeypatch.setenv("MLEBENCH_FAST_THREADS", "3")
        monkeypatch.setattr(csv_module, "READER", "fast")
        return "fast"
    monkeypatch.setattr(csv_module, "READER", request.param)
    return request.param
