"""statoil-iceberg-classifier-challenge: binary log loss of ``is_iceberg``, rows matched by ``id``.

As dogs-vs-cats but with no length check: a file with the answers' id set plus repeated rows
passes the checks and reaches scikit-learn, whose length check rejects it. Ids are 8 hex digits;
an all-digit id makes pandas read the column as numbers (then its set never equals the answers'
strings unless the answers' column is numeric too). Returns ``float``.
"""

from mlebench_fast.competitions.shared.log_loss import BinaryLogLossById

GRADER = BinaryLogLossById(
    id_column="id",
    target_column="is_iceberg",
    check_length=False,
    range_message="All values in submission `is_iceberg` must be between 0 and 1.",
)
