"""plant-pathology-2020-fgvc7: mean of four ROC AUCs (healthy, multiple_diseases, rust, scab).

The reference checks the row count, then that the submission's column *set* is exactly
``image_id`` + the four classes (an extra or renamed column rejects), sorts both by ``image_id``
and compares them elementwise, then averages one ``roc_auc_score`` per class with ``np.mean``.
"""

from mlebench_fast.competitions.shared.columnwise_auroc import MeanAurocById

GRADER = MeanAurocById(
    id_column="image_id", classes=("healthy", "multiple_diseases", "rust", "scab")
)
