"""random-acts-of-pizza: ROC AUC of
``requester_received_pizza``, rows matched by ``request_id`` (``prepare_for_auroc_metric`` +
``roc_auc_score``)."""

from mlebench_fast.competitions.shared.auroc import AurocById

GRADER = AurocById(id_column="request_id", target_column="requester_received_pizza")
