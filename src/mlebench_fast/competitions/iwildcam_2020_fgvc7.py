"""iwildcam-2020-fgvc7: accuracy of the integer ``Category``, rows matched by the string ``Id``.

The reference runs ``prepare_for_accuracy_metric`` and ``accuracy_score`` (ids sorted and
compared element by element; NaN predictions rejected by scikit-learn, string predictions
score 0)."""

from mlebench_fast.competitions.shared.accuracy import AccuracyById

GRADER = AccuracyById(id_column="Id", target_column="Category")
