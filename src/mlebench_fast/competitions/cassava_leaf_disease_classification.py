"""cassava-leaf-disease-classification: accuracy of the integer ``label`` (0-4), rows matched by
``image_id``.

The reference runs ``prepare_for_accuracy_metric`` (length, columns, ids sorted and compared
element by element) and ``accuracy_score``: a prediction column of strings scores 0 (numpy
compares the int64 answers with str objects element by element), NaN or non-integral floats
are rejected by scikit-learn's target checks, ``True`` counts as 1."""

from mlebench_fast.competitions.shared.accuracy import AccuracyById

GRADER = AccuracyById(id_column="image_id", target_column="label")
