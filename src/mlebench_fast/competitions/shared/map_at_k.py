"""MAP@k of space-separated label lists: the answers coded once, submissions coded per call.

The reference splits ``astype(str)`` of each cell on single spaces (the answers' lists become
sets), pairs the i-th sorted answer with the i-th sorted submission row (``zip``: the shorter side
decides how many rows count) and averages ``mlebench.metrics.average_precision_at_k`` with
``np.mean`` (a ``numpy.float64``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.io.table import Table
from mlebench_fast.kernels.label_lists import LabelTable, TextColumn
from mlebench_fast.kernels.ranking import average_precisions_at_k
from mlebench_fast.validation.alignment import IdIndex
from mlebench_fast.validation.frames import astype_str, sort_table
from mlebench_fast.validation.labels import (
    CodedLists,
    Vocabulary,
    code_answer_sets,
    code_predictions,
)


@dataclass(frozen=True, slots=True)
class CodedAnswers:
    """The answers sorted by id: their index, label vocabulary and coded label sets."""

    index: IdIndex
    vocabulary: Vocabulary
    actual: CodedLists
    labels: LabelTable  # the vocabulary again, for scoring rows straight from their text


def code_answers(answers: Table, id_column: str, target_column: str) -> CodedAnswers:
    frame = sort_table(answers, id_column)
    vocabulary, actual = code_answer_sets(astype_str(frame[target_column]))
    return CodedAnswers(
        index=IdIndex.of(frame[id_column]),
        vocabulary=vocabulary,
        actual=actual,
        labels=LabelTable(vocabulary.labels),
    )


def mean_average_precision_at_k(labels: pl.Series, answers: CodedAnswers, k: int) -> np.float64:
    """MAP@k of the submission's label cells ``labels``, in the sorted answers' row order."""
    rows = min(labels.len(), answers.actual.offsets.size - 1)
    predicted = code_predictions(astype_str(labels.head(rows)), answers.vocabulary, keep=k)
    actual = answers.actual
    scores = average_precisions_at_k(
        predicted.codes, predicted.offsets, actual.codes, actual.offsets[: rows + 1], k
    )
    return np.mean(scores)


def mean_average_precision_by_id(
    labels: pl.Series, ids: pl.Series, id_table: LabelTable, answers: CodedAnswers, k: int
) -> np.float64 | None:
    """:func:`mean_average_precision_in_place` of string cells ``labels`` (no nulls) whose
    answer rows are their ``ids``' codes in ``id_table`` (the sorted answers' ids), in one pass;
    None where that does not apply (other cells, ids that are not each answer id once)."""
    if labels.dtype != pl.String or labels.null_count():
        return None
    actual = answers.actual
    if actual.offsets.size - 1 != id_table.size:
        return None
    scores = answers.labels.average_precisions_by_id(
        TextColumn.of(labels), ids, id_table, actual.codes, actual.offsets, k
    )
    return None if scores is None else np.mean(scores)


def mean_average_precision_in_place(
    labels: pl.Series, positions: np.ndarray, answers: CodedAnswers, k: int
) -> np.float64:
    """:func:`mean_average_precision_at_k` of the cells ``labels`` left in the submission's order:
    cell ``r`` is the sorted answers' row ``positions[r]`` (-1: a row that is not scored), and
    every answer row is some cell's."""
    if labels.dtype != pl.String or labels.null_count():
        labels = astype_str(labels)
    actual = answers.actual
    scores = answers.labels.average_precisions(
        TextColumn.of(labels), positions, actual.codes, actual.offsets, k, actual.offsets.size - 1
    )
    return np.mean(scores)
