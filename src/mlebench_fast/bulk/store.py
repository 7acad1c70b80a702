"""The results store: SQLite in WAL mode, one row per graded (competition, submission, answers,
engine version), committed as each result arrives so a killed run loses nothing it finished."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    competition_id TEXT NOT NULL,
    submission_hash TEXT NOT NULL,
    answers_hash TEXT NOT NULL,
    engine_version TEXT NOT NULL,
    result TEXT NOT NULL,
    PRIMARY KEY (competition_id, submission_hash, answers_hash, engine_version)
)
"""

Key = tuple[str, str, str, str]


class ResultsStore:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, timeout=60, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(_SCHEMA)

    def get(self, key: Key) -> dict[str, Any] | None:
        row = self._db.execute(
            "SELECT result FROM results WHERE competition_id=? AND submission_hash=? "
            "AND answers_hash=? AND engine_version=?", key,
        ).fetchone()
        return None if row is None else json.loads(row[0])

    def put(self, key: Key, result: dict[str, Any]) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?)", (*key, json.dumps(result))
        )

    def count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM results").fetchone()[0]

    def close(self) -> None:
        self._db.close()
