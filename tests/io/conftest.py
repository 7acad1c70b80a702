"""Every read_csv test runs once per reader: the native fast path and the Polars path."""

from __future__ import annotations

import pytest

from mlebench_fast.io import csv as csv_module


@pytest.fixture(params=["fast", "polars"], autouse=True)
def reader(request, monkeypatch):
    """``fast``: the native path takes every file it accepts; ``polars``: it takes none."""
    monkeypatch.setattr(csv_module, "READER", request.param)
    return request.param
