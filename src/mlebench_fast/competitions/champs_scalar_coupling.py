"""champs-scalar-coupling: mean over coupling types of log(MAE), after a merge on ``id``.

The reference checks the target and id columns, rejects unless ``set(submission.id) ==
set(answers.id)`` (Python set semantics: 5 == 5.0, so float ids pass; repeated ids pass too),
then inner-merges the submission into the answers on ``id``: rows in the answers' order, and a
repeated submission id repeats its answers row once per copy, in the submission's order. Each
type (groups sorted by name) is scored with scikit-learn's ``mean_absolute_error`` on the merged
rows in that order, so NaN, infinity or a word in any prediction rejects. ``np.log`` of a zero
MAE is ``-inf`` and ``np.mean`` keeps it: a perfect submission scores ``-inf`` (graded). The
score is a ``numpy.float64``.
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
from mlebench_fast.validation.frames import kind, same_set
from mlebench_fast.validation.pandas_values import as_float_array, pandas_values

ID, TARGET, TYPE = "id", "scalar_coupling_constant", "type"


@dataclass(frozen=True, slots=True)
class Prepared:
    ids: pl.Series  # in the answers' order
    index: IdIndex  # the ids sorted
    sorted_ids: np.ndarray  # float64, for placing repeated submission ids
    position: np.ndarray  # each answers row's position among the sorted ids
    codes: np.ndarray  # each answers row's type, as its rank among the sorted type names
    groups: tuple[np.ndarray, ...]  # per type, its answers rows in order
    y_true: np.ndarray


@dataclass(frozen=True, slots=True)
class ChampsGrader:
    def prepare_answers(self, answers: Table) -> Prepared:
        require_answer_columns(answers, TARGET, ID, TYPE)
        frame = answers.frame
        ids = frame[ID]
        order = ids.arg_sort().to_numpy()
        position = np.empty(order.size, dtype=np.int64)
        position[order] = np.arange(order.size)
        types = frame[TYPE].cast(pl.String)
        # groupby drops rows whose key is missing; the real answers have none.
        names = sorted(types.drop_nulls().unique().to_list())
        codes = types.replace_strict(names, list(range(len(names))), default=-1, return_dtype=pl.Int64).to_numpy()
        groups = tuple(np.flatnonzero(codes == g) for g in range(len(names)))
        sorted_ids = ids[order]
        return Prepared(
            ids=ids,
            index=IdIndex.of(sorted_ids),
            sorted_ids=sorted_ids.cast(pl.Float64).to_numpy(),
            position=position,
            codes=codes,
            groups=groups,
            y_true=frame[TARGET].cast(pl.Float64).to_numpy(),
        )

    def score(self, submission: Table, answers: Prepared) -> np.floating:
        if TARGET not in submission.columns:
            msg = f"Target column {TARGET} not found in submission DataFrame."
            raise InvalidSubmissionError(msg)
        if ID not in submission.columns:
            msg = "ID column not found in submission DataFrame."
            raise InvalidSubmissionError(msg)
        sub_ids = submission.frame[ID]
        # A permutation of the (unique) answers' ids has the same set: no set needs building.
        order = answers.index.order(sub_ids)
        if order is None and not same_set(sub_ids, answers.ids):
            missing = set(pandas_values(answers.ids).tolist()) - set(pandas_values(sub_ids).tolist())
            msg = f"Submission is missing the following ids: {missing}"
            raise InvalidSubmissionError(msg)
        predictions = as_float_array(submission.frame[TARGET])
        if order is not None:
            # A permutation of the answers' ids: the merge is the answers' rows, one each.
            merged_pred = predictions[order][answers.position]
            groups = [(answers.y_true[rows], merged_pred[rows]) for rows in answers.groups]
        else:
            groups = self._merged_groups(sub_ids, predictions, answers)
        with np.errstate(divide="ignore"):
            log_maes = [np.log(mean_absolute_error(y_true, y_pred)) for y_true, y_pred in groups]
        return np.mean(log_maes)

    @staticmethod
    def _merged_groups(
        sub_ids: pl.Series, predictions: np.ndarray, answers: Prepared
    ) -> list[tuple[np.ndarray, np.ndarray]]:
        """The inner merge with repeated submission ids: each answers row, then its copies."""
        values = sub_ids.cast(pl.Float64).to_numpy() if kind(sub_ids) != "str" else None
        if values is None:
            msg = "ids of another kind passed the set check"
            raise AssertionError(msg)
        # Every submission id is an answers id (the sets are equal).
        place = np.searchsorted(answers.sorted_ids, values)
        by_place = np.argsort(place, kind="stable")
        counts = np.bincount(place, minlength=answers.sorted_ids.size)
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        per_row = counts[answers.position]
        first = np.repeat(starts[answers.position], per_row)
        within = np.arange(per_row.sum()) - np.repeat(np.cumsum(per_row) - per_row, per_row)
        merged_pred = predictions[by_place[first + within]]
        merged_rows = np.repeat(np.arange(per_row.size), per_row)
        merged_codes = answers.codes[merged_rows]
        merged_true = answers.y_true[merged_rows]
        out = []
        for g in range(len(answers.groups)):
            rows = np.flatnonzero(merged_codes == g)
            out.append((merged_true[rows], merged_pred[rows]))
        return out


GRADER = ChampsGrader()
