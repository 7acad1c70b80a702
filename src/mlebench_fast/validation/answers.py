"""Checks on the answers file: a failure here is a broken dataset, not a bad submission."""

from __future__ import annotations

from mlebench_fast.exceptions import MlebenchFastError
from mlebench_fast.io.table import Table


class InvalidAnswersError(MlebenchFastError, ValueError):
    """The answers file does not have the shape the competition's grader expects."""


def require_answer_columns(answers: Table, *columns: str) -> None:
    missing = [column for column in columns if column not in answers.columns]
    if missing:
        msg = (
            f"the answers file lacks the column(s) {missing} (it has {answers.columns}); "
            "re-run `mlebench prepare` for this competition"
        )
        raise InvalidAnswersError(msg)
