"""Box kernels: greedy IoU matching of boxes, COCO and Lyft 3D matching (kuzushiji's points in
boxes are matched in csrc/prediction_strings.pyx).

Every kernel takes flat per-object arrays with row offsets (row ``r`` owns ``off[r]:off[r + 1]``), so a
whole file is graded in one call without per-row Python work.
"""

from __future__ import annotations

import math

import numpy as np

from mlebench_fast.kernels._jit import kernel
from mlebench_fast.kernels.geometry import convex_intersection_area, yaw_rectangle
from mlebench_fast.kernels.summation import np_sum

__all__ = [
    "python_box_iou",
    "greedy_match_pairs",
    "greedy_match_score_groups",
    "row_descending_order",
    "coco_box_iou",
    "coco_match",
    "coco_precision",
    "lyft_sample_maps",
]


@kernel
def python_box_iou(ax0, ay0, ax1, ay1, bx0, by0, bx1, by1):
    """IoU of corner boxes as a plain-Python ``calculate_iou`` computes it: ``max``/``min`` are
    Python's (``max(a, b)`` is ``b if b > a else a``, so a NaN keeps whichever came first), a
    negative overlap is 0, and a union that is not > 0 (NaN included) gives 0."""
    ix0 = bx0 if bx0 > ax0 else ax0
    iy0 = by0 if by0 > ay0 else ay0
    ix1 = bx1 if bx1 < ax1 else ax1
    iy1 = by1 if by1 < ay1 else ay1
    w = ix1 - ix0
    h = iy1 - iy0
    w = w if w > 0 else 0.0
    h = h if h > 0 else 0.0
    inter = w * h
    union = (ax1 - ax0) * (ay1 - ay0) + (bx1 - bx0) * (by1 - by0) - inter
    if union > 0:
        return inter / union
    return 0.0


@kernel
def greedy_match_pairs(
    t_off, t_cls, t_x0, t_y0, t_x1, t_y1,
    p_off, p_cls, p_conf, p_x0, p_y0, p_x1, p_y1,
    order, n_classes, threshold,
):
    """Per class, the (y_true, y_score) pairs of a greedy IoU match, concatenated over rows.

    For class ``c`` and each row: the row's predictions of ``c`` in the order
    ``order[c or 0, p_off[r]:p_off[r+1]]`` (global prediction indices; one row of ``order`` is
    shared by all classes when it has one row) each take the unmatched ground-truth box of ``c``
    with the highest IoU above ``threshold`` (the first on ties) -> (1, conf), else (0, conf);
    unmatched ground truths add (1, 0); a row with no pair adds (0, 0).
    Returns (y_true int64, y_score float64, class offsets into them)."""
    n_rows = t_off.size - 1
    per_class = order.shape[0] > 1
    t_count = np.zeros(n_classes, dtype=np.int64)
    p_count = np.zeros(n_classes, dtype=np.int64)
    for i in range(t_cls.size):
        t_count[t_cls[i]] += 1
    for i in range(p_cls.size):
        if p_cls[i] >= 0:
            p_count[p_cls[i]] += 1
    c_off = np.zeros(n_classes + 1, dtype=np.int64)
    for c in range(n_classes):
        c_off[c + 1] = c_off[c] + t_count[c] + p_count[c] + n_rows
    y_true = np.empty(c_off[n_classes], dtype=np.int64)
    y_score = np.empty(c_off[n_classes], dtype=np.float64)
    matched = np.zeros(t_cls.size, dtype=np.bool_)
    out_off = np.zeros(n_classes + 1, dtype=np.int64)
    for c in range(n_classes):
        o = c_off[c]
        start = o
        row_order = order[c] if per_class else order[0]
        for r in range(n_rows):
            first = o
            for k in range(p_off[r], p_off[r + 1]):
                j = row_order[k]
                if p_cls[j] != c:
                    continue
                best = 0.0
                best_i = -1
                for i in range(t_off[r], t_off[r + 1]):
                    if t_cls[i] != c or matched[i]:
                        continue
                    iou = python_box_iou(
                        p_x0[j], p_y0[j], p_x1[j], p_y1[j], t_x0[i], t_y0[i], t_x1[i], t_y1[i]
                    )
                    if iou > best and iou > threshold:
                        best = iou
                        best_i = i
                if best_i >= 0:
                    matched[best_i] = True
                    y_true[o] = 1
                else:
                    y_true[o] = 0
                y_score[o] = p_conf[j]
                o += 1
            for i in range(t_off[r], t_off[r + 1]):
                if t_cls[i] == c and not matched[i]:
                    y_true[o] = 1
                    y_score[o] = 0.0
                    o += 1
            if o == first:
                y_true[o] = 0
                y_score[o] = 0.0
                o += 1
        # Compact: class c's pairs move to the end of the previous class's.
        n = o - start
        dst = out_off[c]
        for k in range(n):
            y_true[dst + k] = y_true[start + k]
            y_score[dst + k] = y_score[start + k]
        out_off[c + 1] = dst + n
    total = out_off[n_classes]
    return y_true[:total].copy(), y_score[:total].copy(), out_off


