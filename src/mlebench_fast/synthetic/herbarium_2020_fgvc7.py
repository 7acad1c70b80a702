"""herbarium-2020-fgvc7: macro F1 over 32,094 categories (0..32093) of ~219k test images."""

from __future__ import annotations

import numpy as np

from mlebench_fast.synthetic._herbarium import HerbariumGenerator


class Herbarium2020Fgvc7(HerbariumGenerator):
    competition_id = "herbarium-2020-fgvc7"
    default_rows = 218_987
    categories = np.arange(32_094, dtype=np.int64)
    sample_prediction = 0
    leaderboard_teams = 153
    leaderboard_best = 0.88
    leaderboard_worst = 0.0


GENERATOR = Herbarium2020Fgvc7()
