"""Write tests/fixtures/medals/medal_cases.json: the reference's medals on synthetic leaderboards.

Run with the reference's environment (pandas 2.2.3, numpy 1.26), pointing at a folder that holds
the reference's ``mlebench`` package; nothing is installed or copied from it::

    /work/oracle/venv/bin/python tools/make_medal_fixtures.py --reference-src /work/oracle

Each case is a leaderboard given as the exact text of its ``score`` cells, a CSV layout, the
reference's thresholds and direction (``Grader.rank_score`` / ``Grader.is_lower_better`` on
``pd.read_csv`` of that CSV), and query scores with the reference's four flags. The test writes
the same CSV text back to disk, so the real CSV parsing is what gets compared.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import random
import sys
import warnings
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "medals"
# Team counts at and around every bracket edge of the reference's get_thresholds.
EDGE_COUNTS = (1, 2, 3, 4, 5, 9, 10, 11, 19, 20, 49, 50, 99, 100, 101, 249, 250, 251, 499, 999,
               1000, 1001, 1499, 1500, 2000, 5000)  # fmt: skip
NA_WORDS = ("", "nan", "NA", "NaN", "null")
HANDMADE = (
    ["nan"], ["", "", ""], ["nan"] * 120, ["nan", "0.5", "0.4"], ["0.1", "0.2", "nan"],
    ["nan", "0.3", "0.2", "0.1", "nan"], ["-0.0"], ["-0.0", "0.0", "-0.0"], ["0.5"] * 100,
    ["1", "1"], ["0.30000000000000004", "0.1"], ["9223372036854775807", "1"],
    ["-9223372036854775808", "", "5"], ["inf", "1", "-inf"],
)  # fmt: skip


def csv_text(words: list[str], layout: str) -> str:
    """The leaderboard CSV for ``words``; tests/test_leaderboard.py writes the same text."""
    if layout == "last":
        lines = ["teamId,teamName,score"] + [f"{i},team {i},{w}" for i, w in enumerate(words)]
    elif layout == "first":
        lines = ["score,teamId"] + [f"{w},{i}" for i, w in enumerate(words)]
    elif layout == "quoted":
        lines = ['"teamId","score","hasScore"'] + [f'"{i}","{w}",True' for i, w in enumerate(words)]
    else:
        raise ValueError(layout)
    return "\n".join(lines) + "\n"


def _team_count(rng: random.Random) -> int:
    # Mostly small, to keep the committed fixture under 2 MB; every bracket is still well covered.
    r = rng.random()
    if r < 0.72:
        return rng.randint(1, 99)
    if r < 0.92:
        return rng.randint(100, 249)
    if r < 0.99:
        return rng.randint(250, 420) if rng.random() < 0.8 else rng.randint(421, 999)
    return rng.randint(1000, 1300)


def _word(rng: random.Random, style: str, value: float) -> str:
    if style == "kaggle":
        return repr(round(value, 5))
    if style == "long":
        return repr(value)
    if style == "digits":  # more digits than a double holds: pandas' parser truncates at 17
        return f"{value:.{rng.randint(15, 22)}f}"
    if style == "sci":
        return f"{value:.{rng.randint(3, 17)}e}"
    if style == "int":
        return str(int(value))
    raise ValueError(style)


def make_leaderboard(rng: random.Random, num_teams: int) -> tuple[list[str], str]:
    style = rng.choice(("kaggle", "kaggle", "long", "long", "digits", "sci", "int"))
    if num_teams >= 1000 or (num_teams >= 100 and rng.random() < 0.8):  # keeps the file small
        style = rng.choice(("kaggle", "int"))
    lower_is_better = rng.random() < 0.45
    scale = 10.0 ** (rng.randint(-6, 6) if num_teams < 100 else rng.randint(-2, 3))
    if style == "int":
        scale = max(scale, 10.0) * (rng.choice((1, 1e6, 1e13)) if num_teams < 100 else 1)
    offset = rng.choice((0.0, 0.0, -scale / 2, 10 * scale))
    tie_pool = [rng.random() * scale + offset for _ in range(rng.randint(1, 6))]
    tie_rate = rng.choice((0.0, 0.0, 0.3, 0.9, 1.0))
    values = [rng.choice(tie_pool) if rng.random() < tie_rate else rng.random() * scale + offset
              for _ in range(num_teams)]  # fmt: skip
    if rng.random() < 0.05:
        values = [(-0.0 if rng.random() < 0.5 else 0.0) for _ in values]
    order = rng.random()
    if order < 0.85:
        values.sort(reverse=not lower_is_better)
    elif order < 0.92:
        rng.shuffle(values)
    words = [_word(rng, style, v) for v in values]
    if style != "int" and rng.random() < 0.5:
        # Repeat some cells verbatim: duplicated scores as a real leaderboard has them.
        for _ in range(rng.randint(1, max(1, num_teams // 5))):
            i = rng.randrange(num_teams)
            words[i] = words[max(0, i - 1)]
    if rng.random() < 0.12:
        for _ in range(rng.randint(1, max(1, num_teams // 4))):
            words[rng.randrange(num_teams)] = rng.choice(NA_WORDS)
    layout = rng.choice(("last", "last", "first", "quoted"))
    return words, layout


THRESHOLD_NAMES = ("gold", "silver", "bronze", "median")


def resolve_query(token: object, thresholds: list[float], column: list[float]) -> object:
    """A query as stored (a number, null, or a token) -> the score passed to rank_score.

    Tokens keep the fixture small: "gold" is the gold threshold itself, "gold+" / "gold-" the
    next double above / below it (likewise for the others), "first" / "last" the leaderboard's
    top / bottom score, and "nan" / "inf" / "-inf" those floats.
    """
    if not isinstance(token, str):
        return token
    if token in ("nan", "inf", "-inf"):
        return float(token)
    if token in ("first", "last"):
        return column[0] if token == "first" else column[-1]
    value = thresholds[THRESHOLD_NAMES.index(token.rstrip("+-"))]
    if token.endswith("+"):
        return math.nextafter(value, math.inf)
    if token.endswith("-"):
        return math.nextafter(value, -math.inf)
    return value


def _query_tokens(rng: random.Random, thresholds: list[float], column: list[float]) -> list:
    finite = [v for v in column if not math.isnan(v)]
    tokens: list = [None, "nan", "inf", "-inf", "first", "last", rng.randint(-3, 3)]
    for name, t in zip(THRESHOLD_NAMES, thresholds, strict=True):
        if not math.isnan(t):
            tokens += [name, name + "+", name + "-"]
    if finite:
        lo, hi = min(finite), max(finite)
        if math.isfinite(hi - lo):
            tokens += [float(f"{rng.uniform(lo, hi):.4g}") for _ in range(2)]
            tokens.append(round(rng.uniform(lo, hi)))
    rng.shuffle(tokens)
    return tokens


def _json_float(value: float) -> float | str:
    return value if math.isfinite(value) else repr(value)  # "nan", "inf", "-inf"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference-src", required=True, type=Path,
                        help="folder holding the reference's `mlebench` package")  # fmt: skip
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args()

    sys.path.insert(0, str(args.reference_src.resolve()))
    import numpy as np
    import pandas as pd
    from mlebench.grade_helpers import Grader

    # rank_score / is_lower_better need no grade_fn; skip __init__, which would import one.
    grader = Grader.__new__(Grader)
    rng = random.Random(args.seed)
    counts = list(EDGE_COUNTS) + [_team_count(rng) for _ in range(args.count - len(EDGE_COUNTS))]

    # The median of an all-NaN column warns in NumPy; it is still NaN, which is what is recorded.
    warnings.simplefilter("ignore", RuntimeWarning)
    boards = [make_leaderboard(rng, n) for n in counts] + [(w, "last") for w in HANDMADE]
    cases = []
    for words, layout in boards:
        leaderboard = pd.read_csv(io.StringIO(csv_text(words, layout)))
        case: dict = {"layout": layout, "scores": words}
        try:
            base = grader.rank_score(None, leaderboard)
            lower = grader.is_lower_better(leaderboard)
        except Exception as exc:  # the reference cannot rank on this leaderboard
            case["error"] = type(exc).__name__
            cases.append(case)
            continue
        names = ("gold_threshold", "silver_threshold", "bronze_threshold", "median_threshold")
        thresholds = [base[k] for k in names]
        column_values = [float(v) for v in leaderboard["score"]]
        results = []
        for token in _query_tokens(rng, thresholds, column_values):
            out = grader.rank_score(resolve_query(token, thresholds, column_values), leaderboard)
            assert repr([out[k] for k in names]) == repr(thresholds)  # independent of the score
            flags = "".join(
                str(int(bool(out[k])))
                for k in ("gold_medal", "silver_medal", "bronze_medal", "above_median")
            )
            results.append([token, flags])
        case.update(
            dtype=str(leaderboard["score"].dtype),
            lower_is_better=bool(lower),
            thresholds=[_json_float(t) for t in thresholds],
            queries=results,
        )
        cases.append(case)

    # Leaderboards the reference cannot rank: empty, and a column pandas keeps as strings.
    cases.append({"layout": "last", "scores": [], "error": "IndexError"})
    cases.append({"layout": "last", "scores": ["0.5", "n/a?", "0.1"], "error": "TypeError"})
    cases.append({"layout": "last", "scores": ["1e400", "1"], "error": "TypeError"})
    for case in cases[-3:]:
        try:
            grader.rank_score(None, pd.read_csv(io.StringIO(csv_text(case["scores"], "last"))))
        except Exception as exc:
            case["error"] = type(exc).__name__
        else:
            raise AssertionError(f"expected the reference to fail on {case['scores']}")

    args.out.mkdir(parents=True, exist_ok=True)
    payload = {
        "generator": "tools/make_medal_fixtures.py",
        "seed": args.seed,
        "pandas": pd.__version__,
        "numpy": np.__version__,
        "cases": cases,
    }
    path = args.out / "medal_cases.json"
    path.write_text(json.dumps(payload, separators=(",", ":")) + "\n")
    num_queries = sum(len(c.get("queries", ())) for c in cases)
    print(f"wrote {path}: {len(cases)} leaderboards, {num_queries} queries, "
          f"{path.stat().st_size / 1e6:.2f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