@kernel
def greedy_match_score_groups(
    t_off, t_cls, t_x0, t_y0, t_x1, t_y1,
    p_off, p_cls, p_conf, p_x0, p_y0, p_x1, p_y1,
    order, n_classes, threshold,
):
    """The pairs of :func:`greedy_match_pairs`, as much of them as an average precision needs:
    per class, the non-zero scores of its positive and of its negative pairs (``pos[pos_off[c]:
    pos_off[c] + pos_n[c]]``, same for ``neg``), its zero-score positives and negatives as counts,
    and whether one of its scores is not finite. A pair's position does not matter to AP, so rows
    are walked once for all classes (class by class within a row when ``order`` has a row per
    class). An ``order`` without rows stands for each row's predictions by confidence, descending
    (:func:`row_descending_order`, here without a call of its own).

    Returns (pos, pos_off, pos_n, neg, neg_off, neg_n, zero_pos, zero_neg, nonfinite)."""
    n_rows = t_off.size - 1
    if order.shape[0] == 0:
        order = row_descending_order(p_off, p_conf).reshape(1, -1)
    per_class = order.shape[0] > 1
    count = np.zeros(n_classes + 1, dtype=np.int64)
    for i in range(p_cls.size):
        if p_cls[i] >= 0:
            count[p_cls[i]] += 1
    off = np.zeros(n_classes + 1, dtype=np.int64)
    for c in range(n_classes):
        off[c + 1] = off[c] + count[c]
    pos = np.empty(off[n_classes], dtype=np.float64)
    neg = np.empty(off[n_classes], dtype=np.float64)
    pos_n = np.zeros(n_classes, dtype=np.int64)
    neg_n = np.zeros(n_classes, dtype=np.int64)
    zero_pos = np.zeros(n_classes, dtype=np.float64)
    zero_neg = np.zeros(n_classes, dtype=np.float64)
    nonfinite = np.zeros(n_classes, dtype=np.bool_)
    matched = np.zeros(t_cls.size, dtype=np.bool_)
    in_row = np.zeros(n_classes, dtype=np.int64)
    for r in range(n_rows):
        for q in range(order.shape[0]):
            row_order = order[q]
            for k in range(p_off[r], p_off[r + 1]):
                j = row_order[k]
                c = p_cls[j]
                if c < 0 or (per_class and c != q):
                    continue
                hit = False
                best = 0.0
                best_i = -1
                for i in range(t_off[r], t_off[r + 1]):
                    if t_cls[i] != c or matched[i]:
                        continue
                    iou = python_box_iou(
                        p_x0[j], p_y0[j], p_x1[j], p_y1[j], t_x0[i], t_y0[i], t_x1[i], t_y1[i]
                    )
                    if iou > best and iou > threshold:
                        best = iou
                        best_i = i
                if best_i >= 0:
                    matched[best_i] = True
                    hit = True
                v = p_conf[j]
                if not (v - v == 0.0):
                    nonfinite[c] = True
                if v == 0.0:
                    if hit:
                        zero_pos[c] += 1.0
                    else:
                        zero_neg[c] += 1.0
                elif hit:
                    pos[off[c] + pos_n[c]] = v
                    pos_n[c] += 1
                else:
                    neg[off[c] + neg_n[c]] = v
                    neg_n[c] += 1
                in_row[c] += 1
        for i in range(t_off[r], t_off[r + 1]):
            c = t_cls[i]
            if not matched[i]:
                zero_pos[c] += 1.0
                in_row[c] += 1
        for c in range(n_classes):
            if in_row[c] == 0:
                zero_neg[c] += 1.0
            in_row[c] = 0
    return pos, off, pos_n, neg, off, neg_n, zero_pos, zero_neg, nonfinite


