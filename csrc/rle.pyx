# Run-length mask kernels: RLE strings -> pixel intervals, and the per-image IoU sweep of the
# tgs-salt-identification-challenge grader computed on those intervals.
#
# The reference decodes each string with `list(map(int, s.split()))`, a few asserts and numpy
# slicing into a flat boolean image. Only the common case is decoded here: ASCII tokens of the
# form [+-]digits (single underscores between digits allowed, as int() allows) below 1e18, in an
# even number. Everything else -- non-ASCII bytes (Unicode spaces and digits, which Python
# accepts), odd token counts (numpy broadcasting decides what happens), huge values (numpy
# dtype discovery decides) and unparsable tokens (int()'s message is wanted) -- is flagged
# SLOW for the Python layer to decode with Python's and numpy's own semantics.
#
# Decoded runs are 0-based half-open [start, stop) flat-pixel intervals, clipped to the image
# (numpy slicing truncates), empty ones dropped; they come out sorted and disjoint because the
# reference rejects unsorted starts and overlaps.

from libc.stdint cimport int8_t, int64_t, uint8_t
from libc.stdlib cimport free, malloc, realloc

import numpy as np

cdef enum:
    OK = 0
    SLOW = 1
    UNSORTED = 2
    NOT_POSITIVE = 3
    OVERLAP = 4

# Below this, start - 1 + length cannot overflow int64, and np.array() of such Python ints is
# int64 -- so the reference's arithmetic is plain integer arithmetic.
cdef int64_t VALUE_LIMIT = 1000000000000000000

STATUS_OK = OK
STATUS_SLOW = SLOW
STATUS_UNSORTED = UNSORTED
STATUS_NOT_POSITIVE = NOT_POSITIVE
STATUS_OVERLAP = OVERLAP


cdef inline bint _is_space(uint8_t c) noexcept nogil:
    # str.split()'s ASCII whitespace, which includes the four information separators.
    return c == 32 or (9 <= c <= 13) or (28 <= c <= 31)


cdef struct Buffer:
    int64_t* data
    Py_ssize_t size
    Py_ssize_t cap


cdef int _push(Buffer* buf, int64_t value) noexcept nogil:
    cdef Py_ssize_t cap
    cdef int64_t* grown
    if buf.size == buf.cap:
        cap = buf.cap * 2 if buf.cap else 1024
        grown = <int64_t*> realloc(buf.data, cap * sizeof(int64_t))
        if grown == NULL:
            return -1
        buf.data = grown
        buf.cap = cap
    buf.data[buf.size] = value
    buf.size += 1
    return 0


cdef int _tokenize(const uint8_t* s, Py_ssize_t n, Buffer* values) noexcept nogil:
    # Appends the row's integers to `values`; returns OK or SLOW (or -1 on allocation failure).
    cdef Py_ssize_t i = 0
    cdef int64_t value
    cdef bint negative
    cdef uint8_t c
    while True:
        while i < n and _is_space(s[i]):
            i += 1
        if i == n:
            return OK
        negative = False
        c = s[i]
        if c == 43 or c == 45:  # '+' / '-'
            negative = c == 45
            i += 1
        if i == n or not (48 <= s[i] <= 57):
            return SLOW
        value = 0
        while i < n:
            c = s[i]
            if 48 <= c <= 57:
                if value >= VALUE_LIMIT // 10:
                    return SLOW
                value = value * 10 + (c - 48)
                i += 1
            elif c == 95:  # '_' only between two digits
                if i + 1 >= n or not (48 <= s[i + 1] <= 57):
                    return SLOW
                i += 1
            elif _is_space(c):
                break
            else:
                return SLOW
        if _push(values, -value if negative else value) != 0:
            return -1
    return OK


cdef int _decode_row(const uint8_t* s, Py_ssize_t n, int64_t n_pixels, Buffer* values,
                     Buffer* starts, Buffer* stops) noexcept nogil:
    cdef int status
    cdef Py_ssize_t i, pairs
    cdef int64_t lo, hi, covered_to = 0
    values.size = 0
    status = _tokenize(s, n, values)
    if status != OK:
        return status
    if values.size & 1:
        return SLOW
    pairs = values.size >> 1
    # The reference's order of checks: sorted starts, positive starts, positive lengths, then
    # overlaps run by run.
    for i in range(1, pairs):
        if values.data[2 * i] < values.data[2 * i - 2]:
            return UNSORTED
    for i in range(pairs):
        if values.data[2 * i] <= 0:
            return NOT_POSITIVE
    for i in range(pairs):
        if values.data[2 * i + 1] <= 0:
            return NOT_POSITIVE
    for i in range(pairs):
        lo = values.data[2 * i] - 1
        if lo >= n_pixels:
            continue  # an empty slice: sets nothing, overlaps nothing
        hi = lo + values.data[2 * i + 1]
        if hi > n_pixels:
            hi = n_pixels
        # Starts are sorted, so an earlier run meets [lo, hi) iff it ends after lo.
        if lo < covered_to:
            return OVERLAP
        if _push(starts, lo) != 0 or _push(stops, hi) != 0:
            return -1
        covered_to = hi
    return OK


