"""Writing a generator's answers in the format of the competition's answers file: CSV as pandas
writes it, or JSON lines (``DataFrame.to_json(orient="records", lines=True)``: one object a
line, keys in column order) where the reference's answers are a ``.jsonl`` file."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from mlebench_fast.synthetic._csv import write_csv


def answers_suffix(competition_id: str) -> str:
    from mlebench_fast.registry import get_competition

    return Path(get_competition(competition_id).answers).suffix


def write_answers(df: pl.DataFrame, path: str | Path) -> Path:
    """``df`` at ``path`` as JSON lines when ``path`` ends in ``.jsonl``, else as CSV."""
    path = Path(path)
    if path.suffix != ".jsonl":
        return write_csv(df, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    df.write_ndjson(partial)
    partial.replace(path)
    return path