@kernel
def _fmin(a, b):
    # C's fmin/fmax: a NaN argument is ignored.
    if a != a:
        return b
    if b != b:
        return a
    return a if a < b else b


@kernel
def _fmax(a, b):
    if a != a:
        return b
    if b != b:
        return a
    return a if a > b else b


@kernel
def coco_box_iou(dx, dy, dw, dh, gx, gy, gw, gh):
    """pycocotools' ``bbIou`` of an (x, y, w, h) detection and a non-crowd ground truth."""
    w = _fmin(dw + dx, gw + gx) - _fmax(dx, gx)
    if w <= 0:
        return 0.0
    h = _fmin(dh + dy, gh + gy) - _fmax(dy, gy)
    if h <= 0:
        return 0.0
    i = w * h
    return i / (dw * dh + gw * gh - i)


@kernel
def coco_match(
    d_group, d_id, d_box, d_area, g_start, g_stop, g_id, g_box, g_ignore, threshold, area_lo, area_hi
):
    """``COCOeval.evaluateImg`` for one IoU threshold and one area range, every (image, category)
    at once (no crowd ground truth).

    Detections come grouped by (image, category), each group sorted by score and cut to maxDets;
    group ``k`` spans ``d_group[k]:d_group[k + 1]`` and its ground truths ``g_start[k]:g_stop[k]``
    (sorted with ignored ones last). Returns, per detection, the id of the ground truth it matched
    (0 when none: an id of 0 is the same as no match, as in pycocotools) and its ignore flag.
    A ground truth counts as taken only when the id of the detection that took it is > 0."""
    n = d_id.shape[0]
    dtm = np.zeros(n, dtype=np.float64)
    dtig = np.zeros(n, dtype=np.bool_)
    taken = np.zeros(g_id.shape[0], dtype=np.float64)
    for k in range(d_group.shape[0] - 1):
        a, b = g_start[k], g_stop[k]
        for d in range(d_group[k], d_group[k + 1]):
            if b > a:
                best = threshold
                m = -1
                for g in range(a, b):
                    if taken[g] > 0:
                        continue
                    if m > -1 and g_ignore[m] == 0 and g_ignore[g] == 1:
                        break
                    v = coco_box_iou(
                        d_box[d, 0], d_box[d, 1], d_box[d, 2], d_box[d, 3],
                        g_box[g, 0], g_box[g, 1], g_box[g, 2], g_box[g, 3],
                    )
                    if v < best:
                        continue
                    best = v
                    m = g
                if m > -1:
                    dtig[d] = g_ignore[m] != 0
                    dtm[d] = g_id[m]
                    taken[m] = d_id[d]
            if dtm[d] == 0 and (d_area[d] < area_lo or d_area[d] > area_hi):
                dtig[d] = True
    return dtm, dtig


@kernel
def coco_precision(cat_start, dtm, dtig, npig, rec_thrs):
    """``COCOeval.accumulate``'s interpolated precision at each recall threshold, per category
    (rows: recall thresholds, columns: categories; -1 where a category has no counted ground
    truth). Category ``k``'s detections span ``cat_start[k]:cat_start[k + 1]`` in the
    accumulation order (score-descending, stable)."""
    n_cat = cat_start.shape[0] - 1
    r = rec_thrs.shape[0]
    out = -np.ones((r, n_cat), dtype=np.float64)
    eps = np.spacing(1.0)
    for k in range(n_cat):
        if npig[k] == 0:
            continue
        lo, hi = cat_start[k], cat_start[k + 1]
        nd = hi - lo
        rc = np.empty(nd, dtype=np.float64)
        pr = np.empty(nd, dtype=np.float64)
        tp = 0.0
        fp = 0.0
        for i in range(nd):
            d = lo + i
            if not dtig[d]:
                if dtm[d] != 0:
                    tp += 1.0
                else:
                    fp += 1.0
            rc[i] = tp / npig[k]
            pr[i] = tp / (fp + tp + eps)
        for i in range(nd - 1, 0, -1):
            if pr[i] > pr[i - 1]:
                pr[i - 1] = pr[i]
        inds = np.searchsorted(rc, rec_thrs)
        for j in range(r):
            out[j, k] = pr[inds[j]] if inds[j] < nd else 0.0
    return out


