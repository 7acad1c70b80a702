"""aerial-cactus-identification: ROC AUC of ``has_cactus``, rows matched by ``id``."""

from mlebench_fast.competitions.shared.auroc import AurocById

GRADER = AurocById(id_column="id", target_column="has_cactus")
