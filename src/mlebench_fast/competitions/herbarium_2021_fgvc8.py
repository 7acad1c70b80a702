"""herbarium-2021-fgvc8: macro F1 (``numpy.float64``) of ``[int(y) for y in Predicted]``, rows
matched by the int ``Id``.

The reference checks the length first ("Submission length N != answers length M"), then both
columns with one message, asserts the answers' columns, sorts both tables by ``Id`` and compares
them element by element. scikit-learn's labels are the union of the true and predicted ones, so
every spurious prediction adds a class of F1 0 to the mean. See ``shared/f1_labels.py`` for what
``int()`` accepts (truncated floats, parsed strings) and rejects (NaN, words, ints beyond int64).
"""

from mlebench_fast.competitions.shared.f1_labels import LabelF1ById

GRADER = LabelF1ById(
    id_column="Id", target_column="Predicted", average="macro", int_labels=True,
    one_columns_message=True,
)
