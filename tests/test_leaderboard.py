"""Medal thresholds and flags against the reference's ``Grader.rank_score``.

``fixtures/medals/medal_cases.json`` is written by ``tools/make_medal_fixtures.py`` in the
reference's environment: synthetic leaderboards (every team-count bracket and its edges, both
directions, ties, NA cells, integer columns, long and scientific floats) with the reference's
thresholds, direction and flags for many scores. Each leaderboard is written back to a CSV here,
so the CSV reading is part of what is compared.
"""

from __future__ import annotations

import importlib
import json
import math
import sys
import warnings
from pathlib import Path

import pytest

from mlebench_fast import leaderboard as lb
from mlebench_fast.leaderboard import (
    LEADERBOARDS_ENV,
    LeaderboardWarning,
    MedalThresholds,
    find_leaderboard,
    pandas_float,
    rank,
    thresholds_for,
    thresholds_from_leaderboard,
    thresholds_from_scores,
)

FIXTURE = Path(__file__).parent / "fixtures" / "medals" / "medal_cases.json"
CASES = json.loads(FIXTURE.read_text())["cases"]
THRESHOLD_NAMES = ("gold", "silver", "bronze", "median")
FLAG_KEYS = ("gold_medal", "silver_medal", "bronze_medal", "above_median")


def csv_text(words: list[str], layout: str) -> str:
    """The same CSV text tools/make_medal_fixtures.py handed to pd.read_csv."""
    if layout == "last":
        lines = ["teamId,teamName,score"] + [f"{i},team {i},{w}" for i, w in enumerate(words)]
    elif layout == "first":
        lines = ["score,teamId"] + [f"{w},{i}" for i, w in enumerate(words)]
    elif layout == "quoted":
        lines = ['"teamId","score","hasScore"'] + [f'"{i}","{w}",True' for i, w in enumerate(words)]
    else:
        raise ValueError(layout)
    return "\n".join(lines) + "\n"


def resolve_query(token: object, thresholds: list[float], column: list[float]) -> object:
    """Decode a stored query (see resolve_query in tools/make_medal_fixtures.py)."""
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


def _same_float(a: float, b: float) -> bool:
    # Exact, NaN equal to NaN, and -0.0 distinct from 0.0 (the sign shows in a report's JSON).
    return repr(float(a)) == repr(float(b))


@pytest.fixture(scope="module")
def csv_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("leaderboards")


def test_fixture_covers_the_brief() -> None:
    sizes = {len(c["scores"]) for c in CASES}
    assert len(CASES) >= 1000
    assert {1, 2, 99, 100, 249, 250, 999, 1000, 5000} <= sizes
    ranked = [c for c in CASES if "error" not in c]
    assert {c["lower_is_better"] for c in ranked} == {True, False}
    assert any(c["thresholds"][3] == "nan" for c in ranked)  # an all-NaN median
    assert any(c["dtype"] == "int64" for c in ranked)


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{i}-n{len(c['scores'])}" for i, c in enumerate(CASES)]
)
def test_reference_medals(case: dict, csv_dir: Path, request: pytest.FixtureRequest) -> None:
    path = csv_dir / f"{request.node.callspec.id}.csv"
    path.write_text(csv_text(case["scores"], case["layout"]))

    if "error" in case:
        with pytest.raises((ValueError, IndexError)):
            thresholds_from_leaderboard(path)
        return

    got = thresholds_from_leaderboard(path)
    want = [float(t) for t in case["thresholds"]]
    assert [got.gold, got.silver, got.bronze, got.median] == pytest.approx(want, nan_ok=True)
    for name, value, expected in zip(THRESHOLD_NAMES, [got.gold, got.silver, got.bronze,
                                                      got.median], want, strict=True):  # fmt: skip
        assert _same_float(value, expected), name
    assert got.lower_is_better is case["lower_is_better"]
    assert got.num_teams == len(case["scores"])

    column = [float(v) for v in lb.read_leaderboard_scores(path)]
    for token, flags in case["queries"]:
        score = resolve_query(token, want, column)
        out = rank(score, got)  # type: ignore[arg-type]
        assert "".join(str(int(out[k])) for k in FLAG_KEYS) == flags, (token, score)
        assert all(type(out[k]) is bool for k in FLAG_KEYS)
        assert [out[f"{n}_threshold"] for n in THRESHOLD_NAMES] == [
            got.gold, got.silver, got.bronze, got.median
        ]


