"""plant-seedlings-classification: micro F1 (``numpy.float64``; equal to accuracy) of the raw
``species`` strings, rows matched by ``file``.

The reference checks ``file`` and ``species`` (a message each) before the length, sorts both by
``file`` and compares them element by element, then passes ``species.tolist()``: a NaN among
strings becomes the label "nan" (a wrong prediction, not a rejection); a column without strings
(numbers, bools, all NaN) is rejected by scikit-learn next to the string answers.
"""

from mlebench_fast.competitions.shared.f1_labels import LabelF1ById

GRADER = LabelF1ById(
    id_column="file", target_column="species", average="micro", int_labels=False,
    columns_before_length=True,
)
