"""jigsaw-toxic-comment-classification-challenge: mean column-wise ROC AUC over six labels.

The reference checks the id column and the six classes, asserts equal lengths, then
``set_index("id").sort_index()`` on both files, drops the rows whose answers sum below zero (the
-1 rows) with a boolean Series that pandas aligns on the submission's index (a submission whose
sorted ids are not the answers' is rejected as "Unalignable" unless every id is an answers id, a
repeated id then taking its own row's mask), and calls ``roc_auc_score(average="macro")`` on
*every* remaining submission column by position: columns in another order are scored against the
wrong labels, and an extra column (a written index) makes sklearn fail.
"""

from mlebench_fast.competitions.shared.columnwise_auroc import MacroAurocByIndex

CLASSES = ("toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate")

GRADER = MacroAurocByIndex(id_column="id", classes=CLASSES)
