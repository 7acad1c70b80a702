"""movie-review-sentiment-analysis-kernels-only: accuracy of ``Sentiment`` (0-4), rows matched by
``PhraseId``.

The reference runs ``prepare_for_accuracy_metric`` and ``accuracy_score``; the answers' extra
columns (``SentenceId``, ``Phrase``) are never looked at."""

from mlebench_fast.competitions.shared.accuracy import AccuracyById

GRADER = AccuracyById(id_column="PhraseId", target_column="Sentiment")
