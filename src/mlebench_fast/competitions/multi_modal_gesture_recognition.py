"""multi-modal-gesture-recognition: Σ Levenshtein(int sequences) / Σ len(true) (lower is better).

The reference checks the row count, then the ``Id`` and ``Sequence`` columns, sorts both by ``Id``,
compares the ids element by element, then turns ``astype(str)`` of each cell into
``list(map(int, s.split()))`` (Python's int: "+3", "007", "1_0", non-ASCII digits are numbers;
"nan", "1.0" raise ValueError, a rejection) and returns ``np.sum(distances) / total_true_length``
(a ``numpy.float64``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from mlebench_fast.competitions.shared.sorted_answers import SortedAnswers, sorted_answers
from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.sequences import int_sequence_levenshtein
from mlebench_fast.kernels.tokens import int_sequences
from mlebench_fast.validation.answers import InvalidAnswersError, require_answer_columns
from mlebench_fast.validation.frames import astype_str, kind
from mlebench_fast.validation.python_text import python_split

ID, TARGET = "Id", "Sequence"
_INT64 = range(-(2**63), 2**63)


Parsed = tuple[pl.Series, np.ndarray, "list[int] | None"]


def parse_int_sequences(cells: pl.Series) -> Parsed:
    """``[list(map(int, s.split())) for s in cells.astype(str)]`` as flat tokens, row offsets and
    the Python ints of the tokens when one is not plain ASCII digits (else None).

    Raises Python's own ValueError for a token ``int`` rejects."""
    lists = python_split(astype_str(cells))
    lengths = lists.list.len().to_numpy()
    offsets = np.zeros(lengths.size + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    tokens = lists.explode().drop_nulls()
    if tokens.str.contains(r"^[0-9]{1,18}$").all():
        return tokens.cast(pl.Int64), offsets, None
    return tokens, offsets, [int(t) for t in tokens.to_list()]


def coded_values(true: Parsed, predicted: Parsed) -> tuple[np.ndarray, np.ndarray]:
    """Both sides' flat values as int64 arrays that are equal exactly where the ints are."""
    if true[2] is None and predicted[2] is None:
        return true[0].to_numpy(), predicted[0].to_numpy()
    sides = [p[2] if p[2] is not None else p[0].to_list() for p in (true, predicted)]
    if all(v in _INT64 for side in sides for v in side):
        return tuple(np.array(side, dtype=np.int64) for side in sides)  # type: ignore[return-value]
    # Ints beyond int64 only matter by equality: number the distinct values.
    vocabulary: dict[int, int] = {}
    return tuple(  # type: ignore[return-value]
        np.array([vocabulary.setdefault(v, len(vocabulary)) for v in side], dtype=np.int64)
        for side in sides
    )


@dataclass(frozen=True, slots=True)
class PreparedAnswers:
    sorted: SortedAnswers
    parsed: Parsed
    total_length: int
    values: np.ndarray | None  # the parsed ints as int64, when all are plain ASCII digits


@dataclass(frozen=True, slots=True)
class IntSequenceEditDistanceGrader:
    def prepare_answers(self, answers: Table) -> PreparedAnswers:
        require_answer_columns(answers, ID, TARGET)
        prepared = sorted_answers(answers, ID, TARGET)
        try:
            parsed = parse_int_sequences(prepared.target)
        except ValueError as e:
            raise InvalidAnswersError(f"answers' Sequence cells must be integers: {e}") from e
        values = parsed[0].to_numpy() if parsed[2] is None else None
        return PreparedAnswers(prepared, parsed, int(parsed[1][-1]), values)

    def score(self, submission: Table, answers: PreparedAnswers) -> np.float64:
        if submission.height != answers.sorted.ids.len():
            msg = "Submission and answers must have the same length"
            raise InvalidSubmissionError(msg)
        for column in (ID, TARGET):
            if column not in submission.columns:
                msg = f"Submission must have a{'n' if column == ID else ''} '{column}' column"
                raise InvalidSubmissionError(msg)
        order = answers.sorted.index.order(submission.frame[ID])
        if order is not None:
            cells = submission.frame[TARGET]
        else:
            frame, ids_match = answers.sorted.sort_submission(submission.frame.select(ID, TARGET), ID)
            if not ids_match:
                msg = "Submission and answers must have the same ids"
                raise InvalidSubmissionError(msg)
            cells = frame[TARGET]
        simple = None
        if answers.values is not None and kind(cells) == "str" and not cells.null_count():
            simple = int_sequences(cells, order)
        if simple is not None:
            true, predicted = answers.values, simple[0]
            parsed = (None, simple[1], None)
        else:
            if order is not None:
                cells = cells.gather(order)
            try:
                parsed = parse_int_sequences(cells)
            except ValueError as e:
                msg = (
                    "Submission sequences must be integers separated by spaces. "
                    f"Failed to convert Sequence to list of integers: {e}"
                )
                raise InvalidSubmissionError(msg) from e
            true, predicted = coded_values(answers.parsed, parsed)
        distances = int_sequence_levenshtein(true, answers.parsed[1], predicted, parsed[1])
        return np.sum(distances) / answers.total_length


GRADER = IntSequenceEditDistanceGrader()
