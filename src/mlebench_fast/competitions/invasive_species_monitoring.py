"""invasive-species-monitoring: ROC AUC of ``invasive``, rows matched by the integer ``name``
(``prepare_for_auroc_metric`` + ``roc_auc_score``); ``12.0`` equals ``12``."""

from mlebench_fast.competitions.shared.auroc import AurocById

GRADER = AurocById(id_column="name", target_column="invasive")
