"""Box kernels against plain per-page implementations, on random and adversarial inputs."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from mlebench_fast.kernels.boxes import point_in_box_counts

# Small integer grids make touching edges, identical boxes and zero-area boxes common.
coord = st.one_of(st.integers(-3, 6).map(float), st.just(float("nan")))
box = st.tuples(st.integers(0, 2), coord, coord, st.integers(-1, 4), st.integers(-1, 4))
point = st.tuples(st.integers(0, 2), coord, coord)
page = st.tuples(st.lists(box, max_size=8), st.lists(point, max_size=8))


def plain_counts(pages):
    tp = fp = fn = 0
    for boxes, points in pages:
        used = np.zeros(len(points), dtype=bool)
        for lab, x, y, w, h in boxes:
            for j, (plab, px, py) in enumerate(points):
                if not used[j] and plab == lab and x < px < x + w and y < py < y + h:
                    used[j] = True
                    tp += 1
                    break
            else:
                fn += 1
        fp += int((~used).sum())
    return tp, fp, fn


def flat(pages):
    t_off, p_off = [0], [0]
    tb, pp = [], []
    for boxes, points in pages:
        tb += boxes
        pp += points
        t_off.append(len(tb))
        p_off.append(len(pp))
    t = np.array(tb, dtype=np.float64).reshape(-1, 5)
    p = np.array(pp, dtype=np.float64).reshape(-1, 3)
    return (
        np.array(t_off), t[:, 0].astype(np.int64), t[:, 1], t[:, 2], t[:, 1] + t[:, 3],
        t[:, 2] + t[:, 4], np.array(p_off), p[:, 0].astype(np.int64), p[:, 1], p[:, 2],
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(page, max_size=5))
def test_point_in_box_counts_matches_plain(pages):
    assert point_in_box_counts(*flat(pages)) == plain_counts(pages)


def test_point_in_box_first_point_in_order_wins():
    # Two boxes, the first covering both points: it must take point 0, leaving point 1 for box 2.
    pages = [([(0, 0.0, 0.0, 10, 10), (0, 4.0, 4.0, 2, 2)], [(0, 1.0, 1.0), (0, 5.0, 5.0)])]
    assert point_in_box_counts(*flat(pages)) == (2, 0, 0)
