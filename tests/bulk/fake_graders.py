"""Test-only graders for fault isolation, registered through grade_many's grader_override."""

from __future__ import annotations

import os
import signal
import time
from typing import Any


class _Base:
    def prepare_answers(self, answers: Any) -> Any:
        return answers

    def score(self, submission: Any, prepared: Any) -> float:
        return float(submission.height)


class Crashing(_Base):
    def score(self, submission: Any, prepared: Any) -> float:
        os.kill(os.getpid(), signal.SIGSEGV)
        return 0.0


class Hanging(_Base):
    def score(self, submission: Any, prepared: Any) -> float:
        time.sleep(3600)
        return 0.0


class MemoryHungry(_Base):
    def score(self, submission: Any, prepared: Any) -> float:
        hog = bytearray(8 * 1024**3)
        return float(len(hog))


class Slow(_Base):
    """Grades, slowly: gives a test time to kill the run mid-way."""

    def score(self, submission: Any, prepared: Any) -> float:
        time.sleep(0.3)
        return float(submission.height)


CRASHING = Crashing()
HANGING = Hanging()
MEMORY_HUNGRY = MemoryHungry()
SLOW = Slow()
