"""plant-pathology-2021-fgvc8: micro F1 of the space-separated disease ``labels`` of each image.

The reference checks the ``image`` and ``labels`` columns and the row count, sorts both files by
``image`` and requires ``all(submission.image == answers.image)``, takes the classes from the
answers' labels *before* filling NaN (a NaN row would add a NaN class and fail ``sorted``),
fills NaN with ``""`` and scores ``f1_score(average="micro")`` over a ``MultiLabelBinarizer``:
labels outside the answers' are dropped (``scab,frog_eye_leaf_spot`` is one unknown label),
repeats count once, an empty cell predicts nothing. See :mod:`..shared.multilabel_f1`.
"""

from __future__ import annotations

from mlebench_fast.competitions.shared.multilabel_f1 import MultiLabelF1ById

GRADER = MultiLabelF1ById(
    id_column="image",
    label_column="labels",
    missing_id="Submission DataFrame must have an 'image' column.",
    missing_labels="Submission DataFrame must have a 'labels' column.",
    wrong_length="Submission and answers DataFrames must have the same number of rows.",
    ids_differ="Submission and answers DataFrames must have matching 'image' columns.",
    nan_class_from_empty_rows=True,
)