# ------------------------------------------------------------------------------------------
# pandas' float parsing, values checked in the reference's environment (pandas 2.2.3)


@pytest.mark.parametrize(
    ("word", "expected_hex"),
    [
        # pandas' "high" precision parser is off by an ulp from float() here ...
        ("0.1234567890123456789", "0x1.f9add3746f659p-4"),
        ("0.30000000000000004", "0x1.3333333333333p-2"),
        # ... and counts leading zeros among its 17 digits, so this one is zero.
        ("0.000000000000000000001234", "0x0.0p+0"),
        ("3.0000000000000004", "0x1.8000000000001p+1"),
        ("123456789012345678901234", "0x1.a249b1f10a06dp+76"),
        ("2.2250738585072014e-308", "0x1.0000000000000p-1022"),
        ("5e-324", "0x0.0000000000001p-1022"),
        ("4.35679e-310", "0x0.05033914d5594p-1022"),
        ("1.7976931348623157e308", "0x1.fffffffffffffp+1023"),
        (" +.5 ", "0x1.0000000000000p-1"),
    ],
)
def test_pandas_float(word: str, expected_hex: str) -> None:
    value = pandas_float(word)
    assert value is not None
    assert value.hex() == expected_hex


@pytest.mark.parametrize("word", ["1e400", "1.8e308", "1e", "1e+", ".", "1,5", "0x10", "1d5", "NAN"])
def test_pandas_float_rejects(word: str) -> None:
    assert pandas_float(word) is None


def test_negative_zero_is_kept() -> None:
    value = pandas_float("-0.0")
    assert value == 0.0
    assert math.copysign(1.0, value) == -1.0  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["1", "2", "3"], [1, 2, 3]),
        (["7", "", "-9223372036854775808"], [7.0, math.nan, math.nan]),  # int64's NA sentinel
        (["12345678901234567891", "+1"], [12345678901234567891, 1]),  # uint64
        (["9223372036854775808", "1.5"], [9.223372036854778e18, 1.5]),  # re-read as floats
        (["1", "inf", "-Infinity"], [1.0, math.inf, -math.inf]),
    ],
)
def test_column_dtypes(words: list[str], expected: list[float]) -> None:
    got = lb._column_as_pandas_reads_it(words)
    assert [repr(float(v)) for v in got] == [repr(float(v)) for v in expected]


@pytest.mark.parametrize(
    "words",
    [["12345678901234567891", "-1"], ["99999999999999999999", "1.5"], ["9223372036854775808", "NA"],
     ["0.5", "abc"]],  # fmt: skip
)
def test_columns_pandas_keeps_as_strings(words: list[str]) -> None:
    with pytest.raises(ValueError, match="not numeric"):
        lb._column_as_pandas_reads_it(words)


# ------------------------------------------------------------------------------------------
# Thresholds and ranking, by hand


def test_brackets_and_positions() -> None:
    # 1000 teams, higher is better: gold at 10 + int(2.0) = 12, silver 50, bronze 100.
    scores = [float(1000 - i) for i in range(1000)]
    t = thresholds_from_scores(scores)
    assert (t.gold, t.silver, t.bronze, t.median) == (989.0, 951.0, 901.0, 500.5)
    assert not t.lower_is_better
    # 30 teams: int(30 * 0.1) = 3 although 30 * 0.1 = 3.0000000000000004.
    t = thresholds_from_scores([float(i) for i in range(30)])
    assert (t.gold, t.silver, t.bronze) == (2.0, 5.0, 11.0)
    assert t.lower_is_better
    # One team: every position is the first.
    t = thresholds_from_scores([0.5])
    assert (t.gold, t.silver, t.bronze, t.median, t.lower_is_better) == (0.5, 0.5, 0.5, 0.5, False)


def test_empty_leaderboard_raises() -> None:
    with pytest.raises(ValueError, match="greater than 0"):
        thresholds_from_scores([])


