"""text-normalization-challenge-english-language: accuracy of ``astype(str)`` of ``after``, rows matched by ``id``.

See :class:`~mlebench_fast.competitions.shared.string_accuracy.StringAccuracyById`: length first,
then the ``after`` and ``id`` columns, ids compared after sorting, NaN cells are "nan".
"""

from mlebench_fast.competitions.shared.string_accuracy import StringAccuracyById

GRADER = StringAccuracyById(id_column="id", target_column="after")
