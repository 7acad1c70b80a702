"""Reading submissions and answers exactly as the reference's pandas reads them."""

from mlebench_fast.io.table import Table

__all__ = ["Table"]
