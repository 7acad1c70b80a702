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
    for k in range(DIAGONALS):
        far[0][k] = UNREACHED
        far[1][k] = UNREACHED
    # Diagonal k (column - row) is stored at index k + MAX_DIAGONAL_EDITS + 1.
    i = 0
    while i < m and a[i] == b[i]:
        i += 1
    far[cur][MAX_DIAGONAL_EDITS + 1] = i
    if goal == 0 and i == m:
        return 0
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
            while best < m and best + k < n and a[best] == b[best + k]:
                best += 1
            far[cur][k + MAX_DIAGONAL_EDITS + 1] = best
        if far[cur][goal + MAX_DIAGONAL_EDITS + 1] >= m:
            return e
    return -1


cdef int64_t _distance_ascii(const uint8_t* a, Py_ssize_t la, const uint8_t* b, Py_ssize_t lb,
                             Workspace* ws) noexcept nogil:
    cdef Py_ssize_t tmp_len
    cdef const uint8_t* tmp
    cdef int64_t dist
    cdef Py_ssize_t common
    common = _common_prefix(a, b, la if la < lb else lb)
    a += common
    b += common
    la -= common
    lb -= common
    common = _common_suffix(a + la, b + lb, la if la < lb else lb)
    la -= common
    lb -= common
    if la > lb:
        tmp = a
        a = b
        b = tmp
        tmp_len = la
        la = lb
        lb = tmp_len
    if la == 0:
        return lb
    dist = _diagonal(a, la, b, lb)
    if dist >= 0:
        return dist
    if _reserve(ws, 256, (la + 63) >> 6) != 0:
        return -1
    return _myers(a, la, b, lb, ws.peq, ws.vp, ws.vn)


cdef int64_t _distance_unicode(const uint8_t* a, Py_ssize_t na, const uint8_t* b, Py_ssize_t nb,
                               Workspace* ws) noexcept nogil:
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
    while la > 0 and lb > 0 and pa[0] == pb[0]:
        pa += 1
        pb += 1
        la -= 1
        lb -= 1
    while la > 0 and lb > 0 and pa[la - 1] == pb[lb - 1]:
        la -= 1
        lb -= 1
    if la > lb:
        tmp = pa
        pa = pb
        pb = tmp
        tmp_len = la
        la = lb
        lb = tmp_len
    if la == 0:
        return lb
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


def distances(Utf8Column a, Utf8Column b, const int64_t[::1] b_rows=None):
    """Levenshtein distance of every row pair, in code points, as an int64 array.

    With ``b_rows``, row ``r`` of ``a`` is paired with row ``b_rows[r]`` of ``b``: callers pair
    rows matched by id without gathering (copying) the strings first.
    """
    cdef Py_ssize_t rows = a.rows
    cdef bint indirect = b_rows is not None
    if (b_rows.shape[0] if indirect else b.rows) != rows:
        msg = f"Both columns must have the same number of rows, got {rows} and {b.rows}."
        raise ValueError(msg)
    if indirect and rows and (np.min(b_rows) < 0 or np.max(b_rows) >= b.rows):
        msg = f"b_rows must index rows of b (0 to {b.rows - 1})."
        raise IndexError(msg)
    out_arr = np.empty(rows, dtype=np.int64)
    cdef int64_t[::1] out = out_arr
    cdef Workspace ws
    cdef Py_ssize_t r, na, nb
    cdef const uint8_t* sa
    cdef const uint8_t* sb
    cdef int64_t d
    cdef bint failed = False
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
    with nogil:
        for r in range(rows):
            if indirect:
                if r + VIEW_AHEAD < rows:
                    _prefetch_view(&b.src, b_rows[r + VIEW_AHEAD])
                if r + DATA_AHEAD < rows:
                    _prefetch_data(&b.src, b_rows[r + DATA_AHEAD])
            sa = _row(&a.src, r, &na)
            sb = _row(&b.src, b_rows[r] if indirect else r, &nb)
            if _is_ascii(sa, na) and _is_ascii(sb, nb):
                d = _distance_ascii(sa, na, sb, nb, &ws)
            else:
                d = _distance_unicode(sa, na, sb, nb, &ws)
            if d < 0:
                failed = True
                break
            out[r] = d
        free(ws.peq)
        free(ws.vp)
        free(ws.vn)
        free(ws.cp_a)
        free(ws.cp_b)
        free(ws.distinct)
        free(ws.symbol_of)
    if failed:
        raise MemoryError("Levenshtein kernel could not allocate its workspace.")
    return out_arr
