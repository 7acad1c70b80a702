"""detecting-insults-in-social-commentary: ROC AUC of ``Insult``, rows matched by the free-text ``Comment``.

The reference runs ``prepare_for_auroc_metric(id_col="Comment")``: the raw comment text (quotes and
backslash escapes included) is the id, so a submission must carry every comment byte for byte;
duplicated comments in the answers are matched in the order pandas' unstable quicksort leaves
them, so which label meets which score depends on the submission's row order."""

from mlebench_fast.competitions.shared.auroc import AurocById

GRADER = AurocById(id_column="Comment", target_column="Insult")
