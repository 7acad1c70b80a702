"""``python_ints`` and ``listed_labels`` (competitions/shared/f1_labels.py) against what Python and
numpy do to pandas' cells: ``np.asarray([int(y) for y in column])`` (an array scikit-learn accepts
only as int64) and ``np.asarray(column.tolist())``."""

from __future__ import annotations

import math

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast.competitions.shared.f1_labels import listed_labels, python_ints


def reference_ints(cells: list) -> np.ndarray | None:
    try:
        ints = [int(y) for y in cells]
    except (ValueError, OverflowError, TypeError):
        return None
    array = np.asarray(ints)
    return array if array.dtype == np.int64 else None


def ours(series: pl.Series) -> np.ndarray | None:
    try:
        return python_ints(series)
    except (ValueError, OverflowError, TypeError):
        return None


def check(series: pl.Series, cells: list) -> None:
    want = reference_ints(cells)
    got = ours(series)
    if want is None:
        assert got is None, (cells, got)
    else:
        assert got is not None, cells
        assert got.dtype == np.int64
        assert np.array_equal(got, want), (cells, got, want)


TOKENS = st.text(
    alphabet=st.sampled_from(
        [*"0123456789+-_ .e\t", "\x1f", "\u0661", "\uff11", "\u00a0", "x"]
    ),
    min_size=0,
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(cells=st.lists(TOKENS, min_size=1, max_size=12))
def test_strings_parse_as_python_int(cells):
    check(pl.Series(cells, dtype=pl.String), cells)


@settings(max_examples=200, deadline=None)
@given(
    cells=st.lists(
        st.floats(allow_nan=True, allow_infinity=True)
        | st.sampled_from([2.0**63, -(2.0**63), 2.0**64, 1e19, -0.5, 2.9, -2.9]),
        min_size=1,
        max_size=12,
    )
)
def test_floats_truncate_as_python_int(cells):
    check(pl.Series(cells, dtype=pl.Float64), cells)


@settings(max_examples=100, deadline=None)
@given(cells=st.lists(st.integers(-(2**63), 2**63 - 1), min_size=1, max_size=12))
def test_ints_pass_through(cells):
    check(pl.Series(cells, dtype=pl.Int64), cells)


def test_long_plain_ints_beside_a_cell_only_python_reads():
    cells = ["123456789012345678", "1_0", "-999999999999999999", " 7 "]
    check(pl.Series(cells, dtype=pl.String), cells)


def test_uint64_beyond_int64_is_rejected():
    assert ours(pl.Series([1, 2**63], dtype=pl.UInt64)) is None
    assert np.array_equal(ours(pl.Series([1, 2], dtype=pl.UInt64)), [1, 2])


def test_bools_and_nulls():
    assert np.array_equal(ours(pl.Series([True, False])), [1, 0])
    assert ours(pl.Series([True, None])) is None  # int(NaN)
    assert ours(pl.Series(["1", None])) is None
    assert ours(pl.Series([1.0, None])) is None


def test_object_column_of_mixed_python_values():
    cells = [1, "2", " 3 ", True, "4_0"]
    check(pl.Series(cells, dtype=pl.Object), cells)
    assert ours(pl.Series([1, "x"], dtype=pl.Object)) is None


@pytest.mark.parametrize(
    ("series", "cells"),
    [
        (pl.Series(["a", None, "b"]), ["a", math.nan, "b"]),
        (pl.Series([None, "a"]), [math.nan, "a"]),
        (pl.Series([1, 2]), [1, 2]),
        (pl.Series([1.5, None]), [1.5, math.nan]),
        (pl.Series([True, None]), [True, math.nan]),
        (pl.Series([True, False]), [True, False]),
    ],
)
def test_listed_labels_is_numpy_of_the_list(series, cells):
    want = np.asarray(cells)
    got = listed_labels(series)
    assert got.dtype.kind == want.dtype.kind
    if want.dtype.kind == "f":
        assert np.array_equal(got, want, equal_nan=True)
    else:
        assert got.tolist() == want.tolist()


def _outcome(grader, table, prepared):
    try:
        return ("ok", grader.score(table, prepared))
    except Exception as exc:  # noqa: BLE001 - the exception is the outcome compared
        return ("raise", str(exc))


def test_iwildcam_hashed_ids_grade_as_the_string_index():
    """At a size where string ids go through their hashes (the golden fixtures are smaller), every
    submission grades as it does through the string index and the sort."""
    import dataclasses

    from mlebench_fast.competitions.iwildcam_2019_fgvc6 import GRADER
    from mlebench_fast.io.table import Table
    from mlebench_fast.synthetic import get_generator
    from mlebench_fast.validation.hashed_ids import MIN_ROWS

    gen = get_generator("iwildcam-2019-fgvc6")
    rng = np.random.default_rng(11)
    answers = gen.answers(MIN_ROWS + 500, rng)
    prepared = GRADER.prepare_answers(Table(answers))
    assert prepared.hashed_ids is not None
    plain = dataclasses.replace(prepared, hashed_ids=None)
    noisy = gen.submission(answers, "noisy", rng)
    ids = noisy["Id"].to_list()
    subs = {
        "perfect": gen.submission(answers, "perfect", rng),
        "noisy": noisy,
        "repeated_id": noisy.with_columns(pl.Series("Id", [ids[1], *ids[1:]])),
        "unknown_id": noisy.with_columns(pl.Series("Id", ["zz", *ids[1:]])),
        "null_id": noisy.with_columns(pl.Series("Id", [None, *ids[1:]], dtype=pl.String)),
        "int_ids": noisy.with_columns(pl.int_range(pl.len()).alias("Id")),
    }
    for name, sub in subs.items():
        got = _outcome(GRADER, Table(sub), prepared)
        want = _outcome(GRADER, Table(sub), plain)
        assert got == want, name
        if name in ("perfect", "noisy"):
            assert got[0] == "ok"
            assert type(got[1]) is np.float64


def test_string_codes_treat_nul_and_nan_as_numpy_does():
    from mlebench_fast.competitions.shared.f1_labels import StringCodes

    codes = StringCodes.of(pl.Series(["Maize", "Charlock", "nan"]))
    got = codes.predicted(pl.Series(["Maize\x00\x00", "Ma\x00ize", None, "Charlock", "x"]))
    want = np.asarray(["Maize\x00\x00", "Ma\x00ize", math.nan, "Charlock", "x"])
    labels = np.asarray(["Maize", "Charlock", "nan"])
    expected = [int(np.flatnonzero(labels == w)[0]) if (labels == w).any() else -1 for w in want]
    assert got.tolist() == expected
