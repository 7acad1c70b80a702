"""tabular-playground-series-dec-2021: accuracy of ``Cover_Type`` (1-7), rows matched by ``Id``.

The reference re-reads the 56-column answers (400,000 rows) for every submission; here they are
prepared once. Checks and scoring are ``prepare_for_accuracy_metric`` + ``accuracy_score``."""

from mlebench_fast.competitions.shared.accuracy import AccuracyById

GRADER = AccuracyById(id_column="Id", target_column="Cover_Type")
