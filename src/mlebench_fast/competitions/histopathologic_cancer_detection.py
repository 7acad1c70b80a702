"""histopathologic-cancer-detection: ROC AUC of ``label``, rows matched by the 40-hex ``id``
(``prepare_for_auroc_metric`` + ``roc_auc_score``). An all-digit hex id is read as a number in a
file where no other id has a letter, and then never equals the answers' string."""

from mlebench_fast.competitions.shared.auroc import AurocById

GRADER = AurocById(id_column="id", target_column="label")