def test_rank_rules() -> None:
    t = MedalThresholds(gold=0.9, silver=0.8, bronze=0.7, median=0.5, num_teams=100,
                        lower_is_better=False)  # fmt: skip
    assert rank(0.9, t)["gold_medal"] is True
    flags = rank(0.85, t)
    assert (flags["gold_medal"], flags["silver_medal"], flags["bronze_medal"]) == (False, True, False)
    assert rank(0.5, t)["above_median"] is False  # strictly above
    assert not any(rank(None, t)[k] for k in FLAG_KEYS)
    assert not any(rank(math.nan, t)[k] for k in FLAG_KEYS)
    low = MedalThresholds(gold=1.0, silver=2.0, bronze=3.0, median=5.0, num_teams=100,
                          lower_is_better=True)  # fmt: skip
    assert rank(3.0, low)["bronze_medal"] is True
    assert rank(4.999, low)["above_median"] is True


# ------------------------------------------------------------------------------------------
# Finding leaderboards


@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.delenv(LEADERBOARDS_ENV, raising=False)
    monkeypatch.setattr(lb, "_installed_competitions_dirs", list)
    return monkeypatch


def _write_board(root: Path, competition_id: str, text: str) -> Path:
    path = root / competition_id / "leaderboard.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_find_from_argument(tmp_path: Path, no_env: pytest.MonkeyPatch) -> None:
    path = _write_board(tmp_path, "comp", "score\n1\n")
    assert find_leaderboard("comp", tmp_path) == path
    assert find_leaderboard("other", tmp_path) is None


def test_find_from_env_var(tmp_path: Path, no_env: pytest.MonkeyPatch) -> None:
    path = _write_board(tmp_path / "env", "comp", "score\n1\n")
    no_env.setenv(LEADERBOARDS_ENV, str(tmp_path / "env"))
    assert find_leaderboard("comp") == path
    # The argument comes first; a folder without the competition falls through to the env var.
    arg_path = _write_board(tmp_path / "arg", "comp", "score\n2\n")
    assert find_leaderboard("comp", tmp_path / "arg") == arg_path
    assert find_leaderboard("comp", tmp_path / "empty") == path


def test_lfs_pointer_is_missing(tmp_path: Path, no_env: pytest.MonkeyPatch) -> None:
    pointer = (
        "version https://git-lfs.github.com/spec/v1\n"
        "oid sha256:e071aca01cb968fa45344d94a60553e97d1429d3b0de05910e72012248168619\n"
        "size 125841\n"
    )
    _write_board(tmp_path, "comp", pointer)
    with pytest.warns(LeaderboardWarning, match="Git LFS pointer"):
        assert find_leaderboard("comp", tmp_path) is None
    # A real file further down the search order is still used.
    real = _write_board(tmp_path / "env", "comp", "score\n1\n")
    no_env.setenv(LEADERBOARDS_ENV, str(tmp_path / "env"))
    with pytest.warns(LeaderboardWarning, match="Git LFS pointer"):
        assert find_leaderboard("comp", tmp_path) == real


def test_missing_leaderboard_warns(tmp_path: Path, no_env: pytest.MonkeyPatch) -> None:
    assert find_leaderboard("comp", tmp_path) is None
    with pytest.warns(LeaderboardWarning, match=r"`comp`.*--leaderboards DIR.*" + LEADERBOARDS_ENV):
        assert thresholds_for("comp", tmp_path) is None


def test_installed_checkout_found_without_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(LEADERBOARDS_ENV, raising=False)
    package = tmp_path / "site" / "mlebench"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("raise RuntimeError('mlebench must not be imported')\n")
    path = _write_board(package / "competitions", "comp", "score\n0.5\n0.25\n")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.delitem(sys.modules, "mlebench", raising=False)
    importlib.invalidate_caches()
    assert find_leaderboard("comp") == path
    assert "mlebench" not in sys.modules
    thresholds = thresholds_for("comp")
    assert thresholds is not None
    assert thresholds.lower_is_better is False


def test_thresholds_cached_until_file_changes(tmp_path: Path, no_env: pytest.MonkeyPatch) -> None:
    path = _write_board(tmp_path, "comp", "score\n3\n2\n1\n")
    first = thresholds_for("comp", tmp_path)
    assert first is thresholds_for("comp", tmp_path)
    path.write_text("score\n30\n20\n10\n0\n")
    second = thresholds_for("comp", tmp_path)
    assert second is not None
    assert second.num_teams == 4


def test_no_warning_when_found(tmp_path: Path, no_env: pytest.MonkeyPatch) -> None:
    _write_board(tmp_path, "comp", "score\n1\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert thresholds_for("comp", tmp_path) is not None
