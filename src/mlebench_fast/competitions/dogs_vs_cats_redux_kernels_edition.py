"""dogs-vs-cats-redux-kernels-edition: binary log loss of ``label`` (P(dog)), rows matched by ``id``.

The reference checks the ``id`` and ``label`` columns, ``set(ids) == set(answer ids)``, the
length, then ``((label >= 0) & (label <= 1)).all()`` (NaN fails; a string raises TypeError,
rejected), sorts both by ``id`` and calls scikit-learn's ``log_loss(y_true, y_pred)``: clipped at
machine epsilon, returns ``float``.
"""

from mlebench_fast.competitions.shared.log_loss import BinaryLogLossById

GRADER = BinaryLogLossById(
    id_column="id",
    target_column="label",
    check_length=True,
    range_message="All values in submission `label` column must be between 0 and 1.",
)
