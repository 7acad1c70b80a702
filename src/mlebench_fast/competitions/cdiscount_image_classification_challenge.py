"""cdiscount-image-classification-challenge: accuracy of the 10-digit ``category_id``, rows matched
by the integer ``_id`` (706,990 rows).

The reference runs ``prepare_for_accuracy_metric`` and ``accuracy_score``: ``"1000010653.0"``
equals ``1000010653`` (float vs int compare by value), strings score 0, NaN is rejected."""

from mlebench_fast.competitions.shared.accuracy import AccuracyById

GRADER = AccuracyById(id_column="_id", target_column="category_id")
