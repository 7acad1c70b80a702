"""iwildcam-2019-fgvc6: macro F1 (``numpy.float64``) of ``[int(y) for y in Category]``, rows
matched by the string ``Id`` (uuids).

The reference asserts the answers' columns, checks the length, then ``Id`` and ``Category`` with
a message each, sorts both by ``Id`` and compares them element by element. Labels are the union of
true and predicted categories (a category outside the 14 present adds an F1-0 class); see
``shared/f1_labels.py`` for ``int()`` on floats, strings and NaN.
"""

from mlebench_fast.competitions.shared.f1_labels import LabelF1ById

GRADER = LabelF1ById(id_column="Id", target_column="Category", average="macro", int_labels=True)
