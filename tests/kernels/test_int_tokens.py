"""first_int_tokens against Python's int(s.split()[0]) and the plain-token pattern."""

import re

import numpy as np
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast.kernels.int_tokens import first_int_tokens

_PLAIN = re.compile(r"[ \t\n\r\x0b\x0c]*([+-]?[0-9]{1,18})(?:[ \t\n\r\x0b\x0c]|\Z)")

_CELLS = st.one_of(
    st.lists(st.integers(-(10**19), 10**19).map(str), min_size=1, max_size=4).map(" ".join),
    st.text(alphabet=" \t\n\x0b\x0c\r\x1c\x85\xa0+-_0123456789٣a.", max_size=12),
    st.text(max_size=6),
    st.none(),
)


@settings(max_examples=500, deadline=None)
@given(cells=st.lists(_CELLS, max_size=30))
def test_plain_rows_read_as_python_reads_them(cells):
    values, plain = first_int_tokens(pl.Series(cells, dtype=pl.String))
    assert values.dtype == np.int64 and len(values) == len(cells)
    for cell, value, is_plain in zip(cells, values.tolist(), plain.tolist(), strict=True):
        expected_plain = cell is not None and _PLAIN.match(cell) is not None
        assert is_plain == expected_plain, cell
        if is_plain:
            assert value == int(cell.split()[0])


def test_limits():
    cells = ["999999999999999999", "-999999999999999999", "1234567890123456789", "+7 8", "  42\n", "4_2", "٣"]
    values, plain = first_int_tokens(pl.Series(cells))
    assert plain.tolist() == [True, True, False, True, True, False, False]
    assert values[:2].tolist() == [10**18 - 1, -(10**18) + 1]
