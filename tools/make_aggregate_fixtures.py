"""Write tests/fixtures/medals/aggregate_cases.json: the reference's aggregates of random reports.

Run with the reference's environment (numpy 1.26, scipy 1.14), pointing at a folder holding the
reference's ``experiments/aggregate_grading_reports.py``; nothing is installed or copied::

    /work/oracle/venv/bin/python tools/make_aggregate_fixtures.py --reference-src /work/oracle

Each case is a set of grading report files (name -> competition reports), a split (an ordered
list of competition ids), ``num_seeds`` and ``pad_missing``, with either the reference's output
(``asdict(AggregateMetrics)``, as its ``main`` computes it) or its ValueError message.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "medals"
FLAGS = ("gold_medal", "silver_medal", "bronze_medal", "above_median", "submission_exists",
         "valid_submission")  # fmt: skip


def _load_reference(src: Path):  # type: ignore[no-untyped-def]
    path = src / "experiments" / "aggregate_grading_reports.py"
    spec = importlib.util.spec_from_file_location("reference_aggregate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _flag(rng: random.Random, p: float) -> object:
    value = rng.random() < p
    r = rng.random()
    if r < 0.05:
        return None  # a medal reported as unknown (no leaderboard): bool(None) is False
    if r < 0.1:
        return int(value)
    return value


def _entry(rng: random.Random, cid: str) -> list:
    """A competition report, stored compactly as [competition_id, *FLAGS]."""
    skill = rng.random()
    return [cid, *(_flag(rng, skill * (0.3 if "medal" in k else 0.9)) for k in FLAGS)]


def grading_report(rows: list[list]) -> dict:
    """A grading report file's content; tests/test_aggregate.py builds the same."""
    return {
        "competition_reports": [
            {"competition_id": row[0], **dict(zip(FLAGS, row[1:], strict=True)), "score": None}
            for row in rows
        ]
    }


def make_case(rng: random.Random) -> dict:
    pool = [f"comp-{chr(97 + i)}" for i in range(rng.randint(1, 12))]
    split = rng.sample(pool, rng.randint(1, len(pool)))
    if rng.random() < 0.05:
        split.append(split[0])  # a split file listing an id twice
    if rng.random() < 0.1:
        split.append("never-graded")
    files: dict[str, list[list]] = {}
    for _ in range(rng.randint(1, 9)):
        # Random names: the files are read in sorted path order, not in the order listed.
        name = f"run-{rng.randrange(10**6):06d}_grading_report.json"
        cids = [c for c in pool if rng.random() < rng.choice((1.0, 0.9, 0.6))]
        entries = [_entry(rng, c) for c in cids]
        if entries and rng.random() < 0.1:
            entries.append(_entry(rng, rng.choice(cids)))  # graded twice in one run
        rng.shuffle(entries)
        files[name] = entries
    return {
        "files": files,
        "split": split,
        "num_seeds": rng.choice((-1, -1, -1, -1, 1, 1, 2, 2, 3, 5, 20, 0, -2)),
        "pad_missing": rng.random() < 0.4,
    }


def run_reference(ref, case: dict, folder: Path) -> dict:  # type: ignore[no-untyped-def]
    """The reference's ``main`` minus its printing; its ValueError message on failure."""
    paths = []
    for name, entries in case["files"].items():
        path = folder / name
        path.write_text(json.dumps(grading_report(entries)))
        paths.append(str(path))
    try:
        reports = ref.get_competition_reports(paths)
        seeds = ref.build_complete_seeds(
            reports, case["split"], case["num_seeds"], pad_missing=case["pad_missing"]
        )
        usable = ref.select_seeds(seeds, case["num_seeds"])
        per_seed = [ref.calculate_metrics_for_a_seed(s) for s in usable]
        result = ref.average_metrics_across_seeds(per_seed, len(case["split"]))
    except ValueError as exc:
        return {"error": str(exc)}
    finally:
        for path in paths:
            Path(path).unlink()
    return {"expected": asdict(result)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference-src", required=True, type=Path,
                        help="folder holding the reference's experiments/ folder")  # fmt: skip
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--count", type=int, default=250)
    parser.add_argument("--seed", type=int, default=20240602)
    args = parser.parse_args()

    ref = _load_reference(args.reference_src.resolve())
    rng = random.Random(args.seed)
    cases = [make_case(rng) for _ in range(args.count)]
    # The error paths the random cases may not reach.
    one = {"run-1_grading_report.json": [_entry(rng, "comp-a")]}
    cases += [
        {"files": one, "split": [], "num_seeds": -1, "pad_missing": False},
        {"files": one, "split": [], "num_seeds": -1, "pad_missing": True},
        {"files": one, "split": ["comp-z"], "num_seeds": -1, "pad_missing": True},
        {"files": one, "split": ["comp-z", "comp-y"], "num_seeds": -1, "pad_missing": False},
        {"files": one, "split": ["comp-a"], "num_seeds": 0, "pad_missing": False},
        {"files": one, "split": ["comp-a"], "num_seeds": 4, "pad_missing": True},
        {"files": one, "split": ["comp-a"], "num_seeds": -1, "pad_missing": False},
    ]
    with tempfile.TemporaryDirectory() as folder:
        for case in cases:
            case.update(run_reference(ref, case, Path(folder)))

    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "aggregate_cases.json"
    payload = {"generator": "tools/make_aggregate_fixtures.py", "seed": args.seed, "cases": cases}
    path.write_text(json.dumps(payload, separators=(",", ":")) + "\n")
    errors = sum("error" in c for c in cases)
    print(f"wrote {path}: {len(cases)} cases ({errors} errors), {path.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
