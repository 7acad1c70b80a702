"""Words of string columns as Python's ``str.lower()`` / ``str.split()`` make them, compared per row
as sets, and whitespace-separated integer tokens; one native pass over the Arrow buffers.

The lowercase table comes from ``str.lower`` itself (one call over every code point), so the native
lowering is Python's by construction; the few code points whose lowercase is not one code point
(U+0130, and U+03A3 with its final-sigma context) send their row back to Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import polars as pl

from mlebench_fast._native import load
from mlebench_fast.kernels.strings import as_arrow_strings, string_buffers, string_views

__all__ = ["AnswerWords", "int_sequences", "lower_table", "word_overlaps"]

FALLBACK = 0xFFFFFFFF
_CHUNK = 4096
_SIGMA = 0x3A3


@cache
def lower_table() -> np.ndarray:
    """uint32 ``table[c]`` = ``ord(chr(c).lower())`` where that is one code point, FALLBACK where
    it is not (or depends on context); identity beyond the table's end."""
    points = np.arange(0x110000, dtype=np.uint32)
    points[0xD800:0xE000] = 0  # surrogates cannot be encoded; they never occur in UTF-8 text
    text = points.tobytes().decode("utf-32-le")
    expanding = [_SIGMA]
    for begin in range(0, len(text), _CHUNK):
        chunk = text[begin : begin + _CHUNK]
        if len(chunk.lower()) != len(chunk):
            expanding.extend(begin + i for i, ch in enumerate(chunk) if len(ch.lower()) != 1)
    points[expanding] = 0
    lowered = points.tobytes().decode("utf-32-le").lower()
    table = np.frombuffer(lowered.encode("utf-32-le"), dtype=np.uint32).copy()
    table[expanding] = FALLBACK
    changed = np.flatnonzero(table != np.arange(table.size, dtype=np.uint32))
    return np.ascontiguousarray(table[: int(changed[-1]) + 1])


_NEWEST = pl.CompatLevel.newest()


def _utf8_column(column: pl.Series):
    native = load("tokens")
    # Polars hands out its string views as they are; chunked columns need a combine first.
    if column.n_chunks() == 1:
        found = native.Utf8Column.from_arrow(column.to_arrow(compat_level=_NEWEST))
        if found is not None:
            return found
    arrow = as_arrow_strings(column)
    if str(arrow.type) == "large_string":
        return native.Utf8Column.from_offsets(*string_buffers(arrow))
    return native.Utf8Column.from_views(*string_views(arrow), arrow)


def _python_words(text: str) -> set[str]:
    return set(text.lower().split())


@dataclass(frozen=True, slots=True)
class AnswerWords:
    """Each answers row's ``set(s.lower().split())``, laid out for the kernel and kept as Python
    sets for the rows the kernel leaves to Python."""

    native: object
    sets: list[set[str]]
    vocabulary: frozenset[str]
    sizes: np.ndarray  # int64: each row's number of distinct words

    @classmethod
    def of(cls, texts: Sequence[str]) -> AnswerWords:
        sets = [_python_words(t) for t in texts]
        encoded = [w.encode() for words in sets for w in words]
        lengths = np.fromiter((len(w) for w in encoded), dtype=np.int64, count=len(encoded))
        starts = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum(lengths, out=starts[1:])
        row_offsets = np.zeros(len(sets) + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, sets), dtype=np.int64, count=len(sets)), out=row_offsets[1:])
        data = np.frombuffer(b"".join(encoded) or b"\0", dtype=np.uint8)
        texts_encoded = [t.encode() for t in texts]
        text_offsets = np.zeros(len(texts_encoded) + 1, dtype=np.int64)
        np.cumsum(
            np.fromiter(map(len, texts_encoded), dtype=np.int64, count=len(texts_encoded)),
            out=text_offsets[1:],
        )
        text_data = np.frombuffer(b"".join(texts_encoded) or b"\0", dtype=np.uint8)
        native = load("tokens").WordSets(data, starts, row_offsets, text_data, text_offsets)
        return cls(native, sets, frozenset().union(*sets), np.diff(row_offsets))


def word_overlaps(
    texts: pl.Series, answers: AnswerWords, rows: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Per answers row ``r``: ``(len(a & b), len(a))`` for ``a = set(t.lower().split())`` of
    ``t = texts[rows[r]]`` (``texts[r]`` without ``rows``) and ``b`` the answers' words of row
    ``r``. ``texts`` is a String column without nulls."""
    if rows is not None:
        rows = np.ascontiguousarray(rows, dtype=np.int64)
    common, distinct, fallback = load("tokens").overlaps(
        _utf8_column(texts), answers.native, lower_table(), rows
    )
    if fallback.any():
        where = np.flatnonzero(fallback)
        source = where if rows is None else rows[where]
        for r, text in zip(where.tolist(), texts.gather(source).to_list(), strict=True):
            words = _python_words(text)
            common[r] = len(words & answers.sets[r])
            distinct[r] = len(words)
    return common, distinct


def vocabulary_size(texts: pl.Series, answers: AnswerWords) -> int:
    """``len(set of every word of texts and answers)`` (Python's lower/split); exact, in Python:
    only asked when the answers alone have fewer than two words."""
    words = set(answers.vocabulary)
    for text in texts.to_list():
        words.update(text.lower().split())
    return len(words)


def int_sequences(
    texts: pl.Series, rows: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray] | None:
    """``[list(map(int, t.split())) for t in texts[rows]]`` as flat int64 values and row offsets
    when every token is 1-18 ASCII digits, else None. ``texts``: String column without nulls."""
    if rows is not None:
        rows = np.ascontiguousarray(rows, dtype=np.int64)
    return load("tokens").int_sequences(_utf8_column(texts), rows)
