"""mlsp-2013-birds: ROC AUC over every (recording, species) pair: ``Probability``
scored against the 0/1 answers, rows matched by the integer ``Id = rec_id * 100 + species``
(``prepare_for_auroc_metric`` + ``roc_auc_score``)."""

from mlebench_fast.competitions.shared.auroc import AurocById

GRADER = AurocById(id_column="Id", target_column="Probability")
