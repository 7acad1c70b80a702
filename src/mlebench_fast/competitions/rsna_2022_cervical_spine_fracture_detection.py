"""rsna-2022-cervical-spine-fracture-detection: per-study weighted multi-label log loss.

The answers are melted: one row per (study, target) with ``row_id = <StudyInstanceUID>_<target>``
for the targets ``patient_overall``, ``C1``..``C7``. The reference checks ``row_id`` and
``fractured``, ``fractured.between(0, 1).all()`` (NaN fails; a string raises TypeError), then
missing values, sorts both by ``row_id`` and compares them elementwise (a different length fails
numpy's broadcast; one row broadcasts and differs), pivots both back to one row per study, and
averages over studies ``sum_j w_j * bce_j / sum_j w_j``, with predictions clipped to
[1e-15, 1 - 1e-15] and weights 14 / 7 (patient_overall, positive / negative) and 2 / 1 (each
vertebra). Returns ``numpy.float64``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.divergence import weighted_multilabel_log_loss
from mlebench_fast.validation.alignment import IdIndex, sort_and_match
from mlebench_fast.validation.answers import InvalidAnswersError, require_answer_columns
from mlebench_fast.validation.frames import kind, sort_table

ID = "row_id"
TARGET = "fractured"
TARGETS = ("patient_overall", "C1", "C2", "C3", "C4", "C5", "C6", "C7")
NEGATIVE_WEIGHTS = np.array([7, 1, 1, 1, 1, 1, 1, 1], dtype=np.float64)
POSITIVE_WEIGHTS = np.array([14, 2, 2, 2, 2, 2, 2, 2], dtype=np.float64)


@dataclass(frozen=True, slots=True)
class MeltedAnswers:
    index: IdIndex  # the answers' row ids, sorted as pandas sorts them
    # (studies, 8) gather map: position in the sorted row ids of each study's targets, studies
    # in StudyInstanceUID order, targets in TARGETS order
    cells: np.ndarray
    y_true: np.ndarray


def _split_row_ids(ids: pl.Series) -> tuple[pl.Series, pl.Series]:
    """``row_id.str.split("_", n=1)``: the study and the target name."""
    parts = ids.str.splitn("_", 2).struct.unnest()
    return parts[parts.columns[0]], parts[parts.columns[1]]


@dataclass(frozen=True, slots=True)
class CervicalSpineGrader:
    def prepare_answers(self, answers: Table) -> MeltedAnswers:
        require_answer_columns(answers, ID, TARGET)
        frame = sort_table(answers, ID)
        ids = frame[ID]
        study, target = _split_row_ids(ids)
        cells = (
            pl.DataFrame({"study": study, "target": target, "row": np.arange(ids.len())})
            .pivot(on="target", index="study", values="row")
            .sort("study")
        )
        if any(t not in cells.columns for t in TARGETS) or cells.select(TARGETS).null_count().sum_horizontal()[0]:
            msg = "the answers' row ids do not cover every target of every study"
            raise InvalidAnswersError(msg)
        gather = cells.select(TARGETS).to_numpy().astype(np.int64)
        truth = frame[TARGET].cast(pl.Float64).to_numpy()
        return MeltedAnswers(index=IdIndex.of(ids), cells=gather, y_true=truth[gather])

    def score(self, submission: Table, answers: MeltedAnswers) -> np.float64:
        for column in (ID, TARGET):
            if column not in submission.columns:
                msg = f"Submission is missing the `{column}` column."
                raise InvalidSubmissionError(msg)
        values = submission.frame[TARGET]
        if kind(values) == "str" and values.drop_nulls().len():
            msg = "'>=' not supported between instances of 'str' and 'int'"
            raise TypeError(msg)
        numbers = values.cast(pl.Float64).to_numpy()
        with np.errstate(invalid="ignore"):
            in_range = bool(np.all((numbers >= 0) & (numbers <= 1)))
        if not in_range:
            msg = f"Submission `{TARGET}` values must be between 0 and 1."
            raise InvalidSubmissionError(msg)
        frame, ids_match = sort_and_match(submission.frame, ID, answers.index)
        if not ids_match:
            msg = "Submission should contain same ids as answers."
            raise InvalidSubmissionError(msg)
        y_pred = frame[TARGET].cast(pl.Float64).to_numpy()[answers.cells]
        return weighted_multilabel_log_loss(
            answers.y_true, y_pred, NEGATIVE_WEIGHTS, POSITIVE_WEIGHTS
        )


GRADER = CervicalSpineGrader()
