"""Answers parsed and prepared once per file, shared by every submission graded in the process."""

from __future__ import annotations

import os
import stat
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from mlebench_fast.competitions.spec import Competition
from mlebench_fast.exceptions import DatasetNotPreparedError
from mlebench_fast.io import read_csv, read_jsonl

_MAX_ENTRIES = 16
_lock = threading.Lock()
_cache: OrderedDict[tuple[str, str, int, int], Any] = OrderedDict()


def not_prepared_message(competition_id: str) -> str:
    return (
        f"Dataset for competition `{competition_id}` is not prepared! "
        f"Please run `mlebench prepare -c {competition_id}` to prepare the dataset."
    )


def prepared_answers(competition: Competition, path: Path) -> Any:
    """The competition grader's prepared answers for the file at ``path``.

    Keyed by the file's path, size and modification time, so an edited answers file is
    re-read.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise DatasetNotPreparedError(not_prepared_message(competition.id)) from None
    if not stat.S_ISREG(info.st_mode):
        raise DatasetNotPreparedError(not_prepared_message(competition.id))
    # abspath, not resolve(): this runs for every submission and resolve() stats each component.
    key = (competition.id, os.path.abspath(path), info.st_size, info.st_mtime_ns)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    prepared = _prepare(competition.grader, path)
    with _lock:
        _cache[key] = prepared
        while len(_cache) > _MAX_ENTRIES:
            _cache.popitem(last=False)
    return prepared


def _prepare(grader: Any, path: Path) -> Any:
    # A grader may read a big answers file its own way (streamed, holding less than the whole
    # table); None means it did not take this file.
    by_file = getattr(grader, "prepare_answers_file", None)
    if by_file is not None and path.suffix.lower() == ".csv":
        prepared = by_file(path)
        if prepared is not None:
            return prepared
    raw = read_jsonl(path) if path.suffix == ".jsonl" else read_csv(path)
    return grader.prepare_answers(raw)


def clear() -> None:
    with _lock:
        _cache.clear()
