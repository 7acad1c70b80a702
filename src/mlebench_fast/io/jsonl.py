"""``read_jsonl``: the reference's reader of JSON-lines files (answers of a few competitions)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from mlebench_fast.exceptions import UnreadableFileError

__all__ = ["read_jsonl"]


def read_jsonl(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """One ``json.loads`` per line, as the reference's ``read_jsonl`` does.

    The reference reads ``f.readlines()`` and parses every line, so a blank line is an error
    there too; here any undecodable line raises :class:`UnreadableFileError` naming the line.
    """
    path = Path(path)
    try:
        # line iteration of a text-mode file, as the reference's `for line in f` (not
        # str.splitlines, which also splits inside JSON strings at U+2028 and friends)
        with path.open("r", encoding="utf-8") as handle:
            lines = list(handle)
    except FileNotFoundError:
        msg = f"No such JSONL file: {str(path)!r}. Check the path (relative to {os.getcwd()!r})."
        raise FileNotFoundError(msg) from None
    except UnicodeDecodeError as exc:
        msg = f"{path} is not valid UTF-8 ({exc.reason} at offset {exc.start}). Re-save it as UTF-8."
        raise UnreadableFileError(msg) from None
    records = []
    for number, line in enumerate(lines, start=1):
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            msg = (
                f"{path} line {number} is not a JSON document ({exc.msg}). Write one JSON "
                "object per line, with no blank lines."
            )
            raise UnreadableFileError(msg) from None
    return records
