"""ranzcr-clip-catheter-line-classification: mean ROC AUC over the first nine classes.

The reference checks that the nine classes are present, asserts equal lengths, then runs
``prepare_for_auroc_metric`` (id column, numeric, [0, 1], sort by StudyInstanceUID, same ids) and
``roc_auc_score`` once per class, in class order, and averages with ``np.average``. The answers'
"CVC - Normal" and "Swan Ganz Catheter Present" are not scored; a submission may omit them.
"""

from mlebench_fast.competitions.shared.columnwise_auroc import MeanAurocPerClassById

CLASSES = (
    "ETT - Abnormal",
    "ETT - Borderline",
    "ETT - Normal",
    "NGT - Abnormal",
    "NGT - Borderline",
    "NGT - Incompletely Imaged",
    "NGT - Normal",
    "CVC - Abnormal",
    "CVC - Borderline",
)

GRADER = MeanAurocPerClassById(id_column="StudyInstanceUID", classes=CLASSES)
