"""playground-series-s3e18: ``roc_auc_score(average="macro")`` over ``EC1`` and ``EC2``.

The reference checks the id and the two columns, the row count, sorts both by ``id`` and compares
the ids elementwise (``12.0`` equals ``12``); other submission columns are ignored.
"""

from mlebench_fast.competitions.shared.columnwise_auroc import MacroAurocById

GRADER = MacroAurocById(
    id_column="id",
    classes=("EC1", "EC2"),
    missing_id="Both submission and answers DataFrames must contain an 'id' column.",
    missing_classes="Submission DataFrame must contain 'EC1' and 'EC2' columns.",
    wrong_length="Submission must be the same length as the answers.",
    ids_differ="Submission and answers have mismatched 'id' columns",
)
