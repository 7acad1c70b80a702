"""The result of grading one submission."""

from __future__ import annotations

import math
from dataclasses import dataclass

REPORTED_DECIMALS = 5


@dataclass(frozen=True, slots=True)
class Score:
    """A graded (or rejected) submission.

    ``value`` is what the reference reports (``round(raw, 5)``); ``raw`` the unrounded metric.
    A rejected submission has ``value is None`` and ``error`` says why.
    """

    value: float | None
    raw: float | None
    is_lower_better: bool
    error: str | None = None

    @property
    def valid(self) -> bool:
        return self.value is not None

    @classmethod
    def graded(cls, raw: float, *, is_lower_better: bool) -> Score:
        # `round` dispatches on the type the metric returned, exactly as the reference's
        # `round(score, 5)` does: numpy scalars round with numpy's algorithm, floats with Python's.
        rounded = round(raw, REPORTED_DECIMALS)
        return cls(
            value=float(rounded),
            raw=float(raw),
            is_lower_better=is_lower_better,
            error=None,
        )

    @classmethod
    def rejected(cls, error: str, *, is_lower_better: bool) -> Score:
        return cls(value=None, raw=None, is_lower_better=is_lower_better, error=error)

    def __post_init__(self) -> None:
        if (self.value is None) != (self.raw is None):
            msg = "Score.value and Score.raw must both be set or both be None"
            raise ValueError(msg)
        if self.value is None and not self.error:
            msg = "a rejected Score must say why (error)"
            raise ValueError(msg)

    def __repr__(self) -> str:
        if self.value is None:
            return f"Score(rejected: {self.error!r})"
        raw = "nan" if math.isnan(self.raw) else repr(self.raw)  # type: ignore[arg-type]
        return f"Score(value={self.value!r}, raw={raw}, is_lower_better={self.is_lower_better})"
