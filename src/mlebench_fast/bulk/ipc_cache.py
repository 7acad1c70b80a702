"""Answers parsed once per content and kept as memory-mapped Arrow IPC files.

The file name is the answers file's content hash, so every process (and every machine sharing
the cache dir) maps the same parsed answers instead of re-parsing the CSV.
"""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from mlebench_fast.io import Table, read_csv, read_jsonl

_CHUNK = 1 << 20


def file_digest(path: str | os.PathLike[str]) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


@dataclass(frozen=True, slots=True)
class AnswersRef:
    """What a worker needs to get a competition's prepared answers."""

    answers_hash: str
    csv_path: str
    ipc_path: str | None  # None: the table cannot be stored as IPC (object columns)
    index_path: str | None
    # Set when the answers are not cached yet: the worker that first needs them parses them
    # into this cache dir (workers parse different competitions at once, instead of the parent
    # parsing all of them before the first job starts).
    cache_dir: str | None = None


def pending_answers(answers_path: Path, cache_dir: Path, digest: str) -> AnswersRef:
    """A reference to answers that :func:`load_table` caches on first use (``digest`` is the
    file's :func:`file_digest`)."""
    return AnswersRef(digest, str(answers_path), None, None, str(cache_dir))


def _write_atomic(frame: pl.DataFrame, path: Path) -> None:
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    frame.write_ipc(partial, compression="uncompressed")  # uncompressed: mappable
    partial.replace(path)


def cache_answers(answers_path: Path, cache_dir: Path, digest: str | None = None) -> AnswersRef:
    """Parses ``answers_path`` once (unless its IPC form is cached) and returns its reference;
    ``digest``: its :func:`file_digest`, when known."""
    digest = digest or file_digest(answers_path)
    folder = cache_dir / "answers"
    folder.mkdir(parents=True, exist_ok=True)
    # One parse per answers content even when workers ask at the same time: the others wait
    # for the first one's files.
    with open(folder / f"{digest}.lock", "a") as lock:
        _lock_file(lock)
        return _cache_answers_locked(answers_path, folder, digest)


def _lock_file(handle: Any) -> None:
    try:
        import fcntl
    except ImportError:  # Windows: concurrent workers may each parse; their writes are atomic
        return
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX)  # released when the file is closed


def _cache_answers_locked(answers_path: Path, folder: Path, digest: str) -> AnswersRef:
    ipc = folder / f"{digest}.arrow"
    index = folder / f"{digest}.index.arrow"
    unstorable = folder / f"{digest}.object"
    if unstorable.exists():
        return AnswersRef(digest, str(answers_path), None, None)
    if ipc.exists():
        return AnswersRef(digest, str(answers_path), str(ipc), str(index) if index.exists() else None)
    table = read_jsonl(answers_path) if answers_path.suffix == ".jsonl" else read_csv(answers_path)
    if not isinstance(table, Table):  # JSON-lines records: each worker reads the file itself
        unstorable.touch()
        return AnswersRef(digest, str(answers_path), None, None)
    frames = [table.frame] + ([table.index] if table.index is not None else [])
    if any(dtype == pl.Object for frame in frames for dtype in frame.dtypes):
        unstorable.touch()
        return AnswersRef(digest, str(answers_path), None, None)
    if table.index is not None:
        _write_atomic(table.index, index)
    _write_atomic(table.frame, ipc)
    return AnswersRef(digest, str(answers_path), str(ipc), str(index) if table.index is not None else None)


def ipc_bytes(ref: AnswersRef) -> tuple[bytes | None, bytes | None]:
    """The IPC files' bytes, for workers that cannot see the cache dir."""
    frame = Path(ref.ipc_path).read_bytes() if ref.ipc_path else None
    index = Path(ref.index_path).read_bytes() if ref.index_path else None
    return frame, index


_lock = threading.Lock()
_prepared: dict[tuple[str, str], Any] = {}


def load_table(ref: AnswersRef, payload: tuple[bytes | None, bytes | None] | None = None) -> Table:
    import io

    if ref.cache_dir is not None:
        ref = cache_answers(Path(ref.csv_path), Path(ref.cache_dir), ref.answers_hash)
    if payload is not None and payload[0] is not None:
        frame = pl.read_ipc(io.BytesIO(payload[0]))
        index = pl.read_ipc(io.BytesIO(payload[1])) if payload[1] is not None else None
        return Table(frame, index)
    if ref.ipc_path is not None:
        # Polars memory-maps an uncompressed IPC file.
        frame = pl.read_ipc(ref.ipc_path)
        index = pl.read_ipc(ref.index_path) if ref.index_path else None
        return Table(frame, index)
    path = Path(ref.csv_path)
    return read_jsonl(path) if path.suffix == ".jsonl" else read_csv(path)


def prepared_answers(
    competition_id: str, grader: Any, ref: AnswersRef,
    payload: tuple[bytes | None, bytes | None] | None = None,
) -> Any:
    """The grader's prepared answers, once per process and answers content."""
    key = (competition_id, ref.answers_hash)
    with _lock:
        if key in _prepared:
            return _prepared[key]
    prepared = grader.prepare_answers(load_table(ref, payload))
    with _lock:
        if len(_prepared) >= 16:
            _prepared.pop(next(iter(_prepared)))
        _prepared[key] = prepared
    return prepared
