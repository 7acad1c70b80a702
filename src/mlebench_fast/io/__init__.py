"""Reading submissions and answers exactly as the reference's pandas reads them."""

from mlebench_fast.io.convert import as_table
from mlebench_fast.io.csv import read_csv
from mlebench_fast.io.jsonl import read_jsonl
from mlebench_fast.io.table import Table

__all__ = ["Table", "as_table", "read_csv", "read_jsonl"]
