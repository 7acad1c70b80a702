"""A whole synthetic MLE-bench run on disk: prepared data, leaderboards and agent submissions.

The layout is the reference's, so the same folder can be graded by ``mlebench grade`` and by
``mlebench-fast grade``::

    out_dir/data/<id>/prepared/private/<answers file>      (the registry's answers path)
    out_dir/data/<id>/prepared/public/sample_submission.csv
    out_dir/leaderboards/<id>/leaderboard.csv
    out_dir/submissions/<id>/seed<k>.csv                    (absent for a "missing" submission)
    out_dir/submissions.jsonl                               {"competition_id", "submission_path"}
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from mlebench_fast.registry import get_competition
from mlebench_fast.synthetic import generator_ids, get_generator
from mlebench_fast.synthetic._answers import write_answers
from mlebench_fast.synthetic._csv import write_csv

# What an agent leaves behind, seed by seed: mostly a decent attempt, sometimes a broken file,
# sometimes nothing at all.
KIND_WEIGHTS: dict[str, float] = {
    "noisy": 0.5,
    "perfect": 0.12,
    "random": 0.18,
    "malformed": 0.12,
    "missing": 0.08,
}


@dataclass(frozen=True, slots=True)
class SuiteSubmission:
    competition_id: str
    seed: int
    path: Path
    kind: str  # a quality, "malformed:<name>" or "missing"


@dataclass(frozen=True, slots=True)
class SuiteLayout:
    root: Path
    data_dir: Path
    leaderboards_dir: Path
    submissions_jsonl: Path
    competition_ids: tuple[str, ...]
    submissions: tuple[SuiteSubmission, ...] = field(default=())

    def leaderboard_path(self, competition_id: str) -> Path:
        return self.leaderboards_dir / competition_id / "leaderboard.csv"

    def answers_path(self, competition_id: str) -> Path:
        return self.data_dir / get_competition(competition_id).answers


def _rng(seed: int, competition_id: str, stream: int) -> np.random.Generator:
    # crc32 rather than hash(): str hashes are salted per process and the suite must be stable.
    return np.random.default_rng([seed, zlib.crc32(competition_id.encode()), stream])


def _plan_kinds(ids: tuple[str, ...], seeds: int, seed: int) -> dict[tuple[str, int], str]:
    kinds = list(KIND_WEIGHTS)
    weights = np.array(list(KIND_WEIGHTS.values()))
    plan = {
        (cid, k): kinds[int(_rng(seed, cid, k + 1).choice(len(kinds), p=weights / weights.sum()))]
        for cid in ids
        for k in range(seeds)
    }
    # A suite big enough to show them always holds a broken and a missing submission, so a demo
    # exercises the rejection path whatever the seed.
    if len(plan) >= 6:
        rng = np.random.default_rng([seed, len(plan)])
        slots = list(plan)
        for kind in ("malformed", "missing"):
            if kind not in plan.values():
                free = [s for s in slots if plan[s] in ("noisy", "random", "perfect")]
                plan[free[int(rng.integers(len(free)))]] = kind
    return plan


def build_suite(
    out_dir: str | Path,
    competition_ids: Iterable[str] | None = None,
    seeds: int = 3,
    rows: int | None = None,
    max_rows: int | None = None,
    seed: int = 0,
) -> SuiteLayout:
    """Write a synthetic suite under ``out_dir``; ``rows=None`` uses each real test-set size,
    capped at ``max_rows`` when given."""
    root = Path(out_dir).resolve()
    ids = tuple(generator_ids() if competition_ids is None else competition_ids)
    missing = sorted(set(ids) - set(generator_ids()))
    if missing:
        msg = f"no synthetic-data generator for: {', '.join(missing)}"
        raise KeyError(msg)
    layout_data = root / "data"
    layout_lb = root / "leaderboards"
    entries: list[SuiteSubmission] = []
    plan = _plan_kinds(ids, seeds, seed)
    for cid in ids:
        gen = get_generator(cid)
        comp = get_competition(cid)
        rng = _rng(seed, cid, 0)
        size = rows or gen.default_rows
        answers = gen.answers(min(size, max_rows) if max_rows else size, rng)
        write_answers(answers, layout_data / comp.answers)  # CSV, or JSON lines (.jsonl)
        write_csv(gen.sample_submission(answers), layout_data / comp.sample_submission)
        write_csv(gen.leaderboard(rng), layout_lb / cid / "leaderboard.csv")
        for k in range(seeds):
            srng = _rng(seed, cid, k + 1)
            kind = plan[cid, k]
            path = root / "submissions" / cid / f"seed{k}.csv"
            path.parent.mkdir(parents=True, exist_ok=True)
            if kind == "missing":
                path.unlink(missing_ok=True)
            elif kind == "malformed":
                broken = gen.malformed(answers, srng)
                name = sorted(broken)[int(srng.integers(len(broken)))]
                path.write_bytes(broken[name])
                kind = f"malformed:{name}"
            else:
                write_csv(gen.submission(answers, kind, srng), path)  # type: ignore[arg-type]
            entries.append(SuiteSubmission(cid, k, path, kind))
    jsonl = root / "submissions.jsonl"
    jsonl.write_text(
        "".join(
            json.dumps({"competition_id": e.competition_id, "submission_path": str(e.path)}) + "\n"
            for e in entries
        )
    )
    return SuiteLayout(
        root=root,
        data_dir=layout_data,
        leaderboards_dir=layout_lb,
        submissions_jsonl=jsonl,
        competition_ids=ids,
        submissions=tuple(entries),
    )
