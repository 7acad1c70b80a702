"""herbarium-2021-fgvc8: macro F1 over 64,500 categories (0..64499) of ~477k test images."""

from __future__ import annotations

import numpy as np

from mlebench_fast.synthetic._herbarium import HerbariumGenerator


class Herbarium2021Fgvc8(HerbariumGenerator):
    competition_id = "herbarium-2021-fgvc8"
    default_rows = 477_352
    categories = np.arange(64_500, dtype=np.int64)
    sample_prediction = 0
    leaderboard_teams = 80
    leaderboard_best = 0.76
    leaderboard_worst = 0.0


GENERATOR = Herbarium2021Fgvc8()
