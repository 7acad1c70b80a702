"""facebook-recruiting-iii-keyword-extraction: micro F1 of the space-separated ``Tags`` of each
question.

The answers are the whole test split (``Id``, ``Title``, ``Body``, ``Tags``); only the ids and the
coded tags are kept. The reference checks the ``Id`` and ``Tags`` columns and the row count, sorts
both files by ``Id`` and compares the ids elementwise, takes the classes from the answers' ``str``
tags only (a tag cell pandas read as NaN, such as the lone tag ``null``, is skipped with a warning
and adds no class, but still counts as an empty true set), fills NaN with ``""`` and scores
``f1_score(average="micro")`` over a ``MultiLabelBinarizer``: tags outside the answers' are
dropped, repeats count once. See :mod:`..shared.multilabel_f1`.
"""

from __future__ import annotations

from mlebench_fast.competitions.shared.multilabel_f1 import MultiLabelF1ById

GRADER = MultiLabelF1ById(
    id_column="Id",
    label_column="Tags",
    missing_id="Submission DataFrame must have an 'Id' column.",
    missing_labels="Submission DataFrame must have a 'Tags' column.",
    wrong_length="Submission DataFrame must have the same number of rows as the answers DataFrame.",
    ids_differ="Submission and answers must have matching 'Id's.",
    nan_class_from_empty_rows=False,
)
