"""Correlation kernels equal to scipy 1.14.1's ``spearmanr(a, b).correlation`` and
``pearsonr(x, y)[0]`` on 1-D inputs.

Spearman: average ranks are half-integers, so centred ranks, their products and sums are exact
in float64 (for n below about 2e5); the correlation is then numpy's ``corrcoef`` on those ranks,
the very call scipy makes, so the result is bit-identical. Pearson repeats scipy's arithmetic
(mean, scaled norms, sum of products) with the same numpy reductions, in the same order.

Return types follow scipy: ``numpy.float64`` for a computed coefficient, the Python ``float``
``nan`` where spearmanr short-circuits (fewer than two observations, a constant input, NaN).
Warnings scipy emits (ConstantInputWarning, NearConstantInputWarning) are not reproduced: they
never change the value.
"""

from __future__ import annotations

import numpy as np

from mlebench_fast.kernels._jit import kernel

__all__ = [
    "centred_ranks",
    "pearson_correlation",
    "rankdata_average",
    "spearman_columns",
    "spearman_correlation",
]


def rankdata_average(x: np.ndarray) -> np.ndarray:
    """``scipy.stats.rankdata(x, "average")`` for a 1-D array without NaN (any sortable dtype:
    object arrays of ``str`` rank lexicographically, as scipy's argsort does)."""
    n = x.shape[0]
    order = np.argsort(x, kind="quicksort")  # ties get the same average whatever the sort
    ordered = x[order]
    new = np.empty(n, dtype=bool)
    new[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    dense = np.cumsum(new)
    count = np.concatenate([np.flatnonzero(new), [n]])
    ranks = np.empty(n, dtype=np.float64)
    ranks[order] = 0.5 * (count[dense] + count[dense - 1] + 1)
    return ranks


def _stacked(a: object, b: object) -> np.ndarray:
    # spearmanr column-stacks its two inputs: a common dtype (float64, or object with strings).
    return np.column_stack((np.asarray(a), np.asarray(b)))


def _has_nan(stacked: np.ndarray) -> bool:
    if stacked.dtype.kind in "fc":
        return bool(np.isnan(np.max(stacked)))
    if stacked.dtype == object:
        for el in stacked.ravel():
            if np.issubdtype(type(el), np.number) and np.isnan(el):
                return True
    return False


def spearman_correlation(a: object, b: object) -> float | np.float64:
    """``scipy.stats.spearmanr(a, b).correlation`` for two 1-D arrays of the same length."""
    stacked = _stacked(a, b)
    if stacked.shape[0] <= 1:
        return np.nan
    left, right = stacked[:, 0], stacked[:, 1]
    if (left[0] == left).all() or (right[0] == right).all():
        return np.nan
    if _has_nan(stacked):
        return np.nan
    ranked = np.column_stack((rankdata_average(left), rankdata_average(right)))
    return np.corrcoef(ranked, rowvar=False)[1, 0]


def pearson_correlation(x: object, y: object) -> np.float64:
    """``scipy.stats.pearsonr(x, y)[0]`` for two 1-D numeric arrays.

    Raises scipy's ValueError for different lengths or fewer than two values; NaN for a
    constant input or NaN / infinity in either; two values give ``sign(dx) * sign(dy)``.
    """
    x, y = np.asarray(x), np.asarray(y)
    n = x.shape[-1]
    if n != y.shape[-1]:
        msg = "`x` and `y` must have the same length along `axis`."
        raise ValueError(msg)
    if n < 2:
        msg = "`x` and `y` must have length at least 2."
        raise ValueError(msg)
    dtype = np.result_type(x.dtype, y.dtype)
    if np.issubdtype(dtype, np.integer) or dtype == np.bool_:
        dtype = np.dtype(np.float64)
    if np.issubdtype(dtype, np.complexfloating):
        msg = "This function does not support complex data"
        raise ValueError(msg)
    x, y = x.astype(dtype, copy=False), y.astype(dtype, copy=False)
    const = bool((x == x[0]).all() or (y == y[0]).all())
    with np.errstate(all="ignore"):
        if n == 2:
            return (np.sign(x[1] - x[0]) * np.sign(y[1] - y[0]))[()]
        xm = x - np.mean(x, keepdims=True)
        ym = y - np.mean(y, keepdims=True)
        xmax = np.max(np.abs(xm), keepdims=True)
        ymax = np.max(np.abs(ym), keepdims=True)
        xs, ys = xm / xmax, ym / ymax
        normxm = xmax * np.sqrt(np.add.reduce(xs * xs, keepdims=True))
        normym = ymax * np.sqrt(np.add.reduce(ys * ys, keepdims=True))
        r = np.sum(xm / normxm * ym / normym)
        one = dtype.type(1)
        r = np.minimum(np.maximum(r, -one), one)
    if const:
        return dtype.type(np.nan)
    return r[()]


# Centred half-integer ranks give exact products and sums below this many rows (n^3 / 3 stays
# under 2^53), so the order of the sums cannot change a bit of the result.
_EXACT_RANK_ROWS = 50_000


def centred_ranks(truth: np.ndarray) -> tuple[np.ndarray, float] | None:
    """A numeric column's average ranks minus their mean, and the sum of their squares: what
    :func:`spearman_columns` needs of a fixed side. None where spearmanr would not rank it (a
    constant column, NaN, too few or too many rows): the caller takes the general path."""
    n = truth.shape[0]
    if truth.dtype != np.float64 or not 1 < n <= _EXACT_RANK_ROWS:
        return None
    if (truth[0] == truth).all() or np.isnan(truth).any():
        return None
    ranks = rankdata_average(truth)
    centred = ranks - ranks.mean()
    return centred, float(np.dot(centred, centred))


def spearman_columns(
    predictions: np.ndarray, truth_centred: np.ndarray, truth_squares: np.ndarray
) -> np.ndarray:
    """``spearman_correlation(predictions[:, j], truth[j])`` for every column j, given the truth
    columns' :func:`centred_ranks` (rows of ``truth_centred``): NaN for a constant or NaN
    prediction column, else bit for bit the value of numpy's ``corrcoef`` on the two rank
    columns (the products and sums are exact; the divisions are done in its order)."""
    return _spearman_columns(
        np.ascontiguousarray(predictions.T, dtype=np.float64), truth_centred, truth_squares
    )


@kernel
def _spearman_columns(columns, truth_centred, truth_squares):
    k, n = columns.shape
    out = np.empty(k, dtype=np.float64)
    inverse = 1.0 / (n - 1)
    ranks = np.empty(n, dtype=np.float64)
    for j in range(k):
        values = columns[j]
        constant = True
        has_nan = False
        for i in range(n):
            if values[i] != values[0]:
                constant = False
            if np.isnan(values[i]):
                has_nan = True
        if constant or has_nan:
            out[j] = np.nan
            continue
        order = np.argsort(values)  # ties share their average rank whatever the sort
        start = 0
        while start < n:
            stop = start + 1
            while stop < n and values[order[stop]] == values[order[start]]:
                stop += 1
            average = 0.5 * (start + stop + 1)
            for i in range(start, stop):
                ranks[order[i]] = average
            start = stop
        middle = 0.5 * (n + 1)
        cross = 0.0
        squares = 0.0
        for i in range(n):
            centred = ranks[i] - middle
            cross += centred * truth_centred[j, i]
            squares += centred * centred
        # corrcoef: c = dot * (1 / fact); c[1, 0] / stddev[1] / stddev[0], clipped.
        r = cross * inverse / np.sqrt(truth_squares[j] * inverse) / np.sqrt(squares * inverse)
        out[j] = min(max(r, -1.0), 1.0)
    return out
