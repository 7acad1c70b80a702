"""Benchmark inputs: each competition's answers and an agent-like submission at the real size.

Files are generated once (deterministically) under ``benchmarks/.data/<competition-id>/`` so that
our engine and the reference (``tools/time_reference.py``) time the very same files.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np

from mlebench_fast.synthetic import get_generator, write_answers, write_csv
from mlebench_fast.synthetic._answers import answers_suffix

DATA_DIR = Path(__file__).parent / ".data"


def competition_files(competition_id: str, rows: int | None = None) -> tuple[Path, Path]:
    """(answers, noisy submission) for the competition, written on first use; the answers are
    ``answers.csv``, or ``answers.jsonl`` where the reference's answers are JSON lines."""
    generator = get_generator(competition_id)
    rows = rows or generator.default_rows
    folder = DATA_DIR / competition_id / str(rows)
    answers_path = folder / f"answers{answers_suffix(competition_id)}"
    submission_path = folder / "submission.csv"
    if not submission_path.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        rng = np.random.default_rng([zlib.crc32(competition_id.encode()), rows])
        answers = generator.answers(rows, rng)
        write_answers(answers, answers_path)
        partial = submission_path.with_suffix(".partial")
        write_csv(generator.submission(answers, "noisy", rng), partial)
        partial.replace(submission_path)
    return answers_path, submission_path
