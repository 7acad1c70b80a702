"""the-icml-2013-whale-challenge-right-whale-redux: ROC AUC of
``probability`` (the answers hold the 0/1 label under that name), rows matched by the ``clip``
file name (``prepare_for_auroc_metric`` + ``roc_auc_score``)."""

from mlebench_fast.competitions.shared.auroc import AurocById

GRADER = AurocById(id_column="clip", target_column="probability")
