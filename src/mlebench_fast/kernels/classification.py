"""Classification kernels equal to scikit-learn 1.5.2's (``sklearn/metrics/_ranking.py``,
``_classification.py``), with scikit-learn's return types and error messages.

| kernel | returns (as sklearn 1.5.2 with numpy 1.26.4) |
|---|---|
| ``roc_auc_score`` | ``numpy.float64`` (``auc`` returns numpy's ``trapezoid``) |
| ``log_loss`` | ``float`` (sklearn wraps the mean in ``float()``) |
| ``cohen_kappa_score`` | ``numpy.float64`` (``1 - k``; NaN when only one label or empty) |
| ``accuracy_score`` | ``float`` (NaN for empty inputs) |
| ``matthews_corrcoef`` | ``numpy.float64``, but the Python ``float`` ``0.0`` when a marginal is constant |

``round(x, 5)`` differs between ``float`` and ``numpy.float64``, so the types are part of parity.

numpy's float add-reduce (used by ``np.sum`` / ``np.mean`` / ``np.trapezoid``) is a pairwise sum
(8 accumulators, blocks of 128) over successive 8,192-element chunks, starting from 0; the kernels
reproduce that order, so results are bit-identical to scikit-learn on the same machine.
"""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import as_native, check_finite, kernel
from mlebench_fast.kernels.summation import np_sum

__all__ = [
    "roc_auc_score",
    "log_loss",
    "cohen_kappa_score",
    "accuracy_score",
    "matthews_corrcoef",
]
_TWO63 = 9.223372036854775808e18


# --------------------------------------------------------------------------- target types


@kernel
def _scan_targets(x):
    """(any non-integral value, any NaN, any infinity, number of distinct values capped at 3).

    A float is integral for sklearn when ``x == x.astype(int)``: finite, in int64's range and
    without a fractional part (out-of-range values cast to INT64_MIN and compare unequal).
    """
    nonint = False
    has_nan = False
    has_inf = False
    n_distinct = 0
    a = 0.0
    b = 0.0
    for i in range(x.shape[0]):
        v = x[i]
        fv = float(v)
        if fv != fv:
            has_nan = True
            nonint = True
            continue
        if fv == np.inf or fv == -np.inf:
            has_inf = True
            nonint = True
            continue
        if not (-_TWO63 <= fv < _TWO63) or fv != np.floor(fv):
            nonint = True
        if n_distinct == 0:
            a = fv
            n_distinct = 1
        elif n_distinct == 1:
            if fv != a:
                b = fv
                n_distinct = 2
        elif n_distinct == 2:
            if fv != a and fv != b:
                n_distinct = 3
    return nonint, has_nan, has_inf, n_distinct


def _type_of_target(y: np.ndarray, input_name: str) -> str:
    """``sklearn.utils.multiclass.type_of_target`` for 1-D arrays (and ``(n, k)`` matrices)."""
    if y.ndim == 2 and y.shape[1] > 1:
        uniq = np.unique(y)
        integral_float = y.dtype.kind == "f" and bool(np.all(uniq.astype(int) == uniq))
        if len(uniq) < 3 and (y.dtype.kind in "biu" or integral_float):
            return "multilabel-indicator"
    if y.ndim not in (1, 2):
        return "unknown"
    if y.size == 0:
        return "binary" if y.ndim == 1 else "unknown"
    suffix = "-multioutput" if y.ndim == 2 and y.shape[1] > 1 else ""
    if y.dtype.kind in "biuf":
        flat = y.ravel()
        if flat.dtype.kind == "b":
            flat = flat.view(np.uint8)
        nonint, has_nan, has_inf, n_distinct = _scan_targets(flat)
        if y.dtype.kind == "f" and nonint:
            check_finite(y, input_name)
            return "continuous" + suffix
        if n_distinct > 2 or suffix:
            return "multiclass" + suffix
        return "binary"
    if y.dtype.kind == "O" and not isinstance(y.flat[0], str):
        return "unknown"
    if len(np.unique(y)) > 2 or suffix:
        return "multiclass" + suffix
    return "binary"


