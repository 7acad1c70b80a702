"""siim-isic-melanoma-classification: ROC AUC of ``target``, rows matched
by ``image_name`` (``prepare_for_auroc_metric`` + ``roc_auc_score``)."""

from mlebench_fast.competitions.shared.auroc import AurocById

GRADER = AurocById(id_column="image_name", target_column="target")