def decode_runs(const int64_t[::1] offsets, const uint8_t[::1] data, int64_t n_pixels):
    """Decode every row of an Arrow large-string column of RLE strings.

    Returns ``(status, run_offsets, starts, stops)``: ``status[r]`` is one of the STATUS_*
    codes; row ``r``'s runs are ``starts/stops[run_offsets[r]:run_offsets[r + 1]]`` (none unless
    its status is OK). Rows after a failing row are still decoded.
    """
    sizes = np.full(max(offsets.shape[0] - 1, 0), n_pixels, dtype=np.int64)
    return decode_runs_sized(offsets, data, sizes)


def decode_runs_sized(const int64_t[::1] offsets, const uint8_t[::1] data,
                      const int64_t[::1] n_pixels):
    """:func:`decode_runs` with an image size per row (hubmap, uw-madison: each row is decoded
    with its own height and width)."""
    cdef Py_ssize_t rows = offsets.shape[0] - 1
    cdef Py_ssize_t r, before
    cdef int status
    cdef bint failed = False
    cdef const uint8_t* base = &data[0]
    cdef Buffer values, starts, stops
    if n_pixels.shape[0] < rows:
        raise ValueError(f"Expected {rows} image sizes, got {n_pixels.shape[0]}.")
    status_arr = np.zeros(max(rows, 0), dtype=np.int8)
    run_offsets_arr = np.zeros(max(rows, 0) + 1, dtype=np.int64)
    cdef int8_t[::1] status_out = status_arr
    cdef int64_t[::1] run_offsets = run_offsets_arr
    values.data = NULL
    values.size = values.cap = 0
    starts.data = NULL
    starts.size = starts.cap = 0
    stops.data = NULL
    stops.size = stops.cap = 0
    with nogil:
        for r in range(rows):
            before = starts.size
            status = _decode_row(base + offsets[r], offsets[r + 1] - offsets[r], n_pixels[r],
                                 &values, &starts, &stops)
            if status < 0:
                failed = True
                break
            if status != OK:
                starts.size = stops.size = before
            status_out[r] = <int8_t> status
            run_offsets[r + 1] = starts.size
    try:
        if failed:
            raise MemoryError("RLE kernel could not allocate its buffers.")
        starts_arr = np.empty(starts.size, dtype=np.int64)
        stops_arr = np.empty(stops.size, dtype=np.int64)
        if starts.size:
            starts_arr[:] = <int64_t[:starts.size]> starts.data
            stops_arr[:] = <int64_t[:stops.size]> stops.data
    finally:
        free(values.data)
        free(starts.data)
        free(stops.data)
    return status_arr, run_offsets_arr, starts_arr, stops_arr


def iou_sweep_scores(const int64_t[::1] true_offsets, const int64_t[::1] true_starts,
                     const int64_t[::1] true_stops, const int64_t[::1] pred_offsets,
                     const int64_t[::1] pred_starts, const int64_t[::1] pred_stops,
                     int64_t n_pixels, const double[::1] thresholds):
    """Per-image score of the tgs grader's ``iou_metric`` from sorted, disjoint runs.

    With one object per image the reference's 2x2 histograms reduce to: both masks empty -> 1;
    true empty, prediction not -> 0; otherwise IoU = |T & P| / |T | P|, except that an empty
    prediction is binned by ``histogram2d`` as if it covered the whole image (all its values
    equal, the bin edges become [-0.5, 0, 0.5] and 0 falls into the upper bin), giving
    |T| / n_pixels. The score is the fraction of thresholds with IoU strictly above them.
    """
    cdef Py_ssize_t rows = true_offsets.shape[0] - 1
    cdef Py_ssize_t n_thresholds = thresholds.shape[0]
    if pred_offsets.shape[0] - 1 != rows:
        msg = f"Expected the same number of images, got {rows} and {pred_offsets.shape[0] - 1}."
        raise ValueError(msg)
    scores_arr = np.empty(max(rows, 0), dtype=np.float64)
    cdef double[::1] scores = scores_arr
    cdef Py_ssize_t r, i, j, i_end, j_end, k, hits
    cdef int64_t area_true, area_pred, inter, lo, hi
    cdef double iou
    with nogil:
        for r in range(rows):
            i = true_offsets[r]
            i_end = true_offsets[r + 1]
            j = pred_offsets[r]
            j_end = pred_offsets[r + 1]
            area_true = 0
            for k in range(i, i_end):
                area_true += true_stops[k] - true_starts[k]
            area_pred = 0
            for k in range(j, j_end):
                area_pred += pred_stops[k] - pred_starts[k]
            if area_true == 0:
                scores[r] = 1.0 if area_pred == 0 else 0.0
                continue
            if area_pred == 0:
                inter = area_true
                area_pred = n_pixels
            else:
                inter = 0
                while i < i_end and j < j_end:
                    lo = true_starts[i] if true_starts[i] > pred_starts[j] else pred_starts[j]
                    hi = true_stops[i] if true_stops[i] < pred_stops[j] else pred_stops[j]
                    if hi > lo:
                        inter += hi - lo
                    if true_stops[i] < pred_stops[j]:
                        i += 1
                    else:
                        j += 1
            iou = <double> inter / <double> (area_true + area_pred - inter)
            hits = 0
            for k in range(n_thresholds):
                if iou > thresholds[k]:
                    hits += 1
            scores[r] = <double> hits / <double> n_thresholds
    return scores_arr