def _consistent_length(*arrays: np.ndarray) -> None:
    lengths = [a.shape[0] if a.ndim else 1 for a in arrays]
    if len(set(lengths)) > 1:
        msg = f"Found input variables with inconsistent numbers of samples: {lengths}"
        raise ValueError(msg)


def _min_samples(a: np.ndarray) -> None:
    if a.shape[0] == 0:
        msg = f"Found array with 0 sample(s) (shape={a.shape}) while a minimum of 1 is required."
        raise ValueError(msg)


def _numeric(a: np.ndarray) -> np.ndarray:
    """check_array(dtype="numeric"): object arrays become float64, others are kept."""
    return a.astype(np.float64) if a.dtype.kind == "O" else a


# --------------------------------------------------------------------------- ROC AUC


@kernel
def roc_points(pos, neg):
    """(fps, tps) of ``roc_curve`` with ``drop_intermediate=True`` and ``(0, 0)`` prepended,
    from the ascending scores of the positives and of the negatives."""
    n_pos = pos.shape[0]
    n_neg = neg.shape[0]
    fps = np.empty(n_pos + n_neg, np.int64)
    tps = np.empty(n_pos + n_neg, np.int64)
    i = n_pos - 1
    j = n_neg - 1
    m = 0
    tp = 0
    fp = 0
    while i >= 0 or j >= 0:
        if i < 0:
            v = neg[j]
        elif j < 0:
            v = pos[i]
        else:
            v = pos[i] if pos[i] >= neg[j] else neg[j]
        while i >= 0 and pos[i] == v:
            tp += 1
            i -= 1
        while j >= 0 and neg[j] == v:
            fp += 1
            j -= 1
        fps[m] = fp
        tps[m] = tp
        m += 1
    out_f = np.empty(m + 1, np.float64)
    out_t = np.empty(m + 1, np.float64)
    out_f[0] = 0.0
    out_t[0] = 0.0
    k = 1
    for p in range(m):
        keep = True
        if m > 2 and 0 < p < m - 1:
            keep = (fps[p + 1] - fps[p]) - (fps[p] - fps[p - 1]) != 0 or (
                tps[p + 1] - tps[p]
            ) - (tps[p] - tps[p - 1]) != 0
        if keep:
            out_f[k] = fps[p]
            out_t[k] = tps[p]
            k += 1
    return out_f[:k], out_t[:k]


@kernel
def _roc_auc_sorted(pos, neg):
    """AUC of scikit-learn's ROC curve from the sorted scores of positives and negatives.

    Walking both from the top visits the distinct thresholds in decreasing order with the same
    (fps, tps) as ``_binary_clf_curve``; collinear points are dropped as ``roc_curve`` does with
    ``drop_intermediate=True`` (it changes the floating-point trapezoid sum), then the trapezoids
    are summed as ``np.trapezoid``: ``diff(fpr) * (tpr[1:] + tpr[:-1]) / 2.0``, pairwise.
    """
    kf, kt = roc_points(pos, neg)
    k = kf.shape[0]
    last_f = kf[k - 1]
    last_t = kt[k - 1]
    terms = np.empty(k - 1, np.float64)
    for p in range(k - 1):
        d = kf[p + 1] / last_f - kf[p] / last_f
        terms[p] = d * (kt[p + 1] / last_t + kt[p] / last_t) / 2.0
    return np_sum(terms, 0.0)


