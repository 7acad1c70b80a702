# Levenshtein distance between the rows of two UTF-8 string columns, counted in Unicode code
# points (the unit `Levenshtein.distance` uses on Python str).
#
# Inputs are Arrow buffers (large-string offsets + data, or string views), so no Python str is
# ever built. Per pair: strip the common prefix and suffix (predictions are often near-identical to
# the answer, and what is left is then tiny), then run Hyyro's bit-parallel formulation of
# Myers' algorithm with the shorter string as the pattern: one 64-bit word per column of the
# text when the pattern fits in 64 symbols, the blocked variant otherwise.
#
# Pure-ASCII pairs run on the bytes directly (alphabet of 256). Other pairs are decoded to code
# points, and the pattern's code points are renumbered 1..k through a direct code-point table so
# the match-vector table stays (k + 1) rows; text code points absent from the pattern map to the
# all-zero row 0.
#
# Before the bit-parallel scan, a Landau-Vishkin diagonal search is tried for up to
# MAX_DIAGONAL_EDITS edits: for a good model's predictions it finishes in O(n + d^2) without
# building any table.

from libc.stdint cimport int32_t, int64_t, uint8_t, uint32_t, uint64_t, uintptr_t
from libc.stdlib cimport calloc, free, malloc
from libc.string cimport memcpy

import numpy as np

ctypedef fused sym_t:
    uint8_t
    uint32_t

cdef enum:
    MAX_CODE_POINT = 0x110000

# The top bit of each of eight bytes: a nonzero AND means a non-ASCII byte in the word.
cdef uint64_t HIGH_BITS = ((<uint64_t> 0x80808080) << 32) | 0x80808080


cdef struct Workspace:
    uint64_t* peq          # match vectors, [symbol * words + word]; all zero between pairs
    Py_ssize_t peq_cap
    uint64_t* vp
    uint64_t* vn
    Py_ssize_t vec_cap
    uint32_t* cp_a         # decoded code points of the current pair
    uint32_t* cp_b
    uint32_t* distinct     # the pattern's distinct code points, to reset symbol_of after use
    Py_ssize_t cp_cap
    uint32_t* symbol_of    # code point -> pattern symbol; all zero between pairs


cdef int _reserve(Workspace* ws, Py_ssize_t alphabet, Py_ssize_t words) noexcept nogil:
    cdef Py_ssize_t need = alphabet * words
    if need > ws.peq_cap:
        free(ws.peq)
        ws.peq = <uint64_t*> calloc(need, sizeof(uint64_t))
        ws.peq_cap = need if ws.peq != NULL else 0
        if ws.peq == NULL:
            return -1
    if words > ws.vec_cap:
        free(ws.vp)
        free(ws.vn)
        ws.vp = <uint64_t*> malloc(words * sizeof(uint64_t))
        ws.vn = <uint64_t*> malloc(words * sizeof(uint64_t))
        ws.vec_cap = words
        if ws.vp == NULL or ws.vn == NULL:
            ws.vec_cap = 0
            return -1
    return 0


cdef inline bint _is_ascii(const uint8_t* s, Py_ssize_t n) noexcept nogil:
    cdef Py_ssize_t i = 0
    cdef uint64_t word
    while i + 8 <= n:
        memcpy(&word, s + i, 8)  # unaligned load, compiled to one mov
        if word & HIGH_BITS:
            return False
        i += 8
    while i < n:
        if s[i] & 0x80:
            return False
        i += 1
    return True


cdef extern from *:
    """
    #if defined(__GNUC__) || defined(__clang__)
    #define MLEBENCH_CTZ64(x) __builtin_ctzll(x)
    #define MLEBENCH_CLZ64(x) __builtin_clzll(x)
    #define MLEBENCH_PREFETCH(p) __builtin_prefetch(p)
    #else
    #define MLEBENCH_PREFETCH(p) ((void) 0)
    static int MLEBENCH_CTZ64(unsigned long long x) { int n = 0; while (!(x & 1)) { x >>= 1; n++; } return n; }
    static int MLEBENCH_CLZ64(unsigned long long x) { int n = 0; while (!(x >> 63)) { x <<= 1; n++; } return n; }
    #endif
    #if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    #define MLEBENCH_LITTLE_ENDIAN 0
    #else
    #define MLEBENCH_LITTLE_ENDIAN 1
    #endif
    """
    int MLEBENCH_CTZ64(uint64_t x) nogil
    int MLEBENCH_CLZ64(uint64_t x) nogil
    void MLEBENCH_PREFETCH(const void* p) nogil
    bint MLEBENCH_LITTLE_ENDIAN


