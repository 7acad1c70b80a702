"""h-and-m-personalized-fashion-recommendations: MAP@12 of article ids, over the answers' customers.

The reference requires exactly the columns {customer_id, prediction}, then that the submission's
customer ids are a *superset* of the answers' (the sample submission lists every customer, ~17x the
answers), keeps the rows whose id is an answer id, sorts them by ``customer_id`` and pairs them
with the sorted answers through ``zip``: a customer listed twice shifts every later row and the
surplus rows at the end are dropped. Cells are ``astype(str).split(" ")``, the answers' as sets.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.competitions.shared.map_at_k import (
    CodedAnswers,
    code_answers,
    mean_average_precision_at_k,
    mean_average_precision_in_place,
)
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.label_lists import LabelTable, TextColumn
from mlebench_fast.validation.answers import InvalidAnswersError
from mlebench_fast.validation.frames import kind, pandas_sort_indices

ID, TARGET, K = "customer_id", "prediction", 12


@dataclass(frozen=True, slots=True)
class PreparedAnswers:
    coded: CodedAnswers
    ids: LabelTable  # the sorted answers' customer ids: code = row


def _answer_positions(ids: pl.Series, answers: PreparedAnswers) -> np.ndarray:
    """Each submission id's row in the sorted answers, -1 when it is no answer id."""
    if kind(ids) != "str":  # NaN-only or numeric ids: a str never equals a number
        return np.full(ids.len(), -1, dtype=np.int64)
    positions = answers.ids.lookup(TextColumn.of(ids.fill_null("") if ids.null_count() else ids))
    if ids.null_count():
        positions[ids.is_null().to_numpy()] = -1
    return positions


@dataclass(frozen=True, slots=True)
class MapAt12Grader:
    def prepare_answers(self, answers: Table) -> PreparedAnswers:
        if set(answers.columns) != {ID, TARGET}:
            msg = "Answers DataFrame must have 'customer_id' and 'prediction' columns."
            raise InvalidAnswersError(msg)
        coded = code_answers(answers, ID, TARGET)
        if coded.index.strings is None or not coded.index.unique:
            msg = "the answers' customer ids must be distinct strings"
            raise InvalidAnswersError(msg)
        return PreparedAnswers(coded, LabelTable(coded.index.ids))

    def score(self, submission: Table, prepared: PreparedAnswers) -> np.float64:
        if set(submission.columns) != {ID, TARGET}:
            msg = "Submission DataFrame must have 'customer_id' and 'prediction' columns."
            raise InvalidSubmissionError(msg)
        answers = prepared.coded
        ids = submission.frame[ID]
        positions = _answer_positions(ids, prepared)
        n = answers.index.ids.len()
        kept = positions >= 0
        counts = np.bincount(positions[kept], minlength=n)
        if n and counts.min() == 0:
            msg = "Submission customer_id must be a superset of answers customer_id"
            raise InvalidSubmissionError(msg)
        if counts.max(initial=0) == 1:  # each answer customer once: sorting places it at its row
            return mean_average_precision_in_place(submission.frame[TARGET], positions, answers, K)
        filtered = submission.frame[np.flatnonzero(kept)]
        labels = filtered[TARGET].gather(pandas_sort_indices(filtered[ID]))
        return mean_average_precision_at_k(labels, answers, K)


GRADER = MapAt12Grader()