def roc_auc_score(y_true: object, y_score: object) -> np.float64:
    """``sklearn.metrics.roc_auc_score(y_true, y_score)`` for binary ``y_true``.

    Returns ``numpy.float64``, bit-identical. ``y_true`` may hold any two values (numbers, bools,
    strings): the larger one (``np.unique`` order) is the positive class, as ``label_binarize``
    makes it. Errors, in sklearn's order and words: NaN in ``y_true`` ("Input y_true contains
    NaN."), non-integral float ``y_true`` ("continuous format is not supported"), more than two
    classes ("multi_class must be in ('ovo', 'ovr')"), empty input, NaN / infinity in ``y_score``
    ("Input contains NaN." ...), one class ("Only one class present in y_true. ROC AUC score is
    not defined in that case."), different lengths.
    """
    yt = as_native(y_true)
    ys = _numeric(as_native(y_score))
    y_type = _type_of_target(yt, "y_true")
    _min_samples(yt)
    if yt.dtype.kind == "f":
        check_finite(yt)
    check_finite(ys)
    _min_samples(ys)
    if y_type == "multiclass" or (y_type == "binary" and ys.ndim == 2 and ys.shape[1] > 2):
        msg = "multi_class must be in ('ovo', 'ovr')"
        raise ValueError(msg)
    if y_type != "binary":
        msg = f"{y_type} format is not supported"
        raise ValueError(msg)
    if yt.ndim == 2:
        yt = yt[:, 0] if yt.shape[1] == 1 else yt
    labels = np.unique(yt)
    if len(labels) != 2:
        msg = "Only one class present in y_true. ROC AUC score is not defined in that case."
        raise ValueError(msg)
    _consistent_length(yt, ys)
    if ys.ndim == 2:
        if ys.shape[1] != 1:
            msg = f"y should be a 1d array, got an array of shape {ys.shape} instead."
            raise ValueError(msg)
        ys = ys[:, 0]
    if ys.dtype.kind == "b":
        ys = ys.view(np.uint8)
    elif ys.dtype == np.float16:
        ys = ys.astype(np.float32)  # exact: same order and ties
    return binary_auc(yt == labels[1], ys)


def binary_auc(is_pos: np.ndarray, ys: np.ndarray) -> np.float64:
    """The AUC at the end of :func:`roc_auc_score`, for validated input: ``is_pos`` a bool mask
    of the positive rows, ``ys`` their finite 1-D numeric scores (both classes present). Releases
    the GIL for most of its time (numpy's sort, the kernel), so columns can share threads."""
    pos = np.sort(ys[is_pos])
    neg = np.sort(ys[~is_pos])
    return np.float64(_roc_auc_sorted(pos, neg))


# --------------------------------------------------------------------------- log loss


@kernel
def _log_loss_codes(codes, p, lo_pre, hi_pre, lo, hi):
    """Mean of -log(clipped p[i, codes[i]]): a one-hot row's xlogy sum is exactly its one log."""
    n = codes.shape[0]
    loss = np.empty(n, np.float64)
    for i in range(n):
        v = min(max(p[i, codes[i]], lo_pre), hi_pre)
        v = min(max(v, lo), hi)
        loss[i] = -np.log(np.float64(v))
    return np_sum(loss, 0.0) / n


@kernel
def _log_loss_binary(is_pos, p, one, lo_pre, hi_pre, lo, hi):
    """Binary: sklearn stacks ``[1 - p, p]`` before clipping, so the negative class's probability
    is ``clip(1 - p)``, not ``1 - clip(p)``."""
    n = is_pos.shape[0]
    loss = np.empty(n, np.float64)
    for i in range(n):
        v = min(max(p[i], lo_pre), hi_pre)
        if not is_pos[i]:
            v = one - v
        v = min(max(v, lo), hi)
        loss[i] = -np.log(np.float64(v))
    return np_sum(loss, 0.0) / n


@kernel
def _log_loss_dense(t, p, lo_pre, hi_pre, lo, hi):
    """Indicator matrix ``t`` (any integers): row sums of ``xlogy(t, clip(p))`` in numpy's order."""
    n, k = p.shape
    loss = np.empty(n, np.float64)
    row = np.empty(k, np.float64)
    for i in range(n):
        for j in range(k):
            x = t[i, j]
            if x == 0:
                row[j] = 0.0
            else:
                v = min(max(p[i, j], lo_pre), hi_pre)
                v = min(max(v, lo), hi)
                row[j] = np.float64(x) * np.log(np.float64(v))
        loss[i] = -(0.0 + np_sum(row, 0.0))
    return np_sum(loss, 0.0) / n