cdef inline Py_ssize_t _common_prefix(const uint8_t* a, const uint8_t* b,
                                      Py_ssize_t n) noexcept nogil:
    # Eight bytes per step: InChI pairs share most of their length.
    cdef Py_ssize_t i = 0
    cdef uint64_t x, y
    if MLEBENCH_LITTLE_ENDIAN:
        while i + 8 <= n:
            memcpy(&x, a + i, 8)
            memcpy(&y, b + i, 8)
            if x != y:
                return i + (MLEBENCH_CTZ64(x ^ y) >> 3)
            i += 8
    while i < n and a[i] == b[i]:
        i += 1
    return i


cdef inline Py_ssize_t _common_suffix(const uint8_t* a_end, const uint8_t* b_end,
                                      Py_ssize_t n) noexcept nogil:
    cdef Py_ssize_t i = 0
    cdef uint64_t x, y
    if MLEBENCH_LITTLE_ENDIAN:
        while i + 8 <= n:
            memcpy(&x, a_end - i - 8, 8)
            memcpy(&y, b_end - i - 8, 8)
            if x != y:
                return i + (MLEBENCH_CLZ64(x ^ y) >> 3)
            i += 8
    while i < n and a_end[-1 - i] == b_end[-1 - i]:
        i += 1
    return i


cdef enum:
    NOT_SUBSTITUTIONS = -1


cdef uint64_t LOW_BITS = ~HIGH_BITS


cdef inline Py_ssize_t _differing_bytes(const uint8_t* a, const uint8_t* b,
                                        Py_ssize_t n) noexcept nogil:
    # How many of the n bytes differ, if at most three and all are ASCII; else
    # NOT_SUBSTITUTIONS.
    cdef Py_ssize_t i = 0, count = 0
    cdef uint64_t x, y, t, high = 0
    while i + 8 <= n:
        memcpy(&x, a + i, 8)
        memcpy(&y, b + i, 8)
        high |= x | y
        t = x ^ y
        # the top bit of each byte of t that is not zero, then the bytes summed by a multiply
        t = (((t & LOW_BITS) + LOW_BITS) | t) & HIGH_BITS
        count += <Py_ssize_t> (((t >> 7) * 0x0101010101010101ULL) >> 56)
        if count > 3:
            return NOT_SUBSTITUTIONS
        i += 8
    while i < n:
        high |= a[i] | b[i]
        count += a[i] != b[i]
        i += 1
    if count > 3 or high & HIGH_BITS:
        return NOT_SUBSTITUTIONS
    return count


cdef inline Py_ssize_t _few_substitutions(const uint8_t* a, const uint8_t* b,
                                          Py_ssize_t n) noexcept nogil:
    # The distance of two ASCII strings of one length whose first bytes differ and whose last
    # bytes differ, when at most three of their bytes differ (else NOT_SUBSTITUTIONS). The
    # distance is at most that count, never 0, and a single edit that keeps the length is one
    # substitution: one or two differing bytes are the distance. With three, the distance is 2
    # only through one deletion and one insertion; matching the first (last) bytes would then
    # need one of them at the start and the other at the end: a shifted by one equals b.
    cdef Py_ssize_t count = _differing_bytes(a, b, n)
    if count != 3:
        return count
    if _same_bytes(a + 1, b, n - 1) or _same_bytes(a, b + 1, n - 1):
        return 2
    return 3


