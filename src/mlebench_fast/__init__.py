"""mlebench-fast: MLE-bench's grading, with the reference's scores, medals and reports, fast."""

from mlebench_fast._version import __version__

__all__ = ["__version__"]
