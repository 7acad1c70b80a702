"""tabular-playground-series-may-2022: ROC AUC of ``target``, rows matched by the
integer ``id`` (``prepare_for_auroc_metric`` + ``roc_auc_score``). The answers are the whole test
split (31 feature columns); only ``id`` and ``target`` are used."""

from mlebench_fast.competitions.shared.auroc import AurocById

GRADER = AurocById(id_column="id", target_column="target")
