"""Medal thresholds from a competition's ``leaderboard.csv``, by the reference's rules.

The reference (``Grader.rank_score`` / ``Grader.is_lower_better``) reads the leaderboard with a
plain ``pd.read_csv`` and derives everything from its ``score`` column. Two details of that read
change the thresholds a report shows, so both are reproduced here without pandas:

* pandas' default float parser ("high" precision, ``precise_xstrtod``) is not correctly rounded:
  it accumulates at most 17 digits in a double and scales by a table of powers of ten, so about
  one value in seven with many digits lands one ulp away from Python's ``float()``;
* a column whose values are all integers becomes int64 (converted to float exactly afterwards),
  and NA strings become NaN, which ``Series.median()`` skips.

The thresholds are computed once per leaderboard file and cached by path, mtime and size.

Not reproduced: pandas' low-memory reader infers dtypes per chunk of about 131k rows (for a
leaderboard's handful of columns) and merges them; Kaggle leaderboards stay far below that.
"""

from __future__ import annotations

import csv
import importlib.util
import math
import os
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEADERBOARDS_ENV = "MLEBENCH_FAST_LEADERBOARDS"
LFS_POINTER_PREFIX = b"version https://git-lfs.github.com/spec/v1"

__all__ = [
    "LEADERBOARDS_ENV",
    "LeaderboardWarning",
    "MedalThresholds",
    "find_leaderboard",
    "rank",
    "read_leaderboard_scores",
    "thresholds_for",
    "thresholds_from_leaderboard",
    "thresholds_from_scores",
]


class LeaderboardWarning(UserWarning):
    """A leaderboard could not be used; medals are reported as unknown."""


@dataclass(frozen=True, slots=True)
class MedalThresholds:
    """What the reference's ``rank_score`` derives from one leaderboard, before seeing a score."""

    gold: float
    silver: float
    bronze: float
    median: float
    num_teams: int
    lower_is_better: bool


# --------------------------------------------------------------------------------------------
# Finding a leaderboard


def _installed_competitions_dirs() -> list[Path]:
    # find_spec on a top-level name locates the package without executing its __init__, which
    # would pull in the reference's heavy dependencies (and may not even import here).
    try:
        spec = importlib.util.find_spec("mlebench")
    except (ImportError, ValueError):
        return []
    if spec is None:
        return []
    roots: list[Path] = [Path(p) for p in (spec.submodule_search_locations or [])]
    if not roots and spec.origin:
        roots.append(Path(spec.origin).parent)
    return [root / "competitions" for root in roots]