@kernel
def _box3d(i, cx, cy, cz, w, l, h, yaw, corners, zlo, zhi, vol):
    # Box3D's checks: no NaN translation/size/rotation, every size > 0, orthogonal corners.
    if cx[i] != cx[i] or cy[i] != cy[i] or cz[i] != cz[i]:
        return False
    if w[i] != w[i] or l[i] != l[i] or h[i] != h[i]:
        return False
    if not (math.cos(yaw[i] / 2.0) == math.cos(yaw[i] / 2.0)):
        return False
    if not (w[i] > 0 and l[i] > 0 and h[i] > 0):
        return False
    zlo[i] = cz[i] - h[i] / 2
    zhi[i] = cz[i] + h[i] / 2
    vol[i] = w[i] * l[i] * h[i]
    return yaw_rectangle(cx[i], cy[i], w[i], l[i], yaw[i], corners[i])


@kernel
def lyft_sample_maps(
    g_off, g_cls, g_cx, g_cy, g_cz, g_w, g_l, g_h, g_yaw,
    p_off, p_order, p_cls, p_cx, p_cy, p_cz, p_w, p_l, p_h, p_yaw,
    thresholds,
):
    """The reference's per-sample mAP at each IoU threshold (rows: samples; -inf marks a box
    Box3D rejects: the caller rejects the submission).

    Sample ``s`` owns ground truths ``g_off[s]:g_off[s+1]`` and predictions
    ``p_off[s]:p_off[s+1]``; ``p_order`` lists each sample's predictions grouped by class code
    (ascending) and, within a class, by score descending (the reference's ``sorted``). Classes are
    codes in sorted-name order; a prediction of a class the sample has no ground truth of is never
    boxed. IoU: BEV intersection area x height overlap over the volumes' union, clipped to [0, 1];
    each prediction takes its best ground truth (first on ties) if the IoU is above the threshold
    and that box is still free, else it is a false positive; AP is the area under the right-
    maximised precision curve at each distinct recall."""
    n_s = g_off.shape[0] - 1
    n_t = thresholds.shape[0]
    out = np.zeros((n_s, n_t), dtype=np.float64)
    g_corners = np.empty((g_cls.shape[0], 4, 2), dtype=np.float64)
    g_lo = np.empty(g_cls.shape[0], dtype=np.float64)
    g_hi = np.empty(g_cls.shape[0], dtype=np.float64)
    g_vol = np.empty(g_cls.shape[0], dtype=np.float64)
    p_corners = np.empty((p_cls.shape[0], 4, 2), dtype=np.float64)
    p_lo = np.empty(p_cls.shape[0], dtype=np.float64)
    p_hi = np.empty(p_cls.shape[0], dtype=np.float64)
    p_vol = np.empty(p_cls.shape[0], dtype=np.float64)
    n_classes = 0
    for i in range(g_cls.shape[0]):
        n_classes = max(n_classes, g_cls[i] + 1)
    present = np.zeros(n_classes, dtype=np.bool_)
    gt_count = np.zeros(n_classes, dtype=np.int64)
    for s in range(n_s):
        g0, g1 = g_off[s], g_off[s + 1]
        p0, p1 = p_off[s], p_off[s + 1]
        for g in range(g0, g1):
            present[g_cls[g]] = True
            gt_count[g_cls[g]] += 1
        k = 0
        aps = np.zeros((n_classes, n_t), dtype=np.float64)
        q = p0
        for c in range(n_classes):
            if not present[c]:
                continue
            # This class's predictions: a run of p_order (grouped by class, ascending).
            while q < p1 and p_cls[p_order[q]] < c:
                q += 1
            q0 = q
            while q < p1 and p_cls[p_order[q]] == c:
                q += 1
            n_p = q - q0
            if n_p > 0:
                n_g = gt_count[c]
                gts = np.empty(n_g, dtype=np.int64)
                m = 0
                for g in range(g0, g1):
                    if g_cls[g] == c:
                        if not _box3d(g, g_cx, g_cy, g_cz, g_w, g_l, g_h, g_yaw, g_corners, g_lo, g_hi, g_vol):
                            out[0, 0] = -np.inf
                            return out
                        gts[m] = g
                        m += 1
                ious = np.empty((n_p, n_g), dtype=np.float64)
                for a in range(n_p):
                    j = p_order[q0 + a]
                    if not _box3d(j, p_cx, p_cy, p_cz, p_w, p_l, p_h, p_yaw, p_corners, p_lo, p_hi, p_vol):
                        out[0, 0] = -np.inf
                        return out
                    for b in range(n_g):
                        g = gts[b]
                        # Python max/min of (other = ground truth, self = prediction).
                        lo = p_lo[j] if p_lo[j] > g_lo[g] else g_lo[g]
                        hi = p_hi[j] if p_hi[j] < g_hi[g] else g_hi[g]
                        dz = hi - lo
                        hz = dz if dz > 0 else 0.0
                        area = convex_intersection_area(p_corners[j], g_corners[g])
                        inter = hz * area
                        v = inter / (p_vol[j] + g_vol[g] - inter)
                        if v < 0:
                            v = 0.0
                        elif v > 1:
                            v = 1.0
                        ious[a, b] = v
                for t in range(n_t):
                    thr = thresholds[t]
                    checked = np.zeros(n_g, dtype=np.bool_)
                    rec = np.empty(n_p + 2, dtype=np.float64)
                    prec = np.empty(n_p + 2, dtype=np.float64)
                    rec[0] = 0.0
                    prec[0] = 0.0
                    tp = 0.0
                    fp = 0.0
                    for a in range(n_p):
                        best = ious[a, 0]
                        jm = 0
                        if best == best:
                            for b in range(1, n_g):
                                v = ious[a, b]
                                if v != v:
                                    best = v
                                    jm = b
                                    break
                                if v > best:
                                    best = v
                                    jm = b
                        if best > thr and not checked[jm]:
                            tp += 1.0
                            checked[jm] = True
                        else:
                            fp += 1.0
                        rec[a + 1] = tp / float(n_g)
                        d = tp + fp
                        prec[a + 1] = tp / (d if d > 2.220446049250313e-16 else 2.220446049250313e-16)
                    rec[n_p + 1] = 1.0
                    prec[n_p + 1] = 0.0
                    for i in range(n_p + 1, 0, -1):
                        if prec[i] > prec[i - 1]:
                            prec[i - 1] = prec[i]
                    terms = np.empty(n_p + 1, dtype=np.float64)
                    m = 0
                    for i in range(n_p + 1):
                        if rec[i + 1] != rec[i]:
                            terms[m] = (rec[i + 1] - rec[i]) * prec[i + 1]
                            m += 1
                    aps[k, t] = np_sum(terms[:m], 0.0)
            k += 1
        for t in range(n_t):
            col = np.empty(k, dtype=np.float64)
            for i in range(k):
                col[i] = aps[i, t]
            out[s, t] = np_sum(col, 0.0) / k if k > 0 else np.nan
        for g in range(g0, g1):
            present[g_cls[g]] = False
            gt_count[g_cls[g]] = 0
    return out


@kernel
def row_descending_order(offsets, key):
    """Global indices of each row's items sorted by ``key`` descending, ties in input order
    (Python's stable ``sort(reverse=True)`` for keys without NaN); insertion sort: rows are short."""
    out = np.arange(key.shape[0])
    for r in range(offsets.shape[0] - 1):
        lo, hi = offsets[r], offsets[r + 1]
        for i in range(lo + 1, hi):
            j = out[i]
            v = key[j]
            m = i
            while m > lo and key[out[m - 1]] < v:
                out[m] = out[m - 1]
                m -= 1
            out[m] = j
    return out
