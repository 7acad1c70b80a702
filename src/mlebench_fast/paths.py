"""Where mlebench-fast finds data and keeps its caches, by the reference's conventions."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir

CACHE_DIR_ENV = "MLEBENCH_FAST_CACHE_DIR"


def default_data_dir() -> Path:
    """The reference's default: ``<user cache dir>/mle-bench/data`` (``mlebench prepare``'s output)."""
    return (Path(user_cache_dir()) / "mle-bench" / "data").resolve()


def default_cache_dir() -> Path:
    """Answers and results caches: ``$MLEBENCH_FAST_CACHE_DIR`` or ``<user cache dir>/mlebench-fast``."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override).expanduser().resolve()
    return (Path(user_cache_dir()) / "mlebench-fast").resolve()
