from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mlebench_fast.synthetic.suite import build_suite

IDS = ("spaceship-titanic", "spooky-author-identification", "aptos2019-blindness-detection")


@pytest.fixture(scope="session")
def suite(tmp_path_factory):
    return build_suite(tmp_path_factory.mktemp("bulk-suite"), IDS, seeds=3, max_rows=300)


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "cache"
    monkeypatch.setenv("MLEBENCH_FAST_CACHE_DIR", str(path))
    return path


def strip(report) -> dict:
    data = report.to_dict()
    data.pop("created_at")
    data.pop("seconds")
    return data


@pytest.fixture
def copy_suite(suite, tmp_path):
    """A private copy of the suite's submissions (a test may edit them)."""
    def make() -> Path:
        target = tmp_path / "subs"
        shutil.copytree(suite.root / "submissions", target)
        return target
    return make
