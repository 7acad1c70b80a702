"""Space-separated label lists, coded against the answers' vocabulary for the ranking kernels."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl


@dataclass(frozen=True, slots=True)
class CodedLists:
    """Per-row label lists as one flat array of integer codes plus row offsets into it."""

    codes: np.ndarray
    offsets: np.ndarray


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The distinct answer labels; a label's code is its position, -1 for any other label."""

    table: pl.DataFrame  # columns: token, code

    @classmethod
    def of(cls, labels: pl.Series) -> Vocabulary:
        distinct = labels.unique(maintain_order=True)
        codes = pl.Series("code", np.arange(distinct.len(), dtype=np.int64))
        return cls(pl.DataFrame({"token": distinct, "code": codes}))

    def code(self, tokens: pl.Series) -> np.ndarray:
        coded = pl.DataFrame({"token": tokens}).join(
            self.table, on="token", how="left", maintain_order="left"
        )
        return coded["code"].fill_null(-1).to_numpy()


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
    """The first ``keep`` labels of each cell, in order, coded."""
    lists = split_on_spaces(strings).list.head(keep)
    return CodedLists(vocabulary.code(lists.explode()), _offsets(lists))