def log_loss(y_true: object, y_pred: object, eps: float | str = "auto") -> float:
    """``sklearn.metrics.log_loss(y_true, y_pred)`` (scikit-learn 1.5.2); returns ``float``.

    ``y_true`` is a 1-D label vector (binary with a 1-D / ``(n, 1)`` ``y_pred`` of the positive
    class's probability, or any labels with an ``(n, k)`` ``y_pred`` in ``np.unique`` order), or an
    ``(n, k)`` indicator matrix (``LabelBinarizer`` keeps all k columns, even all-zero ones).

    As in 1.5.2: predictions are clipped to ``[eps, 1 - eps]`` with ``eps =
    np.finfo(y_pred.dtype).eps`` (float32 predictions clip in float32) and are **not**
    renormalised (1.5 removed that; rows not summing to one only trigger a warning there, which is
    not reproduced: the value is the same). ``eps=<float>`` first clips the predictions to
    ``[eps, 1 - eps]`` as graders that pre-clip at 1e-15 do, then applies sklearn's clip.

    Errors (sklearn's words): NaN / infinity / empty ``y_pred``, different lengths, NaN in
    ``y_true`` ("Input y contains NaN."), multi-output ``y_true``, a single class ("y_true contains
    only one label (...)"), different numbers of classes.
    """
    yp = as_native(y_pred)
    if yp.dtype not in (np.float64, np.float32, np.float16):
        yp = yp.astype(np.float64)
    check_finite(yp)
    _min_samples(yp)
    yt = as_native(y_true)
    _consistent_length(yp, yt)
    y_type = _type_of_target(yt, "y")
    if "multioutput" in y_type:
        msg = "Multioutput target data is not supported with label binarization"
        raise ValueError(msg)
    if y_type not in ("binary", "multiclass", "multilabel-indicator"):
        msg = f"Unknown label type: ({yt!r},)"
        raise ValueError(msg)
    if y_type == "multilabel-indicator":
        classes = np.arange(yt.shape[1])
    else:
        if yt.ndim == 2:
            yt = yt[:, 0]
        classes = np.unique(yt)
    if len(classes) == 1:
        msg = (
            f"y_true contains only one label ({classes[0]}). Please provide the true labels "
            "explicitly through the labels argument."
        )
        raise ValueError(msg)
    n_t = max(len(classes), 2) if y_type != "multilabel-indicator" else yt.shape[1]
    if yp.ndim == 2 and yp.shape[1] == 1:
        yp = yp[:, 0]
    n_p = 2 if yp.ndim == 1 else yp.shape[1]
    if len(classes) != n_p:
        msg = (
            f"y_true and y_pred contain different number of classes {n_t}, {n_p}. Please provide "
            "the true labels explicitly through the labels argument. Classes found in y_true: "
            f"{classes}"
        )
        raise ValueError(msg)
    dt = yp.dtype if yp.dtype != np.float16 else np.dtype(np.float16)
    if dt == np.float16:
        # rare: let numpy do float16 clipping, then the float64 path with no further clipping
        f16eps = np.finfo(np.float16).eps
        if eps != "auto":
            yp = np.clip(yp, eps, 1 - eps)
        if yp.ndim == 1:
            yp = np.stack([1 - yp, yp], axis=1)
        yp = np.clip(yp, f16eps, 1 - f16eps).astype(np.float64)
        dt = np.dtype(np.float64)
        lo, hi = -np.inf, np.inf
    else:
        feps = np.finfo(dt).eps
        lo, hi = feps, dt.type(1) - feps
    typ = dt.type
    lo_pre, hi_pre = (typ(-np.inf), typ(np.inf)) if eps == "auto" else (typ(eps), typ(1 - eps))
    lo, hi = typ(lo), typ(hi)
    yp = np.ascontiguousarray(yp)
    if y_type == "multilabel-indicator":
        t = yt.astype(np.int64)
        return float(_log_loss_dense(t, yp, lo_pre, hi_pre, lo, hi))
    if yp.ndim == 1:
        return float(_log_loss_binary(yt == classes[1], yp, typ(1), lo_pre, hi_pre, lo, hi))
    codes = np.searchsorted(classes, yt)
    return float(_log_loss_codes(codes, yp, lo_pre, hi_pre, lo, hi))


# --------------------------------------------------------------------------- label agreement


