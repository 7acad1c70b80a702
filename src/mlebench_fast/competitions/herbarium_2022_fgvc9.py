"""herbarium-2022-fgvc9: as herbarium-2020-fgvc7, macro F1 (``numpy.float64``) of
``[int(y) for y in Predicted]`` with rows matched by the int ``Id``, except that the reference does
not assert the answers' columns (a broken answers file fails on the sort instead: the same
verdict). The 15,501 taxa leave gaps in 0..15504: a prediction in a gap is one more F1-0 class.
"""

from mlebench_fast.competitions.shared.f1_labels import LabelF1ById

GRADER = LabelF1ById(
    id_column="Id", target_column="Predicted", average="macro", int_labels=True,
    one_columns_message=True,
)
