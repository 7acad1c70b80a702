"""herbarium-2022-fgvc9: macro F1 over 15,501 taxa whose ids leave four gaps in 0..15504, of
~174k test images; the sample submission predicts 42 everywhere."""

from __future__ import annotations

import numpy as np

from mlebench_fast.synthetic._herbarium import HerbariumGenerator


class Herbarium2022Fgvc9(HerbariumGenerator):
    competition_id = "herbarium-2022-fgvc9"
    default_rows = 174_155
    categories = np.setdiff1d(np.arange(15_505, dtype=np.int64), [2_718, 7_001, 11_235, 15_090])
    sample_prediction = 42
    leaderboard_teams = 134
    leaderboard_best = 0.87
    leaderboard_worst = 0.0


GENERATOR = Herbarium2022Fgvc9()