def _check_targets(y_true: object, y_pred: object) -> tuple[str, np.ndarray, np.ndarray]:
    """``sklearn.metrics._classification._check_targets`` for 1-D label vectors."""
    yt = as_native(y_true)
    yp = as_native(y_pred)
    _consistent_length(yt, yp)
    type_true = _type_of_target(yt, "y_true")
    type_pred = _type_of_target(yp, "y_pred")
    y_type = {type_true, type_pred}
    if y_type == {"binary", "multiclass"}:
        y_type = {"multiclass"}
    if len(y_type) > 1:
        msg = f"Classification metrics can't handle a mix of {type_true} and {type_pred} targets"
        raise ValueError(msg)
    kind = y_type.pop()
    if kind not in ("binary", "multiclass", "multilabel-indicator"):
        msg = f"{kind} is not supported"
        raise ValueError(msg)
    return kind, yt, yp


@kernel
def _dense_codes(a, b, lo, span):
    """Codes of a and b in their sorted union, through a presence table over [lo, lo + span)."""
    seen = np.zeros(span, np.int64)
    for v in a:
        seen[np.int64(v) - lo] = 1
    for v in b:
        seen[np.int64(v) - lo] = 1
    k = 0
    for s in range(span):
        if seen[s]:
            seen[s] = k
            k += 1
        else:
            seen[s] = -1
    ca = np.empty(a.shape[0], np.int64)
    cb = np.empty(b.shape[0], np.int64)
    for i in range(a.shape[0]):
        ca[i] = seen[np.int64(a[i]) - lo]
    for i in range(b.shape[0]):
        cb[i] = seen[np.int64(b[i]) - lo]
    return ca, cb, k