def _is_lfs_pointer(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(len(LFS_POINTER_PREFIX)) == LFS_POINTER_PREFIX
    except OSError:
        return False


def find_leaderboard(competition_id: str, leaderboards_dir: Path | None = None) -> Path | None:
    """The competition's ``leaderboard.csv``, or None when there is none to use.

    Looked for, in order, under ``leaderboards_dir``, under ``$MLEBENCH_FAST_LEADERBOARDS`` and in
    an installed mle-bench checkout, each laid out as ``<dir>/<competition-id>/leaderboard.csv``.
    A Git LFS pointer (a checkout cloned without ``git lfs pull``) is skipped with a warning.
    """
    candidates: list[Path] = []
    if leaderboards_dir is not None:
        candidates.append(Path(leaderboards_dir).expanduser())
    env = os.environ.get(LEADERBOARDS_ENV)
    if env:
        candidates.append(Path(env).expanduser())
    candidates.extend(_installed_competitions_dirs())

    for folder in candidates:
        path = folder / competition_id / "leaderboard.csv"
        if not path.is_file():
            continue
        if _is_lfs_pointer(path):
            msg = (
                f"{path} is a Git LFS pointer, not the leaderboard of `{competition_id}`; "
                "run `git lfs pull` in that checkout, or pass `--leaderboards DIR` / set "
                f"{LEADERBOARDS_ENV}. Skipping it."
            )
            warnings.warn(msg, LeaderboardWarning, stacklevel=2)
            continue
        return path
    return None


# --------------------------------------------------------------------------------------------
# Reading the score column as pandas' C parser does

# pandas' default NA strings (pandas._libs.parsers.STR_NA_VALUES).
_NA_STRINGS = frozenset(
    {
        "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND",
        "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
    }
)  # fmt: skip
_POS_INF_STRINGS = frozenset({"inf", "+inf", "infinity", "+infinity"})  # compared lowercased
_NEG_INF_STRINGS = frozenset({"-inf", "-infinity"})
_C_SPACE = " \t\n\v\f\r"  # C isspace in the "C" locale; Python's \s also matches Unicode
_INT_PREFIX_RE = re.compile(r"[ \t\n\v\f\r]*([+-]?[0-9]+)")
_C_SPACE_RE = re.compile(r"[ \t\n\v\f\r]*")
_INT64_MIN, _INT64_MAX, _UINT64_MAX = -(2**63), 2**63 - 1, 2**64 - 1
# The parser scales by these double literals; float("1eN") rounds exactly as the C compiler does.
_POW10 = tuple(float(f"1e{i}") for i in range(309))
_MAX_DIGITS = 17


def _wrap_int32(value: int) -> int:
    # The C parser keeps the exponent in an `int`; mimic its wrap-around on absurd exponents.
    return (value + 2**31) % 2**32 - 2**31


def pandas_float(word: str) -> float | None:
    """``word`` parsed as pandas' default C-engine float parser does, or None if it rejects it.

    At most 17 significant characters (leading zeros included) are accumulated digit by digit in a
    double; the rest only move the exponent; the result is then multiplied or divided once by a
    power of ten (twice for subnormals). Not correctly rounded, and that is the point.
    """
    n = len(word)
    i = 0
    while i < n and word[i] in _C_SPACE:
        i += 1
    negative = False
    if i < n and word[i] in "+-":
        negative = word[i] == "-"
        i += 1

    number = 0.0
    exponent = 0
    num_digits = 0
    while i < n and "0" <= word[i] <= "9":
        if num_digits < _MAX_DIGITS:
            number = number * 10.0 + (ord(word[i]) - 48)
            num_digits += 1
        else:
            exponent += 1
        i += 1

    if i < n and word[i] == ".":
        i += 1
        num_decimals = 0
        while num_digits < _MAX_DIGITS and i < n and "0" <= word[i] <= "9":
            number = number * 10.0 + (ord(word[i]) - 48)
            i += 1
            num_digits += 1
            num_decimals += 1
        if num_digits >= _MAX_DIGITS:
            while i < n and "0" <= word[i] <= "9":
                i += 1
        exponent -= num_decimals

    if num_digits == 0:
        return None
    if negative:
        number = -number

    if i < n and word[i] in "eE":
        i += 1
        exp_negative = False
        if i < n and word[i] in "+-":
            exp_negative = word[i] == "-"
            i += 1
        exp_digits = 0
        e = 0
        while exp_digits < _MAX_DIGITS and i < n and "0" <= word[i] <= "9":
            e = _wrap_int32(e * 10 + (ord(word[i]) - 48))
            exp_digits += 1
            i += 1
        if exp_digits == 0:
            return None  # the parser un-consumes the 'e', which then counts as trailing junk
        exponent = _wrap_int32(exponent - e if exp_negative else exponent + e)

    if exponent > 308:
        return None  # ERANGE: pandas then gives up on the column as numbers
    if exponent > 0:
        number *= _POW10[exponent]
    elif exponent < -308:
        if exponent < -616:
            number = 0.0
        else:
            number /= _POW10[-308 - exponent]
            number /= _POW10[308]
    else:
        number /= _POW10[-exponent]
    if math.isinf(number):
        return None

    while i < n and word[i] in _C_SPACE:
        i += 1
    return number if i == n else None


class _ObjectColumnError(ValueError):
    pass


def _not_numeric(words: list[str | None]) -> _ObjectColumnError:
    # pandas keeps such a column as strings; the reference's Series.median() then raises.
    sample = ", ".join(repr(w) for w in words[:3])
    return _ObjectColumnError(f"leaderboard `score` column is not numeric (values {sample}, ...)")


def _integer_column(words: list[str | None]) -> list[int] | list[float] | None:
    """The column as pandas' integer pass reads it, or None to try floats next.

    pandas scans in row order: an int64 overflow hands the column to a uint64 pass, and an
    overflow (or a negative number) there leaves the column as strings; any other non-integer
    word sends it to the float pass.
    """
    ints: list[int | None] = []
    has_na = False
    for word in words:
        if word is None or word in _NA_STRINGS:
            has_na = True
            ints.append(None)
            continue
        prefix = _INT_PREFIX_RE.match(word)
        if prefix is None:
            return None
        value = int(prefix.group(1))
        if not _INT64_MIN <= value <= _INT64_MAX:
            return _uint64_column(words)
        if prefix.end() != len(word) and not _C_SPACE_RE.fullmatch(word, prefix.end()):
            return None
        ints.append(value)
    if not has_na:
        return ints  # type: ignore[return-value]
    # The integers are upcast to float64, NA where the int64 NA sentinel (its minimum) sits, so
    # a genuine -2**63 turns into NaN too; they are never re-read by the float parser.
    return [math.nan if v is None or v == _INT64_MIN else float(v) for v in ints]


def _uint64_column(words: list[str | None]) -> list[int] | None:
    ints: list[int] = []
    seen_null = seen_negative = seen_beyond_int64 = False
    for word in words:
        if word is None or word in _NA_STRINGS:
            seen_null = True
            continue
        if word.lstrip(_C_SPACE).startswith("-"):
            seen_negative = True  # not even checked for digits
            continue
        prefix = _INT_PREFIX_RE.match(word)
        if prefix is None:
            return None
        value = int(prefix.group(1))
        if value > _UINT64_MAX:
            raise _not_numeric(words)
        if prefix.end() != len(word) and not _C_SPACE_RE.fullmatch(word, prefix.end()):
            return None
        seen_beyond_int64 |= value > _INT64_MAX
        ints.append(value)
    if seen_negative or (seen_beyond_int64 and seen_null):
        raise _not_numeric(words)
    return ints


def _column_as_pandas_reads_it(words: list[str | None]) -> list[float] | list[int]:
    """The values of one CSV column with the dtype pandas' C parser infers: int64 / uint64, else
    float64 (NA strings as NaN); a column pandas would keep as strings raises ValueError.

    ``None`` stands for a field missing from a short row (NaN to pandas).
    """
    if not words:
        return []
    ints = _integer_column(words)
    if ints is not None:
        return ints

    values: list[float] = []
    for word in words:
        if word is None or word in _NA_STRINGS:
            values.append(math.nan)
            continue
        value = pandas_float(word)
        if value is None:
            lowered = word.lower()
            if lowered in _POS_INF_STRINGS:
                value = math.inf
            elif lowered in _NEG_INF_STRINGS:
                value = -math.inf
            else:
                raise _not_numeric(words)
        values.append(value)
    return values


def read_leaderboard_scores(path: Path) -> list[float] | list[int]:
    """The ``score`` column of a leaderboard CSV, as ``pd.read_csv(path)["score"]`` holds it."""
    # utf-8-sig: pandas drops a byte-order mark before the header too.
    with Path(path).open(newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header is None or "score" not in header:
            msg = f"Leaderboard must have a `score` column: {path}"
            raise ValueError(msg)
        column = header.index("score")
        words: list[str | None] = []
        for row in reader:
            # pandas skips blank lines (skip_blank_lines=True), whitespace-only ones included.
            if not row or (len(row) == 1 and not row[0].strip(" \t")):
                continue
            words.append(row[column] if column < len(row) else None)
    return _column_as_pandas_reads_it(words)


# --------------------------------------------------------------------------------------------
# Thresholds


def _numpy_median(values: list[float]) -> float:
    """``Series.median()`` on float64: NaN skipped, NaN when nothing is left.

    NumPy 1.26 takes the mean of the middle element(s), and its sum starts from +0.0, so a
    median of -0.0 comes out as 0.0; both facts are kept.
    """
    present = sorted(v for v in values if not math.isnan(v))
    if not present:
        return math.nan
    half = len(present) // 2
    if len(present) % 2:
        return (0.0 + present[half]) / 1.0
    return (0.0 + present[half - 1] + present[half]) / 2.0


def _position(scores: list[float] | list[int], position: int) -> float | int:
    if position - 1 >= len(scores) or position < 1:
        msg = "Position out of bounds in the leaderboard."
        raise IndexError(msg)
    return scores[position - 1]


def thresholds_from_scores(scores: list[float] | list[int]) -> MedalThresholds:
    """The reference's thresholds for a leaderboard whose ``score`` column is ``scores``, top first.

    Positions follow kaggle.com/progression as the reference encodes them: brackets of <100,
    100-249, 250-999 and >=1000 teams, ``int()`` truncation, never below position 1.
    """
    num_teams = len(scores)
    if num_teams == 0:
        msg = "Number of teams in leaderboard must be greater than 0."
        raise ValueError(msg)
    # Compared in the column's own dtype (exact for integers), as the reference compares them.
    lower_is_better = bool(scores[0] < scores[-1])

    if num_teams < 100:
        gold_pos = max(1, int(num_teams * 0.1))
        silver_pos = max(1, int(num_teams * 0.2))
        bronze_pos = max(1, int(num_teams * 0.4))
    elif num_teams < 250:
        gold_pos = 10
        silver_pos = max(1, int(num_teams * 0.2))
        bronze_pos = max(1, int(num_teams * 0.4))
    elif num_teams < 1000:
        gold_pos = 10 + int(num_teams * 0.002)
        silver_pos = 50
        bronze_pos = 100
    else:
        gold_pos = 10 + int(num_teams * 0.002)
        silver_pos = max(1, int(num_teams * 0.05))
        bronze_pos = max(1, int(num_teams * 0.1))

    return MedalThresholds(
        gold=float(_position(scores, gold_pos)),
        silver=float(_position(scores, silver_pos)),
        bronze=float(_position(scores, bronze_pos)),
        # An integer column is converted to float64 before the median, as pandas does.
        median=_numpy_median([float(v) for v in scores]),
        num_teams=num_teams,
        lower_is_better=lower_is_better,
    )


@lru_cache(maxsize=256)
def _cached_thresholds(path: str, mtime_ns: int, size: int) -> MedalThresholds:
    del mtime_ns, size  # part of the cache key only: an edited file is read again
    return thresholds_from_scores(read_leaderboard_scores(Path(path)))


def thresholds_from_leaderboard(path: Path) -> MedalThresholds:
    """The medal thresholds of one leaderboard CSV (read once per file version)."""
    resolved = Path(path).resolve()
    stat = resolved.stat()
    return _cached_thresholds(str(resolved), stat.st_mtime_ns, stat.st_size)


def thresholds_for(
    competition_id: str, leaderboards_dir: Path | None = None
) -> MedalThresholds | None:
    """The competition's thresholds, or None (with a warning) when no leaderboard is found."""
    path = find_leaderboard(competition_id, leaderboards_dir)
    if path is None:
        msg = (
            f"No leaderboard.csv found for `{competition_id}`: medals are reported as unknown. "
            f"Pass `--leaderboards DIR` (or set {LEADERBOARDS_ENV}=DIR) where "
            f"DIR/{competition_id}/leaderboard.csv is the reference's leaderboard."
        )
        warnings.warn(msg, LeaderboardWarning, stacklevel=2)
        return None
    return thresholds_from_leaderboard(path)


# --------------------------------------------------------------------------------------------
# Ranking a score


def rank(score: float | None, thresholds: MedalThresholds) -> dict[str, bool | float]:
    """The reference's ``rank_score`` output for ``score`` (None: no medal, not above median).

    A medal needs the threshold reached (``>=`` / ``<=``) and excludes the lower ones;
    ``above_median`` needs it beaten strictly. NaN thresholds or a NaN score compare false.
    """
    t = thresholds
    if score is None:
        gold = silver = bronze = above_median = False
    elif t.lower_is_better:
        gold = score <= t.gold
        silver = not gold and score <= t.silver
        bronze = not gold and not silver and score <= t.bronze
        above_median = score < t.median
    else:
        gold = score >= t.gold
        silver = not gold and score >= t.silver
        bronze = not gold and not silver and score >= t.bronze
        above_median = score > t.median
    return {
        "gold_medal": bool(gold),
        "silver_medal": bool(silver),
        "bronze_medal": bool(bronze),
        "above_median": bool(above_median),
        "gold_threshold": t.gold,
        "silver_threshold": t.silver,
        "bronze_threshold": t.bronze,
        "median_threshold": t.median,
    }
