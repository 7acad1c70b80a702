"""rsna-miccai-brain-tumor-radiogenomic-classification: ROC AUC of
``MGMT_value``, rows matched by ``BraTS21ID`` (``prepare_for_auroc_metric`` + ``roc_auc_score``).

The answers file holds zero-padded ids (``00012``) that pandas reads as int64 12, so a submission
matches with ``12``, ``00012`` or ``12.0``; a quoted ``"00012"`` is a number too."""

from mlebench_fast.competitions.shared.auroc import AurocById

GRADER = AurocById(id_column="BraTS21ID", target_column="MGMT_value")
