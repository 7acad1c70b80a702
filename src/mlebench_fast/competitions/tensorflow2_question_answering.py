"""tensorflow2-question-answering: scikit-learn's micro F1 over one 0/1 label per submission row,
which is the share of rows judged correct (accuracy: true negatives count).

The answers are JSON lines (simplified Natural Questions, one annotation each); only what
grading reads is kept: for each expected id ``<example_id>_long`` / ``<example_id>_short``, its
valid answers. The reference, in order:

1. rejects a submission whose length is not twice the answers' (before looking at columns);
2. ``fillna("")`` then ``astype(str)`` of the whole submission (a float cell ``5.0`` is the text
   ``"5.0"``, a bool ``"True"``);
3. requires ``example_id`` and ``PredictionString``, then the *set* of ids to equal the expected
   ids, then the ids to be unique;
4. per row, ``PredictionString.strip()`` (Python whitespace): exactly one ``:`` makes a span
   ``(int(start), int(end))`` (Python's ``int``: spaces, signs, underscores, any Unicode digits;
   anything else raises ``ValueError``); otherwise it must be ``YES``, ``NO`` or empty, else
   ``InvalidSubmissionError``;
5. valid answers: the long answer's span unless its start is -1; the short answers' spans plus
   the yes/no answer unless ``NONE``. A non-empty prediction scores 1/1 when it is one of them,
   1/0 otherwise; an empty one 0/1 when any exists, 0/0 otherwise;
6. ``f1_score(y_true, y_pred, average="micro")`` = ``2 correct / (n + n)``, a ``numpy.float64``.

The answers key lookups are the reference's (``id.split("_long")[0]`` into a dict of the
answers' raw ``example_id`` values): ids that cannot be found there, a missing annotation or a
non-integer token make every submission fail, as there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import polars as pl

from mlebench_fast.exceptions import InvalidSubmissionError
from mlebench_fast.io.table import Table
from mlebench_fast.kernels.multilabel_f1 import micro_f1_from_set_counts
from mlebench_fast.validation.alignment import IdIndex
from mlebench_fast.validation.answers import InvalidAnswersError
from mlebench_fast.validation.frames import astype_str, kind

ID, PREDICTION = "example_id", "PredictionString"
# Python's str.isspace characters: what str.strip() removes.
_PY_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# int() skips ASCII whitespace and non-ASCII str.isspace characters, but not U+001C..U+001F.
_INT_WHITESPACE = _PY_WHITESPACE.replace("\x1c\x1d\x1e\x1f", "")
_PLAIN_INT = r"^[+-]?[0-9]{1,18}$"
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


@dataclass(frozen=True, slots=True)
class PreparedAnswers:
    rows: int  # examples in the answers
    index: IdIndex  # the expected ids, sorted; valid answers below are in this order
    spans: pl.DataFrame  # (position, start, end): the valid spans of each expected id
    yes: np.ndarray  # YES is a valid answer
    no: np.ndarray
    any_valid: np.ndarray
    broken: Exception | None  # what the reference raises for every submission with these answers


def _valid_answers(expected: str, annotations: dict) -> tuple[list, bool, bool]:
    """The reference's valid answers of one expected id: (spans, YES valid, NO valid)."""
    if expected.endswith("_long"):
        annotation = annotations[expected.split("_long")[0]]
        long = annotation["long_answer"]
        if long["start_token"] != -1:
            return [(int(long["start_token"]), int(long["end_token"]))], False, False
        return [], False, False
    annotation = annotations[expected.split("_short")[0]]
    spans = [(int(s["start_token"]), int(s["end_token"])) for s in annotation["short_answers"]]
    yes_no = annotation["yes_no_answer"]
    if yes_no != "NONE":
        return spans, yes_no == "YES", yes_no == "NO"
    return spans, False, False


def _as_text(series: pl.Series) -> pl.Series:
    """``fillna("")`` then ``astype(str)`` of a column."""
    if series.dtype == pl.String:
        return series.fill_null("")
    if series.dtype == pl.Null or series.null_count() == series.len():
        return pl.Series(series.name, [""] * series.len(), dtype=pl.String)
    if series.dtype == pl.Object:
        values = [
            "" if v is None or (isinstance(v, float) and v != v) else str(v)
            for v in series.to_list()
        ]
        return pl.Series(series.name, values, dtype=pl.String)
    missing = series.is_null()
    if kind(series) == "float":
        missing = missing | series.is_nan().fill_null(True)
    if missing.all():
        return pl.Series(series.name, [""] * series.len(), dtype=pl.String)
    text = astype_str(series)
    return text.set(missing, "") if missing.any() else text


def _python_ints(parts: pl.Series) -> tuple[np.ndarray, np.ndarray]:
    """``int(part)`` of each cell as int64, and whether it fits (a bigger int never matches);
    ``ValueError`` as ``int`` raises it."""
    stripped = parts
    plain = parts.str.contains(_PLAIN_INT)
    if not plain.all():  # spaces around the numbers: strip as int() does, then look again
        stripped = parts.str.strip_chars(_INT_WHITESPACE)
        plain = stripped.str.contains(_PLAIN_INT)
    values = np.zeros(parts.len(), dtype=np.int64)
    fits = np.ones(parts.len(), dtype=bool)
    plain_mask = plain.to_numpy()
    if plain_mask.any():
        values[plain_mask] = stripped.filter(plain).cast(pl.Int64).to_numpy()
    odd_rows = np.flatnonzero(~plain_mask)
    if odd_rows.size:
        # Underscores, non-ASCII digits, long numbers: Python's own int(), row by row (rare).
        for row, text in zip(odd_rows, parts.gather(odd_rows).to_list(), strict=True):
            value = int(text)
            if _INT64_MIN <= value <= _INT64_MAX:
                values[row] = value
            else:
                fits[row] = False
    return values, fits


