"""The first whitespace-separated token of each string, read as an int where that is plain.

Python's ``int(s.split()[0])`` accepts more than ASCII digits (``_`` separators, Unicode
digits and whitespace, numbers beyond int64); this kernel reads only what it can prove
identical and flags every other row for Python itself.
"""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import kernel
from mlebench_fast.kernels.strings import StringColumn, string_buffers

__all__ = ["first_int_tokens"]

_MAX_DIGITS = 18  # any 18-digit number fits int64


def first_int_tokens(column: StringColumn) -> tuple[np.ndarray, np.ndarray]:
    """``(values, plain)``: for each row whose text is ASCII whitespace, an optional sign, 1 to 18
    ASCII digits, then ASCII whitespace or the end, ``values`` holds ``int(text.split()[0])`` and
    ``plain`` is True; other rows (nulls included) are False, with ``values`` 0."""
    offsets, data = string_buffers(column)
    return _first_int_tokens(offsets, data)


@kernel
def _is_space(byte):
    return byte == 32 or (9 <= byte <= 13)


@kernel
def _first_int_tokens(offsets, data):
    n = offsets.size - 1
    values = np.zeros(n, dtype=np.int64)
    plain = np.zeros(n, dtype=np.bool_)
    for row in range(n):
        i = offsets[row]
        end = offsets[row + 1]
        while i < end and _is_space(data[i]):
            i += 1
        negative = False
        if i < end and (data[i] == 43 or data[i] == 45):  # '+' or '-'
            negative = data[i] == 45
            i += 1
        start = i
        value = 0
        while i < end and 48 <= data[i] <= 57 and i - start <= _MAX_DIGITS:
            value = value * 10 + (data[i] - 48)
            i += 1
        digits = i - start
        if digits == 0 or digits > _MAX_DIGITS or (i < end and not _is_space(data[i])):
            continue
        values[row] = -value if negative else value
        plain[row] = True
    return values, plain
