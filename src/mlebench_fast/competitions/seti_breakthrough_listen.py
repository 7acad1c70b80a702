"""seti-breakthrough-listen: ROC AUC of ``target``, rows matched by the 15-hex ``id``
(``prepare_for_auroc_metric`` + ``roc_auc_score``)."""

from mlebench_fast.competitions.shared.auroc import AurocById

GRADER = AurocById(id_column="id", target_column="target")
