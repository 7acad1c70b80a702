"""predict-volcanic-eruptions-ingv-oe: MAE of ``time_to_eruption``, reported as a Python int.

The reference checks the columns, then only that the *sets* of ``segment_id`` are equal; it then
inner-merges the answers with the submission on ``segment_id`` (answers' order, each answer row
repeated for every submission row with its id), so duplicated ids are scored more than once.
scikit-learn's MAE (strings, NaN rejected) is returned as ``int(round(mae))``: banker's rounding
to a Python ``int``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.regression import mean_absolute_error
from mlebench_fast.validation.alignment import IdIndex
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import kind, pandas_sort_indices, same_set
from mlebench_fast.validation.pandas_values import as_float_array

ID, TARGET = "segment_id", "time_to_eruption"


@dataclass(frozen=True, slots=True)
class Prepared:
    ids: pl.Series
    frame: pl.DataFrame  # key (float64), row, y_true
    index: IdIndex  # the ids sorted, indexed
    sorted_position: np.ndarray  # answers row -> its position among the sorted ids
    y_true: np.ndarray


@dataclass(frozen=True, slots=True)
class VolcanicGrader:
    def prepare_answers(self, answers: Table) -> Prepared:
        require_answer_columns(answers, TARGET, ID)
        ids = answers.frame[ID]
        frame = pl.DataFrame(
            {"key": ids.cast(pl.Float64), "row": np.arange(ids.len()), "y_true": answers.frame[TARGET]}
        )
        by_id = pandas_sort_indices(ids)
        sorted_position = np.empty(ids.len(), dtype=np.int64)
        sorted_position[by_id] = np.arange(ids.len())
        return Prepared(ids, frame, IdIndex.of(ids[by_id]), sorted_position,
                        answers.frame[TARGET].to_numpy())

    def score(self, submission: Table, answers: Prepared) -> int:
        if TARGET not in submission.columns:
            msg = f"Target column {TARGET} not found in submissions DataFrame."
            raise InvalidSubmissionError(msg)
        if ID not in submission.columns:
            msg = "Segment ID column not found in submission DataFrame."
            raise InvalidSubmissionError(msg)
        ids = submission.frame[ID]
        column = submission.frame[TARGET]
        order = answers.index.order(ids)
        if order is not None:
            # The same ids, each once: the merge pairs answers row r with one submission row.
            y_pred = column.to_numpy() if kind(column) == "int" else as_float_array(column)
            matched = y_pred[order[answers.sorted_position]]
            return int(round(mean_absolute_error(answers.y_true, matched)))
        if not same_set(ids, answers.ids):
            missing = set(answers.ids.to_list()) - set(ids.drop_nulls().to_list())
            msg = f"Submission is missing the following segment_ids: {missing}"
            raise InvalidSubmissionError(msg)
        y_pred = column.to_numpy() if kind(column) == "int" else as_float_array(column)
        sub = pl.DataFrame({"key": ids.cast(pl.Float64), "sub_row": np.arange(ids.len())})
        # Equal sets of numbers: every submission row finds its answer rows.
        merged = answers.frame.join(sub, on="key", how="inner").sort(["row", "sub_row"])
        y_true = merged["y_true"].to_numpy()
        y_pred = y_pred[merged["sub_row"].to_numpy()]
        return int(round(mean_absolute_error(y_true, y_pred)))


GRADER = VolcanicGrader()
