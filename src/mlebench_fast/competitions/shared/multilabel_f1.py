"""Micro F1 of space-separated label sets matched by id, over a ``MultiLabelBinarizer`` whose
classes come from the answers only (imet-2020-fgvc7, plant-pathology-2021-fgvc8,
facebook-recruiting-iii-keyword-extraction).

What those references do, in order:

1. the id and label columns must be in the submission, and it must have as many rows as the
   answers (``InvalidSubmissionError``, each in its own words);
2. both files are sorted by id and the id columns compared elementwise (numpy ``!=`` or pandas
   ``==``: the same verdict): any difference rejects;
3. the classes are the answers' ``str.split()`` tokens (splitting on runs of any Python
   whitespace). Where the reference explodes the split lists of *every* row, a row with no
   token (NaN, or only whitespace) adds a NaN class, and ``sorted()`` of NaN among strings raises
   ``TypeError``: every submission is then rejected (``nan_class_from_empty_rows``). Where it
   only reads ``str`` rows (facebook), such rows add nothing;
4. ``fillna("")`` then ``.str.split()`` of both label columns: a column holding anything but
   strings and NaN (numbers, bools) fails there (``.str`` on a non-object column, or a NaN
   split result that ``MultiLabelBinarizer`` cannot iterate), except an all-NaN column, which
   is all empty strings;
5. micro F1 of the binarised sets (:mod:`mlebench_fast.kernels.multilabel_f1`): labels repeated
   in a row count once, labels outside the classes are dropped, a ``numpy.float64``; fewer than
   two classes fail in scikit-learn.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.label_lists import LabelTable, TextColumn
from mlebench_fast.kernels.multilabel_f1 import (
    SPARSE_Y_MESSAGE,
    ClassTable,
    micro_f1_from_set_counts,
)
from mlebench_fast.kernels.strings import string_buffers
from mlebench_fast.validation.alignment import IdIndex, sort_and_match
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import fillna_empty, fillna_empty_is_all_str, sort_table
from mlebench_fast.validation.python_text import python_split

_NOT_STRINGS = "Can only use .str accessor with string values!"


@dataclass(frozen=True, slots=True)
class CodedAnswers:
    """The answers sorted by id, their label sets coded against the classes."""

    index: IdIndex
    classes: ClassTable
    labels: LabelTable  # the same classes, for the threaded pass over the submission's text
    n_classes: int
    truth: np.ndarray  # the true sets, padded rows (ClassTable.true_rows)
    # Why every submission fails with these answers (the reference raises after its checks).
    broken: Exception | None


@dataclass(frozen=True, slots=True)
class MultiLabelF1ById:
    id_column: str
    label_column: str
    missing_id: str
    missing_labels: str
    wrong_length: str
    ids_differ: str
    nan_class_from_empty_rows: bool

    def prepare_answers(self, answers: Table) -> CodedAnswers:
        require_answer_columns(answers, self.id_column, self.label_column)
        frame = sort_table(answers, self.id_column)
        labels = frame[self.label_column]
        broken: Exception | None = None
        if not fillna_empty_is_all_str(labels):
            broken = AttributeError(_NOT_STRINGS)
            labels = pl.Series(labels.name, [""] * labels.len(), dtype=pl.String)
        labels = fillna_empty(labels)
        tokens = python_split(labels)
        distinct = tokens.explode().drop_nulls().unique(maintain_order=True)
        classes = ClassTable(*string_buffers(distinct))
        n_classes = classes.n_classes
        if broken is None and self.nan_class_from_empty_rows and (tokens.list.len() == 0).any():
            if n_classes:
                broken = TypeError("'<' not supported between instances of 'str' and 'float'")
            n_classes += 1  # the NaN class: no token ever matches it
        truth = classes.true_rows(*classes.split_codes(*string_buffers(labels)))
        return CodedAnswers(
            index=IdIndex.of(frame[self.id_column]),
            classes=classes,
            labels=LabelTable(distinct),
            n_classes=n_classes,
            truth=truth,
            broken=broken,
        )

    def score(self, submission: Table, answers: CodedAnswers) -> np.float64:
        if self.id_column not in submission.columns:
            raise InvalidSubmissionError(self.missing_id)
        if self.label_column not in submission.columns:
            raise InvalidSubmissionError(self.missing_labels)
        if submission.height != answers.index.ids.len():
            raise InvalidSubmissionError(self.wrong_length)
        rows = submission.height
        order = answers.index.order(submission.frame[self.id_column])
        if order is None:
            ordered, matched = sort_and_match(
                submission.frame, self.id_column, answers.index, columns=[self.label_column]
            )
            if not matched:
                raise InvalidSubmissionError(self.ids_differ)
            labels = ordered[self.label_column]
            positions = np.arange(rows, dtype=np.int64)
        else:  # row order[k] sorts to position k: score each row in place against its position
            labels = submission.frame[self.label_column]
            positions = np.empty(rows, dtype=np.int64)
            positions[order] = np.arange(rows, dtype=np.int64)
        if answers.broken is not None:
            raise answers.broken
        if not fillna_empty_is_all_str(labels):
            raise AttributeError(_NOT_STRINGS)
        # A null reads as an empty row, as fillna("") makes it (the kernel reads it so).
        if labels.dtype != pl.String:
            labels = fillna_empty(labels)
        if answers.n_classes == 0:
            msg = "unknown is not supported"
            raise ValueError(msg)
        if answers.n_classes == 1:
            raise TypeError(SPARSE_Y_MESSAGE)
        tp, true_sum, pred_sum = answers.labels.micro_f1_counts(
            TextColumn.of(labels), positions, answers.truth, answers.n_classes
        )
        return micro_f1_from_set_counts(tp, true_sum, pred_sum)
