"""bms-molecular-translation: mean Levenshtein distance between InChI strings (lower is better).

The reference checks the row count first, then the columns, sorts both files by ``image_id``,
compares ids and scores ``astype(str)`` of both InChI columns (NaN becomes "nan", numbers their
``str``), pair by pair in sorted order.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mlebench_fast.competitions.shared.sorted_answers import SortedAnswers
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.strings import (
    contiguous_strings,
    keyed_levenshtein_distances,
    keyed_texts,
    levenshtein_distances,
)
from mlebench_fast.validation.answers import require_answer_columns
from mlebench_fast.validation.frames import astype_str, kind, sort_table

ID, TARGET = "image_id", "InChI"


@dataclass(frozen=True, slots=True)
class KeyedAnswers(SortedAnswers):
    # Each answer's InChI found by its image_id (unique string ids only): a submission is scored
    # in its own row order, one look-up per row, instead of being placed in sorted order first.
    # Its mean is the same: the distances are integers, summed exactly in any order.
    keyed: object | None = None


@dataclass(frozen=True, slots=True)
class LevenshteinGrader:
    def prepare_answers(self, answers: Table) -> KeyedAnswers:
        require_answer_columns(answers, ID, TARGET)
        frame = sort_table(answers, ID)
        target = astype_str(frame[TARGET])
        # Compared with every submission: worth laying its bytes out in sorted order.
        prepared = KeyedAnswers(ids=frame[ID], target=contiguous_strings(target))
        if prepared.index.strings is not None and prepared.index.unique:
            object.__setattr__(prepared, "keyed", keyed_texts(frame[ID], target))
        return prepared

    def score(self, submission: Table, answers: KeyedAnswers) -> np.float64:
        if submission.height != answers.ids.len():
            msg = "Submission and answers must have the same length"
            raise InvalidSubmissionError(msg)
        for column in (ID, TARGET):
            if column not in submission.columns:
                msg = f"Submission must have a{'n' if column == ID else ''} '{column}' column"
                raise InvalidSubmissionError(msg)
        ids = submission.frame[ID]
        if answers.keyed is not None and not ids.null_count() and kind(ids) == "str":
            predicted = astype_str(submission.frame[TARGET])
            distances = keyed_levenshtein_distances(answers.keyed, ids, predicted)
            if distances is not None:
                return np.mean(distances)
        order = answers.index.order(ids)
        if order is not None:
            # Pair each answer with its submission row in place: no sorted copy of the strings.
            predicted = astype_str(submission.frame[TARGET])
            return np.mean(levenshtein_distances(answers.target, predicted, b_rows=order))
        frame, ids_match = answers.sort_submission(submission.frame, ID)
        if not ids_match:
            msg = "Submission and answers must have the same ids"
            raise InvalidSubmissionError(msg)
        return np.mean(levenshtein_distances(answers.target, astype_str(frame[TARGET])))

GRADER = LevenshteinGrader()
