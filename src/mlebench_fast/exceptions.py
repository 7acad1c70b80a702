"""Every exception a user of mlebench-fast can see.

Each inherits from the builtin it refines, so ``except ValueError`` / ``except KeyError`` keep
working in code written against the reference.
"""

from __future__ import annotations


class MlebenchFastError(Exception):
    """Base class of every error raised by mlebench-fast."""


class InvalidSubmissionError(MlebenchFastError, ValueError):
    """The submission cannot be graded; the message says why (in the reference's words)."""


class UnreadableFileError(InvalidSubmissionError):
    """A file could not be read as a table at all (binary, bad encoding, ragged, untokenizable).

    The reference crashes on such files (pandas raises outside the grader's error handling);
    here they are an invalid submission with a clear reason.
    """


class UnknownCompetitionError(MlebenchFastError, KeyError):
    """No competition with that id exists in the registry."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


class GraderNotImplementedError(MlebenchFastError, NotImplementedError):
    """The competition is in the registry but its grader is not built yet."""


class DatasetNotPreparedError(MlebenchFastError, FileNotFoundError):
    """The competition's answers are not under the data directory."""


class LeaderboardNotFoundError(MlebenchFastError, FileNotFoundError):
    """No leaderboard.csv could be found for the competition."""


class NativeExtensionError(MlebenchFastError, ImportError):
    """The compiled extension is missing, or older than its sources."""
