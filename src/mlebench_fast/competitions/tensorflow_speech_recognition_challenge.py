"""tensorflow-speech-recognition-challenge: accuracy of the string ``label`` (the raw folder
names, ``_background_noise_`` included), rows matched by ``fname``.

The reference runs ``prepare_for_accuracy_metric`` and ``accuracy_score``: an empty label cell
(NaN among strings) is rejected by scikit-learn (``unknown`` target when the first sorted row
is NaN, a str/float ``TypeError`` otherwise); numeric predictions score 0."""

from mlebench_fast.competitions.shared.accuracy import AccuracyById

GRADER = AccuracyById(id_column="fname", target_column="label")
