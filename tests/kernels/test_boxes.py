"""Box kernels against plain per-page implementations, on random and adversarial inputs (the
kuzushiji point-in-box match is tested in test_prediction_strings.py)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

# ------------------------------------------------------------ plain-Python IoU and greedy match

from mlebench_fast.kernels.boxes import greedy_match_pairs, python_box_iou  # noqa: E402

special = st.one_of(
    st.integers(-3, 6).map(float),
    st.sampled_from([float("nan"), float("inf"), -float("inf"), 0.5, 2.5]),
)


def plain_iou(box1, box2):
    xmin1, ymin1, xmax1, ymax1 = box1
    xmin2, ymin2, xmax2, ymax2 = box2
    iw = max(0, min(xmax1, xmax2) - max(xmin1, xmin2))
    ih = max(0, min(ymax1, ymax2) - max(ymin1, ymin2))
    inter = iw * ih
    union = (xmax1 - xmin1) * (ymax1 - ymin1) + (xmax2 - xmin2) * (ymax2 - ymin2) - inter
    return inter / union if union > 0 else 0.0


@settings(max_examples=500, deadline=None)
@given(st.tuples(special, special, special, special), st.tuples(special, special, special, special))
def test_python_box_iou(a, b):
    got = python_box_iou(*a, *b)
    want = plain_iou(a, b)
    assert got == want or (np.isnan(got) and np.isnan(want))


det_box = st.tuples(st.integers(0, 2), special, special, special, special)
det_pred = st.tuples(st.integers(-1, 2), st.sampled_from([0.1, 0.5, 0.9]), special, special, special, special)
det_row = st.tuples(st.lists(det_box, max_size=5), st.lists(det_pred, max_size=6))


def plain_pairs(rows, n_classes):
    out = []
    for c in range(n_classes):
        pairs = []
        for gts, preds in rows:
            row_pairs = []
            g = [b[1:] for b in gts if b[0] == c]
            used = [False] * len(g)
            for p in sorted(preds, key=lambda x: x[1], reverse=True):
                if p[0] != c:
                    continue
                best, bi = 0, -1
                for i, b in enumerate(g):
                    if used[i]:
                        continue
                    iou = plain_iou(p[2:], b)
                    if iou > best and iou > 0.5:
                        best, bi = iou, i
                if bi >= 0:
                    used[bi] = True
                row_pairs.append((int(bi >= 0), p[1]))
            row_pairs += [(1, 0.0)] * used.count(False)
            pairs += row_pairs or [(0, 0.0)]
        out.append(pairs)
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(det_row, min_size=1, max_size=5))
def test_greedy_match_pairs(rows):
    t_off, p_off, gts, preds = [0], [0], [], []
    for g, p in rows:
        gts += g
        preds += p
        t_off.append(len(gts))
        p_off.append(len(preds))
    g = np.array(gts, dtype=np.float64).reshape(-1, 5)
    p = np.array(preds, dtype=np.float64).reshape(-1, 6)
    row_of = np.repeat(np.arange(len(rows)), np.diff(p_off))
    order = np.lexsort((-p[:, 1], row_of)).reshape(1, -1)
    y_true, y_score, off = greedy_match_pairs(
        np.array(t_off), g[:, 0].astype(np.int64), g[:, 1], g[:, 2], g[:, 3], g[:, 4],
        np.array(p_off), p[:, 0].astype(np.int64), p[:, 1], p[:, 2], p[:, 3], p[:, 4], p[:, 5],
        order, 3, 0.5,
    )
    want = plain_pairs(rows, 3)
    for c in range(3):
        got = list(zip(y_true[off[c]:off[c + 1]].tolist(), y_score[off[c]:off[c + 1]].tolist()))
        assert got == want[c]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from([0.0, -0.0, 0.5, 1.0, 2.0, -1.0, float("inf")]), max_size=9), max_size=6))
def test_row_descending_order_is_pythons_stable_reverse_sort(rows):
    from mlebench_fast.kernels.boxes import row_descending_order

    key = np.array([v for r in rows for v in r], dtype=np.float64)
    offsets = np.cumsum([0] + [len(r) for r in rows]).astype(np.int64)
    got = row_descending_order(offsets, key).tolist()
    want = []
    for k, r in enumerate(rows):
        lo = int(offsets[k])
        want += sorted(range(lo, lo + len(r)), key=lambda j: key[j], reverse=True)
    assert got == want


@settings(max_examples=300, deadline=None)
@given(
    st.lists(det_row, min_size=1, max_size=5), st.booleans(), st.booleans(),
    st.randoms(use_true_random=False),
)
def test_greedy_match_score_groups_are_the_pairs_by_score(rows, per_class, shared, rnd):
    from mlebench_fast.kernels.boxes import greedy_match_score_groups, row_descending_order

    t_off, p_off, gts, preds = [0], [0], [], []
    for g, p in rows:
        gts += g
        preds += p
        t_off.append(len(gts))
        p_off.append(len(preds))
    g = np.array(gts, dtype=np.float64).reshape(-1, 5)
    p = np.array(preds, dtype=np.float64).reshape(-1, 6)
    # Any within-row order, one per class or shared (the NaN-confidence case has one per class).
    order = []
    for _ in range(3 if per_class else 1):
        perm = []
        for r in range(len(rows)):
            idx = list(range(p_off[r], p_off[r + 1]))
            rnd.shuffle(idx)
            perm += idx
        order.append(perm)
    order = np.array(order, dtype=np.int64).reshape(len(order), -1)
    given_order = order
    if shared:  # no order given: each row by confidence, descending
        order = row_descending_order(np.array(p_off), p[:, 1]).reshape(1, -1)
        given_order = np.empty((0, 0), dtype=np.int64)
    args = (
        np.array(t_off), g[:, 0].astype(np.int64), g[:, 1], g[:, 2], g[:, 3], g[:, 4],
        np.array(p_off), p[:, 0].astype(np.int64), p[:, 1], p[:, 2], p[:, 3], p[:, 4], p[:, 5],
    )
    y_true, y_score, off = greedy_match_pairs(*args, order, 3, 0.5)
    pos, pos_off, pos_n, neg, neg_off, neg_n, zero_pos, zero_neg, nonfinite = (
        greedy_match_score_groups(*args, given_order, 3, 0.5)
    )
    for c in range(3):
        t = y_true[off[c] : off[c + 1]]
        s = y_score[off[c] : off[c + 1]]
        zero = s == 0
        assert zero_pos[c] == (zero & (t == 1)).sum() and zero_neg[c] == (zero & (t == 0)).sum()
        got_pos = pos[pos_off[c] : pos_off[c] + pos_n[c]]
        got_neg = neg[neg_off[c] : neg_off[c] + neg_n[c]]
        for got, want in ((got_pos, s[~zero & (t == 1)]), (got_neg, s[~zero & (t == 0)])):
            assert np.sort(got).tobytes() == np.sort(want).tobytes()
        assert nonfinite[c] == (~np.isfinite(s)).any()

