"""imet-2020-fgvc7: micro F1 of the space-separated ``attribute_ids`` of each image.

The reference checks the ``id`` and ``attribute_ids`` columns and the row count, sorts both files
by ``id`` and compares the ids elementwise, fills NaN with ``""`` in both files, takes the classes
from the answers only (an image with no attribute would add a NaN class and fail ``sorted``),
and scores ``f1_score(average="micro")`` over a ``MultiLabelBinarizer``: attribute ids outside
the answers' are dropped, repeats count once, and a label column that is not text (one id per
row reads as numbers) fails at ``.str.split()``. See :mod:`..shared.multilabel_f1`.
"""

from __future__ import annotations

from mlebench_fast.competitions.shared.multilabel_f1 import MultiLabelF1ById

GRADER = MultiLabelF1ById(
    id_column="id",
    label_column="attribute_ids",
    missing_id="Submission DataFrame must have an 'id' column.",
    missing_labels="Submission DataFrame must have a 'attribute_ids' column.",
    wrong_length="Submission and answers DataFrames must have the same number of rows.",
    ids_differ="Submission and answers DataFrames must have matching 'id' columns.",
    nan_class_from_empty_rows=True,
)
