"""Grades golden cases with the REFERENCE graders. Runs inside the oracle venv, never the project's.

Reads a JSON request on stdin ({"reference_src", "cases": [{"id", "competition_id", "answers",
"submission"}]}) and writes one JSON result per case on stdout. It imports mlebench from the
path it is given; nothing of the reference is copied or installed.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import logging
import math
import sys
import warnings

MAX_MESSAGE = 400


def _describe(exc: BaseException) -> dict:
    message = str(exc)
    if len(message) > MAX_MESSAGE:
        message = message[:MAX_MESSAGE] + "..."
    return {"exception": type(exc).__name__, "message": message}


def _number(value):
    value = float(value)
    return value if math.isfinite(value) else repr(value)  # "nan", "inf" as strings in JSON


def main() -> None:
    request = json.load(sys.stdin)
    sys.path.insert(0, request["reference_src"])
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    from pathlib import Path

    from mlebench.utils import load_answers, read_csv

    results = []
    graders = {}
    for case in request["cases"]:
        cid = case["competition_id"]
        if cid not in graders:
            graders[cid] = importlib.import_module(f"mlebench.competitions.{cid}.grade").grade
        out = {"id": case["id"]}
        try:
            # As in mlebench.grade.grade_csv: the read happens outside the grader's try/except.
            submission = read_csv(case["submission"])
        except Exception as exc:  # noqa: BLE001
            out.update(verdict="crashed", **_describe(exc))
            results.append(out)
            continue
        answers = load_answers(Path(case["answers"]))
        try:
            # Some graders print progress (vinbigdata, pycocotools): keep stdout for the JSON.
            with contextlib.redirect_stdout(sys.stderr):
                raw = graders[cid](submission, answers)
        except Exception as exc:  # noqa: BLE001 - the reference's Grader catches everything
            out.update(verdict="rejected", **_describe(exc))
            results.append(out)
            continue
        out.update(
            verdict="graded",
            raw=_number(raw),
            raw_type=type(raw).__name__,
            value=_number(round(raw, 5)),
        )
        results.append(out)
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
