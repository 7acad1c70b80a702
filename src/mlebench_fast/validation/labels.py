"""Space-separated label lists, coded against the answers' vocabulary for the ranking kernels."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl
import pyarrow as pa

from mlebench_fast._native import load
from mlebench_fast.kernels.strings import as_arrow_strings, string_buffers, string_views


@dataclass(frozen=True, slots=True)
class CodedLists:
    """Per-row label lists as one flat array of integer codes plus row offsets into it."""

    codes: np.ndarray
    offsets: np.ndarray


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The distinct answer labels; a label's code is its position, -1 for any other label."""

    labels: pl.Series
    index: object  # the compiled StringIndex over ``labels``

    @classmethod
    def of(cls, labels: pl.Series) -> Vocabulary:
        distinct = labels.drop_nulls().unique(maintain_order=True)
        return cls(distinct, load("align").StringIndex(*string_buffers(distinct)))

    def code(self, tokens: pl.Series) -> np.ndarray:
        codes = self.index.lookup(*string_buffers(tokens.fill_null("")))
        if tokens.null_count():  # a missing token is no label
            codes[tokens.is_null().to_numpy()] = -1
        return codes


def _offsets(lists: pl.Series) -> np.ndarray:
    lengths = lists.list.len().fill_null(0).to_numpy()
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    return offsets


def split_on_spaces(strings: pl.Series) -> pl.Series:
    """``str.split(" ")`` of each cell: consecutive spaces give empty labels, as in Python."""
    return strings.str.split(" ")


def code_answer_sets(strings: pl.Series) -> tuple[Vocabulary, CodedLists]:
    """Each answer cell as the *set* of its labels, coded."""
    sets = split_on_spaces(strings).list.unique(maintain_order=True)
    tokens = sets.explode()
    vocabulary = Vocabulary.of(tokens)
    return vocabulary, CodedLists(vocabulary.code(tokens), _offsets(sets))


def code_predictions(strings: pl.Series, vocabulary: Vocabulary, *, keep: int) -> CodedLists:
    """The first ``keep`` labels of each cell (split on single spaces), in order, coded.

    One native pass over the strings: no list column, no per-token strings.
    """
    if strings.null_count():
        msg = "code_predictions needs strings without nulls (astype_str them first)"
        raise ValueError(msg)
    arrow = as_arrow_strings(strings)
    if arrow.type != pa.string_view():
        arrow = arrow.cast(pa.string_view())
    codes, offsets = vocabulary.index.lookup_split(*string_views(arrow), ord(" "), keep)
    return CodedLists(codes, offsets)


# Python's whitespace other than the space itself (``str.isspace``: White_Space plus U+001C..1F).
_OTHER_WHITESPACE = r"[^\S ]|[\x1c-\x1f]"
_WHITESPACE = r"[\s\x1c-\x1f]"
_ALL = 2**62


def code_python_split(strings: pl.Series, vocabulary: Vocabulary) -> CodedLists:
    """``s.split()`` (no argument: runs of any Python whitespace) of each cell, coded; the
    vocabulary must hold no empty label (tokens of ``str.split()`` never are).

    Splitting on single spaces gives the same tokens plus empty ones, which code as -1; other
    whitespace is first turned into spaces, in the rare columns that hold any.
    """
    if strings.str.contains(_OTHER_WHITESPACE).any():
        strings = strings.str.replace_all(_WHITESPACE, " ")
    return code_predictions(strings, vocabulary, keep=_ALL)
