"""jigsaw-unintended-bias-in-toxicity-classification: overall AUC plus bias AUCs on 0/1 labels.

The reference checks, in order: an ``id`` column ("Submission DataFrame must have an 'id'
column."), a ``prediction`` or a ``toxicity`` column ("... must have a 'prediction' column.": the
answers file itself is accepted as a submission); then it sorts both files by id and rejects
when ``(sub.id.values != ans.id.values).any()`` ("IDs in the submission and answers DataFrames do
not match."; a different length that cannot broadcast is numpy's ValueError, float ids equal
to the int ids pass). ``prediction`` is renamed ``toxicity``: a file with both columns then has
two ``toxicity`` columns, and ``.apply`` on that DataFrame raises (rejected).

Every prediction, the answers' toxicity and the identity columns become ``1 if x >= 0.5 else
0``, element by element: NaN is 0, infinity 1, True 1; a text cell raises TypeError (rejected).
So the AUCs are those of 0/1 predictions. Overall AUC, then per identity (male, female,
homosexual_gay_or_lesbian, christian, jewish, muslim, black, white,
psychiatric_or_mental_illness) the AUC on the subgroup, on BPSN (toxicity != identity) and on
BNSP (toxicity == identity); a subset with one class (or none) makes roc_auc_score raise, which
rejects every submission against those answers. The score is ``0.25 * overall + sum(0.25 * m)``
over the three power means ``(sum(s ** -5) / 9) ** (1 / -5)``, in numpy float64 scalars as the
reference computes them (an AUC of 0 makes ``s ** -5`` infinite and its mean 0); a
``numpy.float64``.

The answers' labels, identity masks and subsets are computed once per answers file; a
submission is placed in sorted-id order, thresholded and scored on the precomputed subsets.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.classification import roc_auc_score
from mlebench_fast.validation.alignment import IdIndex, sort_and_match
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import kind, sort_table

ID, TARGET, PREDICTION = "id", "toxicity", "prediction"
IDENTITIES = (
    "male",
    "female",
    "homosexual_gay_or_lesbian",
    "christian",
    "jewish",
    "muslim",
    "black",
    "white",
    "psychiatric_or_mental_illness",
)
P = -5
W = 0.25


@dataclass(frozen=True, slots=True)
class Prepared:
    ids: pl.Series  # sorted as pandas sorts them
    index: IdIndex
    truth: np.ndarray  # int64 0/1 toxicity, in that order
    # Per identity: (rows, truth at those rows) of the subgroup, BPSN and BNSP subsets.
    subsets: tuple[tuple[tuple[np.ndarray, np.ndarray], ...], ...]


def at_least_half(series: pl.Series) -> np.ndarray:
    """``series.apply(lambda x: 1 if x >= 0.5 else 0)`` as an int64 array.

    NaN is 0; a text cell raises TypeError as the comparison of a str with a float does.
    """
    series_kind = kind(series)
    if series_kind in ("int", "float", "bool") or (
        series_kind == "object" and series.dtype == pl.Boolean
    ):
        if series.dtype == pl.Boolean:
            series = series.cast(pl.Int64)
        return (series.cast(pl.Float64) >= 0.5).fill_null(False).to_numpy().astype(np.int64)
    if series_kind == "str":
        if series.drop_nulls().len():
            msg = "'>=' not supported between instances of 'str' and 'float'"
            raise TypeError(msg)
        return np.zeros(series.len(), dtype=np.int64)
    # A chunk-mixed column of Python objects (pandas' DtypeWarning): compare each as Python does.
    return np.fromiter(
        (1 if value >= 0.5 else 0 for value in series.to_list()), dtype=np.int64, count=series.len()
    )


@dataclass(frozen=True, slots=True)
class JigsawUnintendedBiasGrader:
    def prepare_answers(self, answers: Table) -> Prepared:
        require_answer_columns(answers, ID, TARGET, *IDENTITIES)
        frame = sort_table(answers, ID)
        truth = at_least_half(frame[TARGET])
        toxic = truth.astype(bool)
        subsets = []
        for name in IDENTITIES:
            member = at_least_half(frame[name]).astype(bool)
            masks = (member, toxic != member, toxic == member)  # subgroup, BPSN, BNSP
            rows = [np.flatnonzero(mask) for mask in masks]
            subsets.append(tuple((r, truth[r]) for r in rows))
        ids = frame[ID]
        return Prepared(ids, IdIndex.of(ids), truth, tuple(subsets))

    def score(self, submission: Table, answers: Prepared) -> np.float64:
        columns = submission.columns
        if ID not in columns:
            raise InvalidSubmissionError("Submission DataFrame must have an 'id' column.")
        if PREDICTION not in columns and TARGET not in columns:
            raise InvalidSubmissionError("Submission DataFrame must have a 'prediction' column.")
        frame = submission.frame
        name = PREDICTION if PREDICTION in columns else TARGET
        order = answers.index.order(frame[ID])
        if order is not None:
            predictions = frame[name].rechunk().gather(order)
        else:
            ordered, matched = sort_and_match(frame.select(ID, name), ID, answers.index)
            if not matched:
                msg = "IDs in the submission and answers DataFrames do not match."
                raise InvalidSubmissionError(msg)
            predictions = ordered[name]
        if PREDICTION in columns and TARGET in columns:
            # After the rename, submission["toxicity"] is a two-column DataFrame; its .apply
            # hands the lambda whole columns, and `1 if Series >= 0.5` raises.
            msg = "The truth value of a Series is ambiguous."
            raise ValueError(msg)
        labels = at_least_half(predictions)
        overall = roc_auc_score(answers.truth, labels)
        bias = [
            [roc_auc_score(truth, labels[rows]) for rows, truth in subsets]
            for subsets in answers.subsets
        ]
        with np.errstate(divide="ignore", over="ignore"):
            # The reference's own expressions on numpy float64 scalars: the same roundings.
            means = [
                (sum([s**P for s in [aucs[i] for aucs in bias]]) / len(IDENTITIES)) ** (1 / P)
                for i in range(3)
            ]
        return W * overall + sum([W * means[i] for i in range(len(means))])


GRADER = JigsawUnintendedBiasGrader()