@dataclass(frozen=True, slots=True)
class Tensorflow2QuestionAnsweringGrader:
    def prepare_answers(self, answers: Any) -> PreparedAnswers:
        if isinstance(answers, Table) or not isinstance(answers, list):
            msg = "the answers of tensorflow2-question-answering are JSON lines (test.jsonl)"
            raise InvalidAnswersError(msg)
        broken: Exception | None = None
        expected: list[str] = []
        try:
            for sample in answers:
                expected.append(f"{sample['example_id']}_long")
                expected.append(f"{sample['example_id']}_short")
            annotations = {sample["example_id"]: sample["annotations"][0] for sample in answers}
        except Exception as exc:  # noqa: BLE001 - the reference fails there for every submission
            broken = exc
        ids = pl.Series(ID, expected, dtype=pl.String).sort()
        n = ids.len()
        yes = np.zeros(n, dtype=bool)
        no = np.zeros(n, dtype=bool)
        any_valid = np.zeros(n, dtype=bool)
        positions: list[int] = []
        starts: list[int] = []
        ends: list[int] = []
        if broken is None:
            try:
                for k, expected_id in enumerate(ids.to_list()):
                    spans, yes[k], no[k] = _valid_answers(expected_id, annotations)
                    any_valid[k] = bool(spans) or yes[k] or no[k]
                    for start, end in spans:
                        if _INT64_MIN <= start <= _INT64_MAX and _INT64_MIN <= end <= _INT64_MAX:
                            positions.append(k)
                            starts.append(start)
                            ends.append(end)
            except Exception as exc:  # noqa: BLE001
                broken = exc
        spans_frame = pl.DataFrame(
            {"position": positions, "start": starts, "end": ends},
            schema={"position": pl.Int64, "start": pl.Int64, "end": pl.Int64},
        ).unique()
        return PreparedAnswers(
            rows=len(answers),
            index=IdIndex.of(ids),
            spans=spans_frame,
            yes=yes,
            no=no,
            any_valid=any_valid,
            broken=broken,
        )

    def score(self, submission: Table, answers: PreparedAnswers) -> np.float64:
        rows = submission.height
        if rows != 2 * answers.rows:
            msg = f"Submission length {rows} != 2 * answers length {answers.rows}"
            raise InvalidSubmissionError(msg)
        if answers.broken is not None:
            raise answers.broken
        if ID not in submission.columns or PREDICTION not in submission.columns:
            msg = "Submission requires 'example_id' and 'PredictionString' columns."
            raise InvalidSubmissionError(msg)
        ids = _as_text(submission.frame[ID])
        order = answers.index.order(ids)
        if order is None:
            expected = answers.index.ids
            if not (ids.is_in(expected).all() and expected.is_in(ids).all()):
                msg = (
                    "Submission example_ids do not match expected_ids. Please ensure you have a "
                    "long and short answer for each example_id in the answers."
                )
                raise InvalidSubmissionError(msg)
            msg = (
                "Submission example_ids are not unique. Please ensure you have a "
                "long and short answer for each example_id in the answers."
            )
            raise InvalidSubmissionError(msg)
        position = np.empty(rows, dtype=np.int64)
        position[order] = np.arange(rows, dtype=np.int64)

        predictions = _as_text(submission.frame[PREDICTION]).str.strip_chars(_PY_WHITESPACE)
        empty = (predictions == "").to_numpy()
        yes = (predictions == "YES").to_numpy()
        no = (predictions == "NO").to_numpy()
        span = (predictions.str.count_matches(":", literal=True) == 1).to_numpy()
        is_span = span & ~empty
        invalid = ~(is_span | empty | yes | no)
        if invalid.any():
            first = predictions[int(np.flatnonzero(invalid)[0])]
            msg = f"Invalid submission format: {first}"
            raise InvalidSubmissionError(msg)
        span_rows = np.flatnonzero(is_span)
        parts = predictions.gather(span_rows).str.split_exact(":", 1).struct.unnest()
        starts, start_fits = _python_ints(parts["field_0"])
        ends, end_fits = _python_ints(parts["field_1"])
        correct = np.zeros(rows, dtype=bool)
        at = position
        correct[empty] = ~answers.any_valid[at[empty]]
        correct[yes] = answers.yes[at[yes]]
        correct[no] = answers.no[at[no]]
        if span_rows.size:
            fits = start_fits & end_fits
            candidates = pl.DataFrame(
                {
                    "row": span_rows[fits],
                    "position": at[span_rows[fits]],
                    "start": starts[fits],
                    "end": ends[fits],
                }
            )
            hits = candidates.join(answers.spans, on=["position", "start", "end"], how="semi")
            correct[hits["row"].to_numpy()] = True
        tp = int(np.count_nonzero(correct))
        return micro_f1_from_set_counts(tp, rows, rows)


GRADER = Tensorflow2QuestionAnsweringGrader()
