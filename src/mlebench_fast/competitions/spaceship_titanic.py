"""spaceship-titanic: accuracy of ``Transported`` (bool), rows matched by ``PassengerId``."""

from mlebench_fast.competitions.shared.accuracy import AccuracyById

GRADER = AccuracyById(id_column="PassengerId", target_column="Transported")
