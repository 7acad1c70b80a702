"""Build the golden parity fixtures: small synthetic answers, trap submissions, reference verdicts.

    .venv/bin/python tools/make_golden.py \
        --oracle-python /work/oracle/venv/bin/python --reference-src /work/oracle

Step 1 (this venv) writes ``tests/golden/<id>/answers.csv`` and ``submissions/<case>.csv`` with the
project's generators. Step 2 grades every case with the reference graders in a subprocess running
the oracle's interpreter (``tools/_golden_runner.py`` imports mlebench from ``--reference-src``;
nothing of the reference is copied here) and writes ``expected.json``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

from _golden_cases import build_cases, golden_competition_ids

from mlebench_fast.synthetic import write_answers
from mlebench_fast.synthetic._answers import answers_suffix

RUNNER = ROOT / "tools" / "_golden_runner.py"


def write_fixtures(cid: str, out: Path) -> list[dict]:
    answers, cases = build_cases(cid)
    comp_dir = out / cid
    if comp_dir.exists():
        shutil.rmtree(comp_dir)
    answers_path = comp_dir / f"answers{answers_suffix(cid)}"  # .jsonl where the reference's are
    write_answers(answers, answers_path)
    (comp_dir / "submissions").mkdir(parents=True)
    request = []
    for name, data in sorted(cases.items()):
        path = comp_dir / "submissions" / f"{name}.csv"
        path.write_bytes(data)
        request.append(
            {
                "id": name,
                "competition_id": cid,
                "answers": str(answers_path),
                "submission": str(path),
            }
        )
    return request


def run_reference(oracle_python: str, reference_src: str, cases: list[dict]) -> list[dict]:
    proc = subprocess.run(
        [oracle_python, str(RUNNER)],
        input=json.dumps({"reference_src": reference_src, "cases": cases}),
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        msg = f"the reference runner failed with exit code {proc.returncode}"
        raise SystemExit(msg)
    return json.loads(proc.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--oracle-python", required=True, help="python of a venv with the reference's deps"
    )
    parser.add_argument(
        "--reference-src", required=True, help="folder that contains the mlebench package"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "golden")
    parser.add_argument("--competitions", nargs="*", default=golden_competition_ids())
    args = parser.parse_args(argv)

    for cid in args.competitions:
        request = write_fixtures(cid, args.out)
        results = run_reference(args.oracle_python, args.reference_src, request)
        cases = {}
        for res in results:
            name = res.pop("id")
            cases[name] = res
        expected = {
            "competition_id": cid,
            "answers": f"answers{answers_suffix(cid)}",
            "generated_by": "tools/make_golden.py (reference graders of openai/mle-bench)",
            "cases": cases,
        }
        (args.out / cid / "expected.json").write_text(
            json.dumps(expected, indent=1, sort_keys=True) + "\n"
        )
        counts = Counter(c["verdict"] for c in cases.values())
        print(
            f"{cid}: {len(cases)} cases, "
            + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
