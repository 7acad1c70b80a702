"""What a competition is: its catalog entry, its metric, and (once built) its grader."""

from __future__ import annotations

import importlib
import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from mlebench_fast.exceptions import GraderNotImplementedError
from mlebench_fast.metrics import Metric

if TYPE_CHECKING:  # the registry loads without Polars; only grading needs it
    from mlebench_fast.io.table import Table


@runtime_checkable
class Grader(Protocol):
    """Grades submissions of one competition.

    ``prepare_answers`` runs once per answers file (its result is cached and shared by every
    submission); ``score`` returns the raw metric, with the same Python type the reference's
    grader returns (``float``, ``numpy.float64`` or ``int``: the reported score is
    ``round(raw, 5)`` and the two roundings differ). It raises
    :class:`~mlebench_fast.exceptions.InvalidSubmissionError` (or, where the reference fails on an
    unexpected exception, any exception) to reject a submission.
    """

    def prepare_answers(self, answers: Table) -> Any: ...

    def score(self, submission: Table, answers: Any) -> Any: ...


def grader_module_name(competition_id: str) -> str:
    """``dog-breed-identification`` -> ``dog_breed_identification``; a leading digit gets ``c_``."""
    name = re.sub(r"\W", "_", competition_id.lower())
    return f"c_{name}" if name[0].isdigit() else name


@dataclass(frozen=True, slots=True, kw_only=True)
class Competition:
    """A competition of the reference registry. Data paths are relative to a data dir."""

    id: str
    name: str
    split: str
    metric: Metric
    reference_grader_name: str
    answers: Path
    sample_submission: Path
    gold_submission: Path | None
    awards_medals: bool
    test_rows: int
    _grader: list[Grader] = field(default_factory=list, repr=False, compare=False)

    @property
    def is_lower_better(self) -> bool:
        return self.metric.is_lower_better

    @property
    def module(self) -> str:
        return f"mlebench_fast.competitions.{grader_module_name(self.id)}"

    @property
    def is_implemented(self) -> bool:
        return importlib.util.find_spec(self.module) is not None

    @property
    def grader(self) -> Grader:
        if not self._grader:
            if not self.is_implemented:
                msg = (
                    f"the grader for `{self.id}` is not implemented in mlebench-fast yet "
                    f"(its metric would be {self.metric.name}); grade it with the reference "
                    "`mlebench grade-sample` for now."
                )
                raise GraderNotImplementedError(msg)
            grader = importlib.import_module(self.module).GRADER
            if not isinstance(grader, Grader):
                msg = f"{self.module}.GRADER does not implement the Grader protocol"
                raise TypeError(msg)
            self._grader.append(grader)
        return self._grader[0]

    def answers_path(self, data_dir: Path) -> Path:
        return data_dir / self.answers

    def sample_submission_path(self, data_dir: Path) -> Path:
        return data_dir / self.sample_submission

    def private_dir(self, data_dir: Path) -> Path:
        return data_dir / self.id / "prepared" / "private"