cdef Py_ssize_t _decode_utf8(const uint8_t* s, Py_ssize_t n, uint32_t* out) noexcept nogil:
    # Arrow guarantees valid UTF-8, so the lead byte alone gives the sequence length.
    cdef Py_ssize_t i = 0, k = 0
    cdef uint32_t c
    while i < n:
        c = s[i]
        if c < 0x80:
            i += 1
        elif c < 0xE0:
            c = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F)
            i += 2
        elif c < 0xF0:
            c = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F)
            i += 3
        else:
            c = (((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6)
                 | (s[i + 3] & 0x3F))
            i += 4
        out[k] = c
        k += 1
    return k


cdef int64_t _myers(const sym_t* p, Py_ssize_t m, const sym_t* t, Py_ssize_t n,
                    uint64_t* peq, uint64_t* vp_words, uint64_t* vn_words) noexcept nogil:
    # Requires 0 < m; peq zero on entry, left zero on exit.
    cdef Py_ssize_t words = (m + 63) >> 6
    cdef Py_ssize_t i, j, w
    cdef uint64_t eq, x, d0, hp, hn, vp, vn, hp_carry, hn_carry, hp_next, hn_next
    cdef uint64_t last = (<uint64_t> 1) << ((m - 1) & 63)
    cdef int64_t dist = m

    for i in range(m):
        peq[<Py_ssize_t> p[i] * words + (i >> 6)] |= (<uint64_t> 1) << (i & 63)

    if words == 1:
        vp = ~(<uint64_t> 0)
        vn = 0
        for j in range(n):
            eq = peq[t[j]]
            x = eq | vn
            d0 = (((eq & vp) + vp) ^ vp) | x
            hp = vn | ~(d0 | vp)
            hn = vp & d0
            if hp & last:
                dist += 1
            elif hn & last:
                dist -= 1
            # Row 0 of the DP matrix grows by one per text symbol: shift in a +1.
            hp = (hp << 1) | 1
            hn = hn << 1
            vp = hn | ~(x | hp)
            vn = hp & x
    else:
        for w in range(words):
            vp_words[w] = ~(<uint64_t> 0)
            vn_words[w] = 0
        for j in range(n):
            hp_carry = 1
            hn_carry = 0
            for w in range(words):
                eq = peq[<Py_ssize_t> t[j] * words + w]
                vp = vp_words[w]
                vn = vn_words[w]
                # A negative horizontal delta entering the block acts like a match in row 0.
                x = eq | hn_carry
                d0 = (((x & vp) + vp) ^ vp) | x | vn
                hp = vn | ~(d0 | vp)
                hn = d0 & vp
                if w == words - 1:
                    if hp & last:
                        dist += 1
                    elif hn & last:
                        dist -= 1
                hp_next = hp >> 63
                hn_next = hn >> 63
                hp = (hp << 1) | hp_carry
                hn = (hn << 1) | hn_carry
                hp_carry = hp_next
                hn_carry = hn_next
                vp_words[w] = hn | ~(d0 | hp)
                vn_words[w] = hp & d0

    for i in range(m):
        peq[<Py_ssize_t> p[i] * words + (i >> 6)] = 0
    return dist


cdef enum:
    # Diagonal search is tried first up to this many edits; past it, Myers' cost does not depend
    # on the distance and the diagonal search would only add to it.
    MAX_DIAGONAL_EDITS = 8
    DIAGONALS = 2 * MAX_DIAGONAL_EDITS + 3
    UNREACHED = -(1 << 30)


cdef int64_t _diagonal(const sym_t* a, Py_ssize_t m, const sym_t* b, Py_ssize_t n) noexcept nogil:
    # Landau-Vishkin: furthest row reached on each diagonal with e edits, for growing e; O(n + e^2)
    # for near-identical strings, where the bit-parallel scan still walks the whole text.
    # Requires m <= n. Returns -1 when the distance exceeds MAX_DIAGONAL_EDITS.
    cdef Py_ssize_t far[2][DIAGONALS]
    cdef Py_ssize_t e, k, i, lo, hi, best
    cdef Py_ssize_t goal = n - m
    cdef int cur = 0, prev = 1
    if goal > MAX_DIAGONAL_EDITS:
        return -1
    # Diagonal k (column - row) is stored at index k + MAX_DIAGONAL_EDITS + 1. Step e reads
    # step e - 1's diagonals up to two beyond those it reached, which are marked UNREACHED
    # after each step instead of clearing the whole table per pair.
    i = 0
    while i < m and a[i] == b[i]:
        i += 1
    far[cur][MAX_DIAGONAL_EDITS + 1] = i
    if goal == 0 and i == m:
        return 0
    far[cur][MAX_DIAGONAL_EDITS - 1] = UNREACHED
    far[cur][MAX_DIAGONAL_EDITS] = UNREACHED
    far[cur][MAX_DIAGONAL_EDITS + 2] = UNREACHED
    far[cur][MAX_DIAGONAL_EDITS + 3] = UNREACHED
    for e in range(1, MAX_DIAGONAL_EDITS + 1):
        cur, prev = prev, cur
        lo = -e if -e > -m else -m
        hi = e if e < n else n
        for k in range(lo, hi + 1):
            # Substitution stays on k; an insertion comes from k - 1 (same row), a deletion from
            # k + 1 (next row). Diagonals with |k| = e have one reached neighbour; UNREACHED
            # (hugely negative) loses every max.
            best = far[prev][k + MAX_DIAGONAL_EDITS + 1] + 1
            i = far[prev][k + MAX_DIAGONAL_EDITS]
            if i > best:
                best = i
            i = far[prev][k + MAX_DIAGONAL_EDITS + 2] + 1
            if i > best:
                best = i
            if best > m:
                best = m
            if best + k > n:
                best = n - k
            if sym_t is uint8_t:
                if best < m and best + k < n:
                    best += _common_prefix(a + best, b + best + k,
                                           m - best if m - best < n - best - k else n - best - k)
            else:
                while best < m and best + k < n and a[best] == b[best + k]:
                    best += 1
            far[cur][k + MAX_DIAGONAL_EDITS + 1] = best
        if e >= goal and far[cur][goal + MAX_DIAGONAL_EDITS + 1] >= m:
            return e
        if e < MAX_DIAGONAL_EDITS:
            far[cur][lo + MAX_DIAGONAL_EDITS - 1] = UNREACHED
            far[cur][lo + MAX_DIAGONAL_EDITS] = UNREACHED
            far[cur][hi + MAX_DIAGONAL_EDITS + 2] = UNREACHED
            far[cur][hi + MAX_DIAGONAL_EDITS + 3] = UNREACHED
    return -1


cdef int64_t _distance_ascii(const uint8_t* a, Py_ssize_t la, const uint8_t* b, Py_ssize_t lb,
                             Workspace* ws) noexcept nogil:
    # Requires 0 < la, 0 < lb, and no common first or last byte (the caller strips them).
    cdef Py_ssize_t tmp_len
    cdef const uint8_t* tmp
    cdef int64_t dist
    if la > lb:
        tmp = a
        a = b
        b = tmp
        tmp_len = la
        la = lb
        lb = tmp_len
    dist = _diagonal(a, la, b, lb)
    if dist >= 0:
        return dist
    if _reserve(ws, 256, (la + 63) >> 6) != 0:
        return -1
    return _myers(a, la, b, lb, ws.peq, ws.vp, ws.vn)


cdef int64_t _distance_unicode(const uint8_t* a, Py_ssize_t na, const uint8_t* b, Py_ssize_t nb,
                               Workspace* ws) noexcept nogil:
    # Requires 0 < na, 0 < nb, and no common first or last code point (the caller strips them).
    cdef Py_ssize_t la, lb, i, tmp_len
    cdef uint32_t* pa
    cdef uint32_t* pb
    cdef uint32_t* tmp
    cdef uint32_t k = 0
    cdef uint32_t sym
    cdef int64_t dist
    if na + nb > ws.cp_cap:
        free(ws.cp_a)
        free(ws.cp_b)
        free(ws.distinct)
        ws.cp_cap = na + nb
        ws.cp_a = <uint32_t*> malloc(ws.cp_cap * sizeof(uint32_t))
        ws.cp_b = <uint32_t*> malloc(ws.cp_cap * sizeof(uint32_t))
        ws.distinct = <uint32_t*> malloc(ws.cp_cap * sizeof(uint32_t))
        if ws.cp_a == NULL or ws.cp_b == NULL or ws.distinct == NULL:
            ws.cp_cap = 0
            return -1
    if ws.symbol_of == NULL:
        ws.symbol_of = <uint32_t*> calloc(MAX_CODE_POINT, sizeof(uint32_t))
        if ws.symbol_of == NULL:
            return -1
    pa = ws.cp_a
    pb = ws.cp_b
    la = _decode_utf8(a, na, pa)
    lb = _decode_utf8(b, nb, pb)
    if la > lb:
        tmp = pa
        pa = pb
        pb = tmp
        tmp_len = la
        la = lb
        lb = tmp_len
    dist = _diagonal(<const uint32_t*> pa, la, <const uint32_t*> pb, lb)
    if dist >= 0:
        return dist
    # Renumber in place: the decoded buffers are scratch space.
    for i in range(la):
        sym = ws.symbol_of[pa[i]]
        if sym == 0:
            ws.distinct[k] = pa[i]
            k += 1
            sym = k
            ws.symbol_of[pa[i]] = sym
        pa[i] = sym
    for i in range(lb):
        pb[i] = ws.symbol_of[pb[i]]
    for i in range(k):
        ws.symbol_of[ws.distinct[i]] = 0
    dist = -1
    if _reserve(ws, k + 1, (la + 63) >> 6) == 0:
        dist = _myers(<const uint32_t*> pa, la, <const uint32_t*> pb, lb, ws.peq, ws.vp, ws.vn)
    return dist


cdef inline bint _continuation(uint8_t c) noexcept nogil:
    return (c & 0xC0) == 0x80


cdef inline Py_ssize_t _code_points(const uint8_t* s, Py_ssize_t n) noexcept nogil:
    cdef Py_ssize_t i, count = 0
    for i in range(n):
        count += not _continuation(s[i])
    return count


cdef int64_t _pair_distance(const uint8_t* a, Py_ssize_t na, const uint8_t* b, Py_ssize_t nb,
                            Workspace* ws) noexcept nogil:
    # The common prefix and suffix are stripped on the bytes, whatever the script, then moved
    # back to a code point boundary: equal bytes up to a boundary are equal code points, and
    # the leftover middles (often ASCII even in a non-ASCII sentence) are all that is decoded.
    cdef Py_ssize_t common = _common_prefix(a, b, na if na < nb else nb)
    # Inside a multi-byte character the next byte of a (or b) is a continuation byte.
    while common > 0 and ((common < na and _continuation(a[common]))
                          or (common < nb and _continuation(b[common]))):
        common -= 1
    a += common
    b += common
    na -= common
    nb -= common
    common = _common_suffix(a + na, b + nb, na if na < nb else nb)
    # The shared suffix must start on a lead byte (its bytes are the same in a and b).
    while common > 0 and _continuation(a[na - common]):
        common -= 1
    na -= common
    nb -= common
    cdef Py_ssize_t few
    if na == 0:
        return _code_points(b, nb)
    if nb == 0:
        return _code_points(a, na)
    if na == nb:
        few = _few_substitutions(a, b, na)
        if few != NOT_SUBSTITUTIONS:
            return few
    if _is_ascii(a, na) and _is_ascii(b, nb):
        return _distance_ascii(a, na, b, nb, ws)
    return _distance_unicode(a, na, b, nb, ws)


cdef inline void _workspace_init(Workspace* ws) noexcept nogil:
    ws.peq = NULL
    ws.peq_cap = 0
    ws.vp = NULL
    ws.vn = NULL
    ws.vec_cap = 0
    ws.cp_a = NULL
    ws.cp_b = NULL
    ws.distinct = NULL
    ws.cp_cap = 0
    ws.symbol_of = NULL


cdef inline void _workspace_free(Workspace* ws) noexcept nogil:
    free(ws.peq)
    free(ws.vp)
    free(ws.vn)
    free(ws.cp_a)
    free(ws.cp_b)
    free(ws.distinct)
    free(ws.symbol_of)
    _workspace_init(ws)


cdef struct Source:
    const int64_t* offsets   # large-string layout, or NULL
    const uint8_t* data
    const uint8_t* views     # string-view layout, or NULL
    const uint64_t* buffers


cdef class Utf8Column:
    """Read-only view of an Arrow UTF-8 column for the kernels, built from either layout:
    large-string (int64 offsets + one data buffer) or string-view (16-byte views + variadic data
    buffers; what Polars hands out without a copy). Keeps its sources alive."""
    cdef Source src
    cdef readonly Py_ssize_t rows
    cdef object _keep

    @staticmethod
    def from_offsets(const int64_t[::1] offsets, const uint8_t[::1] data):
        """``offsets``: rows + 1 absolute positions in ``data`` (which must not be empty)."""
        cdef Utf8Column col = Utf8Column.__new__(Utf8Column)
        col.rows = offsets.shape[0] - 1 if offsets.shape[0] else 0
        col.src.offsets = &offsets[0] if offsets.shape[0] else NULL
        col.src.data = &data[0]
        col.src.views = NULL
        col.src.buffers = NULL
        col._keep = (offsets, data)
        return col

    @staticmethod
    def from_views(const uint8_t[:, ::1] views, const uint64_t[::1] buffers, keepalive):
        """``views``: (rows, 16) Arrow string views; ``buffers``: addresses of the variadic data
        buffers, which ``keepalive`` must own."""
        cdef Utf8Column col = Utf8Column.__new__(Utf8Column)
        if views.shape[1] != 16:
            raise ValueError("Arrow string views are 16 bytes wide.")
        col.rows = views.shape[0]
        col.src.offsets = NULL
        col.src.data = NULL
        col.src.views = &views[0, 0] if views.shape[0] else NULL
        col.src.buffers = &buffers[0] if buffers.shape[0] else NULL
        col._keep = (views, buffers, keepalive)
        return col


cdef enum:
    # Rows paired through b_rows land anywhere in memory; asking for them this many pairs ahead
    # overlaps the cache misses (the view first, then, once it has arrived, the bytes it points to).
    VIEW_AHEAD = 16
    DATA_AHEAD = 8


cdef inline void _prefetch_view(const Source* col, Py_ssize_t r) noexcept nogil:
    if col.offsets != NULL:
        MLEBENCH_PREFETCH(col.offsets + r)
    else:
        MLEBENCH_PREFETCH(col.views + 16 * r)


cdef inline void _prefetch_data(const Source* col, Py_ssize_t r) noexcept nogil:
    cdef Py_ssize_t size
    MLEBENCH_PREFETCH(_row(col, r, &size))


cdef inline const uint8_t* _row(const Source* col, Py_ssize_t r, Py_ssize_t* size) noexcept nogil:
    cdef const uint8_t* view
    cdef int32_t length, index, offset
    if col.offsets != NULL:
        size[0] = col.offsets[r + 1] - col.offsets[r]
        return col.data + col.offsets[r]
    view = col.views + 16 * r
    memcpy(&length, view, 4)
    size[0] = length
    if length <= 12:
        return view + 4  # short strings are stored inline
    memcpy(&index, view + 8, 4)
    memcpy(&offset, view + 12, 4)
    return <const uint8_t*> <uintptr_t> col.buffers[index] + offset


def distances(Utf8Column a, Utf8Column b, const int64_t[::1] b_rows=None,
              out=None, Py_ssize_t start=0, Py_ssize_t stop=-1):
    """Levenshtein distance of every row pair, in code points, as an int64 array.

    With ``b_rows``, row ``r`` of ``a`` is paired with row ``b_rows[r]`` of ``b``: callers pair
    rows matched by id without gathering (copying) the strings first. With ``out``, only rows
    ``start`` to ``stop`` (-1: the last) are computed, into ``out``, without the GIL: threads
    can share one call's rows.
    """
    cdef Py_ssize_t rows = a.rows
    cdef bint indirect = b_rows is not None
    if (b_rows.shape[0] if indirect else b.rows) != rows:
        msg = f"Both columns must have the same number of rows, got {rows} and {b.rows}."
        raise ValueError(msg)
    if stop < 0:
        stop = rows
    if not 0 <= start <= stop <= rows:
        raise IndexError(f"Rows {start} to {stop} are not within 0 to {rows}.")
    out_arr = np.empty(rows, dtype=np.int64) if out is None else out
    cdef int64_t[::1] result = out_arr
    if result.shape[0] != rows:
        raise ValueError(f"out must have {rows} rows, got {result.shape[0]}.")
    cdef Workspace ws
    cdef Py_ssize_t r, na, nb, ahead
    cdef Py_ssize_t b_count = b.rows
    cdef const uint8_t* sa
    cdef const uint8_t* sb
    cdef int64_t d = 0
    _workspace_init(&ws)
    with nogil:
        for r in range(start, stop):
            if indirect:
                if b_rows[r] < 0 or b_rows[r] >= b_count:
                    d = -2
                    break
                # Rows out of range are left for their own turn to report: a prefetch of the
                # data reads the row's view or offsets, which must exist.
                if r + VIEW_AHEAD < stop:
                    _prefetch_view(&b.src, b_rows[r + VIEW_AHEAD])
                if r + DATA_AHEAD < stop:
                    ahead = b_rows[r + DATA_AHEAD]
                    if 0 <= ahead < b_count:
                        _prefetch_data(&b.src, ahead)
            sa = _row(&a.src, r, &na)
            sb = _row(&b.src, b_rows[r] if indirect else r, &nb)
            d = _pair_distance(sa, na, sb, nb, &ws)
            if d < 0:
                break
            result[r] = d
        _workspace_free(&ws)
    if d == -2:
        raise IndexError(f"b_rows must index rows of b (0 to {b.rows - 1}).")
    if d == -1:
        raise MemoryError("Levenshtein kernel could not allocate its workspace.")
    return out_arr


cdef inline uint64_t _mix(uint64_t h) noexcept nogil:
    h ^= h >> 33
    h *= 0xff51afd7ed558ccdULL
    h ^= h >> 33
    h *= 0xc4ceb9fe1a85ec53ULL
    h ^= h >> 33
    return h


cdef inline uint64_t _load32(const uint8_t* p) noexcept nogil:
    cdef uint32_t word
    memcpy(&word, p, 4)
    return word


cdef inline uint64_t _hash_key(const uint8_t* p, Py_ssize_t n) noexcept nogil:
    # Eight bytes per multiply (ids are short: one or two steps), the tail read as two
    # overlapping 4-byte words or three single bytes (never past the key, never a variable-length
    # copy), then a full finaliser, so the slot (low bits) and the tag (high bits) both depend on
    # every byte.
    cdef uint64_t h = 0x9e3779b97f4a7c15ULL ^ (<uint64_t> n * 0xff51afd7ed558ccdULL)
    cdef uint64_t word
    while n >= 8:
        memcpy(&word, p, 8)
        h = (h ^ word) * 0x100000001b3ULL
        h ^= h >> 29
        p += 8
        n -= 8
    if n >= 4:
        word = _load32(p) | (_load32(p + n - 4) << 32)
        h = (h ^ word) * 0x100000001b3ULL
    elif n:
        word = p[0] | (<uint64_t> p[n >> 1] << 8) | (<uint64_t> p[n - 1] << 16)
        h = (h ^ word) * 0x100000001b3ULL
    return _mix(h)


cdef inline bint _same_bytes(const uint8_t* a, const uint8_t* b, Py_ssize_t n) noexcept nogil:
    # Ids are short: a word-wise compare beats a call to memcmp.
    cdef uint64_t x, y
    while n >= 8:
        memcpy(&x, a, 8)
        memcpy(&y, b, 8)
        if x != y:
            return False
        a += 8
        b += 8
        n -= 8
    while n > 0:
        if a[0] != b[0]:
            return False
        a += 1
        b += 1
        n -= 1
    return True


cdef enum:
    # A slot holds an entry's offset in the blob + 1 (low 40 bits; 0 = empty) and the top 24
    # bits of its key's hash, so most probes that miss never touch the blob.
    OFFSET_BITS = 40
    ENTRY_HEADER = 12        # uint32 row, uint32 key length, uint32 text length
    # Keys are hashed this many rows ahead and their slots read half as far ahead, each with a
    # prefetch, so the two dependent cache misses of a look-up overlap with other rows' work
    # (twice as far ahead as first written, and three lines of each entry: a header, a short
    # key and a 50-byte text straddle three lines often enough; 4-5% faster on bms).
    HASH_AHEAD = 32
    SLOT_AHEAD = 16
    RING = 64                # a power of two > HASH_AHEAD


cdef uint64_t OFFSET_MASK = ((<uint64_t> 1) << OFFSET_BITS) - 1


cdef class KeyedTexts:
    """The rows of a (key, text) pair of UTF-8 columns, found by key: each entry's key and text
    lie next to each other in one buffer, so a look-up and the text it leads to cost one cache
    miss in the slots and one in the entry. ``unique`` is False when a key repeats (then only
    its first row is found)."""

    cdef object _slots_arr
    cdef object _blob_arr
    cdef const uint64_t* slots
    cdef const uint8_t* blob
    cdef uint64_t mask
    cdef readonly Py_ssize_t rows
    cdef readonly bint unique

    def __init__(self, Utf8Column keys, Utf8Column texts):
        if keys.rows != texts.rows:
            raise ValueError(f"Expected as many keys as texts, got {keys.rows} and {texts.rows}.")
        cdef Py_ssize_t n = keys.rows, r, kn, tn, total = 0
        cdef const uint8_t* k
        cdef const uint8_t* t
        for r in range(n):
            _row(&keys.src, r, &kn)
            _row(&texts.src, r, &tn)
            total += ENTRY_HEADER + kn + tn
        if n >= (<Py_ssize_t> 1) << 32 or total + 1 >= (<Py_ssize_t> 1) << OFFSET_BITS:
            raise ValueError("Too many keys or bytes for a KeyedTexts.")
        cdef uint64_t capacity = 16
        while capacity < <uint64_t> (2 * n + 2):
            capacity <<= 1
        self._slots_arr = np.zeros(capacity, dtype=np.uint64)
        self._blob_arr = np.empty(max(total, 1), dtype=np.uint8)
        cdef uint64_t[::1] slots = self._slots_arr
        cdef uint8_t[::1] blob_view = self._blob_arr
        cdef uint8_t* blob = &blob_view[0]
        self.slots = &slots[0]
        self.blob = blob
        self.mask = capacity - 1
        self.rows = n
        self.unique = True
        cdef uint64_t h, slot, tag, at = 0
        cdef uint32_t header[3]
        cdef bint repeated = False
        with nogil:
            for r in range(n):
                k = _row(&keys.src, r, &kn)
                t = _row(&texts.src, r, &tn)
                h = _hash_key(k, kn)
                if self._probe(h, k, kn) != NULL:
                    repeated = True
                    continue
                slot = h & self.mask
                while slots[slot] != 0:
                    slot = (slot + 1) & self.mask
                tag = h >> OFFSET_BITS
                slots[slot] = (tag << OFFSET_BITS) | (at + 1)
                header[0] = <uint32_t> r
                header[1] = <uint32_t> kn
                header[2] = <uint32_t> tn
                memcpy(blob + at, header, ENTRY_HEADER)
                memcpy(blob + at + ENTRY_HEADER, k, kn)
                memcpy(blob + at + ENTRY_HEADER + kn, t, tn)
                at += ENTRY_HEADER + kn + tn
        self.unique = not repeated

    cdef inline const uint8_t* _probe(self, uint64_t h, const uint8_t* key,
                                      Py_ssize_t length) noexcept nogil:
        """The entry whose key is ``key`` (its hash ``h``), or NULL."""
        cdef uint64_t slot = h & self.mask
        cdef uint64_t tag = h >> OFFSET_BITS
        cdef uint64_t value
        cdef uint32_t key_length
        cdef const uint8_t* entry
        while True:
            value = self.slots[slot]
            if value == 0:
                return NULL
            if (value >> OFFSET_BITS) == tag:
                entry = self.blob + (value & OFFSET_MASK) - 1
                memcpy(&key_length, entry + 4, 4)
                if key_length == length and _same_bytes(entry + ENTRY_HEADER, key, length):
                    return entry
            slot = (slot + 1) & self.mask

    def distances(self, Utf8Column keys, Utf8Column texts, int64_t[::1] rows_out,
                  int64_t[::1] distances_out, Py_ssize_t start, Py_ssize_t stop,
                  uint8_t[::1] abort):
        """For rows ``start`` to ``stop`` of ``keys``/``texts``: the row of the entry keyed by
        the key (into ``rows_out``) and the Levenshtein distance between its text and the
        entry's (into ``distances_out``). Runs without the GIL, so threads can share the rows.

        Returns False, and sets ``abort[0]``, at the first key that is not here; stops early
        (True) when another thread has set ``abort[0]``.
        """
        cdef Py_ssize_t rows = keys.rows
        if texts.rows != rows or rows_out.shape[0] != rows or distances_out.shape[0] != rows:
            raise ValueError("keys, texts and both outputs must have the same number of rows.")
        if not 0 <= start <= stop <= rows:
            raise IndexError(f"Rows {start} to {stop} are not within 0 to {rows}.")
        if abort.shape[0] < 1:
            raise ValueError("abort must hold one byte.")
        cdef uint64_t hashes[RING]
        cdef Workspace ws
        cdef Py_ssize_t r, kn, tn, en
        cdef uint64_t value, h
        cdef uint32_t entry_row, key_length, text_length
        cdef const uint8_t* k
        cdef const uint8_t* t
        cdef const uint8_t* entry
        cdef int64_t d = 0
        _workspace_init(&ws)
        with nogil:
            for r in range(start, stop if stop < start + HASH_AHEAD else start + HASH_AHEAD):
                k = _row(&keys.src, r, &kn)
                hashes[r & (RING - 1)] = _hash_key(k, kn)
                MLEBENCH_PREFETCH(self.slots + (hashes[r & (RING - 1)] & self.mask))
            for r in range(start, stop):
                if r + HASH_AHEAD < stop:
                    k = _row(&keys.src, r + HASH_AHEAD, &kn)
                    h = _hash_key(k, kn)
                    hashes[(r + HASH_AHEAD) & (RING - 1)] = h
                    MLEBENCH_PREFETCH(self.slots + (h & self.mask))
                if r + SLOT_AHEAD < stop:
                    value = self.slots[hashes[(r + SLOT_AHEAD) & (RING - 1)] & self.mask]
                    if value != 0:
                        entry = self.blob + (value & OFFSET_MASK) - 1
                        MLEBENCH_PREFETCH(entry)
                        MLEBENCH_PREFETCH(entry + 64)
                        MLEBENCH_PREFETCH(entry + 128)
                if (r & 1023) == 0 and abort[0]:
                    break
                k = _row(&keys.src, r, &kn)
                entry = self._probe(hashes[r & (RING - 1)], k, kn)
                if entry == NULL:
                    abort[0] = 1
                    d = -2
                    break
                memcpy(&entry_row, entry, 4)
                memcpy(&key_length, entry + 4, 4)
                memcpy(&text_length, entry + 8, 4)
                t = _row(&texts.src, r, &tn)
                d = _pair_distance(entry + ENTRY_HEADER + key_length, text_length, t, tn, &ws)
                if d < 0:
                    abort[0] = 1
                    break
                rows_out[r] = entry_row
                distances_out[r] = d
            _workspace_free(&ws)
        if d == -1:
            raise MemoryError("Levenshtein kernel could not allocate its workspace.")
        return d != -2


def is_permutation(const int64_t[::1] rows):
    """Whether ``rows`` (each within 0 to len - 1) holds every row exactly once."""
    cdef Py_ssize_t n = rows.shape[0], r
    cdef int64_t row
    seen_arr = np.zeros(n, dtype=np.uint8)
    cdef uint8_t[::1] seen = seen_arr
    cdef bint ok = True
    with nogil:
        for r in range(n):
            row = rows[r]
            if row < 0 or row >= n or seen[row]:
                ok = False
                break
            seen[row] = 1
    return ok
