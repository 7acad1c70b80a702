"""ml2021spring-hw2: accuracy of the phoneme ``ClassId`` (0-38), rows matched by ``Id`` (0..n-1).

The reference runs ``prepare_for_accuracy_metric`` and ``accuracy_score``."""

from mlebench_fast.competitions.shared.accuracy import AccuracyById

GRADER = AccuracyById(id_column="Id", target_column="ClassId")