def _encode(yt: np.ndarray, yp: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """Indices of both label vectors in ``np.unique`` of their union (sklearn's label order)."""
    if yt.dtype.kind in "biuf" and yp.dtype.kind in "biuf":
        # Classification targets are integral here (_check_targets rejected the rest).
        a = yt.view(np.uint8) if yt.dtype.kind == "b" else yt
        b = yp.view(np.uint8) if yp.dtype.kind == "b" else yp
        if a.size + b.size:
            lo = int(min(a.min(), b.min()))
            hi = int(max(a.max(), b.max()))
            span = hi - lo + 1
            if span <= 4 * (a.size + b.size) + 1024:
                return _dense_codes(a, b, lo, span)
        labels = np.unique(np.concatenate([a, b]))
    else:
        strs = {yt.dtype.kind in "USO", yp.dtype.kind in "USO"}
        if len(strs) > 1:
            msg = "Mix of label input types (string and number)"
            raise ValueError(msg)
        a, b = yt, yp
        labels = np.unique(np.concatenate([a.astype(object), b.astype(object)]))
        if a.dtype.kind == "O" or b.dtype.kind == "O":
            a, b = a.astype(object), b.astype(object)
    return np.searchsorted(labels, a), np.searchsorted(labels, b), len(labels)


@kernel
def _confusion(ca, cb, k):
    c = np.zeros((k, k), np.int64)
    for i in range(ca.shape[0]):
        c[ca[i], cb[i]] += 1
    return c


@kernel
def _kappa(c, weighting):
    """``cohen_kappa_score``'s arithmetic on the confusion matrix, in numpy's order.

    weighting 0: none, 1: linear, 2: quadratic; weights use the label *index*, not its value.
    """
    k = c.shape[0]
    sum0 = np.zeros(k, np.int64)  # column sums (predicted), as np.sum(confusion, axis=0)
    sum1 = np.zeros(k, np.int64)  # row sums (true)
    for i in range(k):
        for j in range(k):
            sum0[j] += c[i, j]
            sum1[i] += c[i, j]
    total = np.float64(sum0.sum())
    num = 0
    wexp = np.empty(k * k, np.float64)
    for i in range(k):
        for j in range(k):
            if weighting == 0:
                w = 0 if i == j else 1
            elif weighting == 1:
                w = abs(i - j)
            else:
                w = (i - j) * (i - j)
            num += w * c[i, j]
            # expected = np.outer(sum0, sum1) / np.sum(sum0): note the transposition
            wexp[i * k + j] = np.float64(w) * (np.float64(sum0[i] * sum1[j]) / total)
    den = np_sum(wexp, 0.0)
    return 1.0 - np.float64(num) / den


_WEIGHTS = {None: 0, "linear": 1, "quadratic": 2}


def cohen_kappa_score(y1: object, y2: object, weights: str | None = None) -> np.float64:
    """``sklearn.metrics.cohen_kappa_score(y1, y2, weights=weights)``; returns ``numpy.float64``,
    bit-identical.

    Labels are the sorted union of both vectors; linear / quadratic weights use each label's index
    in it, not its value (a label absent from both vectors shifts the weights). NaN when only one
    label occurs (0 / 0) or the inputs are empty, silently (sklearn warns). Errors as
    ``confusion_matrix``: different lengths, NaN ("Input y_pred contains NaN."), non-integral float
    labels ("Classification metrics can't handle a mix of ... targets" / "continuous is not
    supported"), strings mixed with numbers.
    """
    if weights not in _WEIGHTS:
        msg = f"weights must be None, 'linear' or 'quadratic', got {weights!r}"
        raise ValueError(msg)
    kind, yt, yp = _check_targets(y1, y2)
    if kind not in ("binary", "multiclass"):
        msg = f"{kind} is not supported"
        raise ValueError(msg)
    ca, cb, k = _encode(yt, yp)
    return np.float64(_kappa(_confusion(ca, cb, k), _WEIGHTS[weights]))


@kernel
def _count_equal(a, b):
    count = 0
    for i in range(a.shape[0]):
        count += a[i] == b[i]
    return count


def accuracy_score(y_true: object, y_pred: object) -> float:
    """``sklearn.metrics.accuracy_score(y_true, y_pred)`` for 1-D labels; returns ``float``.

    The mean of 0/1 values is exact (an integer sum divided by n), NaN for empty inputs (sklearn
    warns). Errors as ``_check_targets``.
    """
    kind, yt, yp = _check_targets(y_true, y_pred)
    if kind == "multilabel-indicator":
        n = yt.shape[0]
        same = np.count_nonzero(np.count_nonzero(yt - yp, axis=1) == 0)
        return float(same / n) if n else float("nan")
    n = yt.shape[0]
    if n == 0:
        return float("nan")
    if yt.dtype.kind in "biuf" and yp.dtype.kind in "biuf":
        dt = np.result_type(yt, yp)
        if dt.kind == "b":
            dt = np.dtype(np.uint8)
        count = _count_equal(yt.astype(dt, copy=False), yp.astype(dt, copy=False))
    else:
        count = int(np.count_nonzero(yt == yp))
    return float(np.float64(count) / n)


def matthews_corrcoef(y_true: object, y_pred: object) -> float | np.float64:
    """``sklearn.metrics.matthews_corrcoef(y_true, y_pred)`` (binary or multiclass).

    Returns ``numpy.float64``, or the Python ``float`` ``0.0`` when ``cov_ypyp * cov_ytyt == 0``
    (sklearn returns the literal). All intermediate sums are integers held exactly in float64
    (below 2**53), so the result is bit-identical.
    """
    kind, yt, yp = _check_targets(y_true, y_pred)
    if kind not in ("binary", "multiclass"):
        msg = f"{kind} is not supported"
        raise ValueError(msg)
    if (yt.dtype.kind in "USO") != (yp.dtype.kind in "USO"):
        # LabelEncoder().fit(np.hstack([y_true, y_pred])): numbers become strings, no error
        both = np.hstack([yt, yp])
        yt, yp = both[: yt.shape[0]], both[yt.shape[0] :]
    ca, cb, k = _encode(yt, yp)
    c = _confusion(ca, cb, k).astype(np.float64)
    t_sum = c.sum(axis=1)
    p_sum = c.sum(axis=0)
    n_correct = np.trace(c)
    n_samples = p_sum.sum()
    cov_ytyp = n_correct * n_samples - np.dot(t_sum, p_sum)
    cov_ypyp = n_samples**2 - np.dot(p_sum, p_sum)
    cov_ytyt = n_samples**2 - np.dot(t_sum, t_sum)
    if cov_ypyp * cov_ytyt == 0:
        return 0.0
    return cov_ytyp / np.sqrt(cov_ytyt * cov_ypyp)
