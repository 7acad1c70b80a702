"""The fast path of ``mlebench_fast.io.csv.read_csv``: pandas' tokenizer and type inference in C.

One pass over the file's bytes tokenizes the default dialect as pandas' C tokenizer does (comma,
double quotes with ``""`` escapes, LF and CRLF line ends, blank and whitespace-only lines skipped,
quoted fields holding newlines) and checks them (valid UTF-8, no NUL byte, every CR followed by
LF), recording every cell as an Arrow string view; then each column (each of pandas' low-memory
chunks of it) is typed with pandas' rules (NA strings, int64 -> uint64 -> float64 -> bool ->
object, with the overflow quirks) straight into numpy arrays, in one pass over its cells (the
kind guessed from the first non-NA cell, revised as cells contradict it; ``_infer_chunk``, the
multi-pass rules themselves, types what the guesses do not cover). Text columns become Arrow
string views into the file's own bytes: no Python ``str`` per cell. The file is never written to.

Big files are parsed by several threads (``Reader``: the file cut at line ends into parts
tokenized at once, then pandas' chunks typed at once); the result is the one-thread result.

``read`` returns None for anything this path does not reproduce exactly (a stray quote, an
unterminated quote, a bare CR, invalid UTF-8, a NUL byte, a row longer than the table, no data
rows, chunks typed differently...); the caller then reads the file with the general path.

Floats are correctly rounded: a plain decimal whose digits make at most 2**53 is one correctly
rounded division by an exact power of ten (Clinger's fast path), the Eisel-Lemire algorithm
decides almost every other cell with a 128-bit power of five and one 64x128-bit product, and
whatever it cannot decide (ties it cannot prove, more than 19 digits, subnormals, overflow) goes
to ``PyOS_string_to_double`` -- the very function pandas' ``round_trip`` converter calls.
"""

from cpython.ref cimport PyObject
from libc.stdint cimport int32_t, int64_t, uint8_t, uint64_t
from libc.math cimport INFINITY, NAN
from libc.stdlib cimport calloc, free, malloc, realloc
from libc.string cimport memchr, memcmp, memcpy, memset

import numpy as np

cdef extern from "Python.h":
    double PyOS_string_to_double(const char *s, char **endptr, PyObject *overflow_exception)
    PyObject *PyErr_Occurred()
    void PyErr_Clear()

cdef extern from *:
    """
    #include "swar_digits.h"
    static inline void mlf_mul64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo) {
        unsigned __int128 p = (unsigned __int128)a * b;
        *hi = (uint64_t)(p >> 64);
        *lo = (uint64_t)p;
    }
    static inline int mlf_clz64(uint64_t x) { return __builtin_clzll(x); }
    #if defined(__linux__)
    #include <sys/mman.h>
    #endif
    /* Asks for transparent huge pages on the 2 MiB-aligned part of a big buffer (as numpy does
       for its arrays): filling it then faults once per 2 MiB instead of once per 4 KiB. */
    static inline void mlf_huge_pages(void *p, size_t size) {
    #if defined(__linux__) && defined(MADV_HUGEPAGE)
        uintptr_t huge = (uintptr_t)1 << 21;
        uintptr_t start = ((uintptr_t)p + huge - 1) & ~(huge - 1);
        uintptr_t end = ((uintptr_t)p + size) & ~(huge - 1);
        if (end > start) madvise((void *)start, end - start, MADV_HUGEPAGE);
    #else
        (void)p; (void)size;
    #endif
    }
    /* GCC/Clang vector extensions (SSE2 or NEON), and SSE2's movemask where there is one. */
    typedef unsigned char mlf_v16 __attribute__((vector_size(16)));
    typedef signed char mlf_s16 __attribute__((vector_size(16)));
    #if defined(__SSE2__)
    #include <emmintrin.h>
    #endif
    /* One bit per byte of a comparison's mask (SSE2's movemask where there is one). */
    static inline uint32_t mlf_bits16(mlf_v16 m) {
    #if defined(__SSE2__)
        return (uint32_t)_mm_movemask_epi8((__m128i)m);
    #else
        uint32_t bits = 0;
        for (int i = 0; i < 16; i++) bits |= (uint32_t)(((const unsigned char *)&m)[i] & 1) << i;
        return bits;
    #endif
    }
    /* The index of the first nonzero byte of a comparison's mask; 16 if none. */
    static inline int mlf_first_set16(mlf_v16 m) {
    #if defined(__SSE2__)
        uint32_t bits = mlf_bits16(m);
        return bits ? __builtin_ctz(bits) : 16;
    #elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        uint64_t a, b;
        memcpy(&a, &m, 8);
        memcpy(&b, (const char *)&m + 8, 8);
        if (a) return __builtin_ctzll(a) >> 3;
        if (b) return 8 + (__builtin_ctzll(b) >> 3);
        return 16;
    #else
        for (int i = 0; i < 16; i++) if (((const unsigned char *)&m)[i]) return i;
        return 16;
    #endif
    }
    /* The index of the first byte of p[0:16] that is a comma, LF, CR, double quote, NUL or
       not ASCII; 16 if none. */
    static inline int mlf_first_special16(const unsigned char *p) {
        mlf_v16 v;
        memcpy(&v, p, 16);
        return mlf_first_set16((mlf_v16)((v == 44) | (v == 10) | (v == 13) | (v == 34)
                                         | (v == 0) | ((mlf_s16)v < 0)));
    }
    /* Inside a quoted field, where only a double quote ends the text: which bytes of p[0:16]
       are a double quote, CR, NUL or not ASCII. */
    static inline mlf_v16 mlf_quote_mask16(const unsigned char *p) {
        mlf_v16 v;
        memcpy(&v, p, 16);
        return (mlf_v16)((v == 34) | (v == 13) | (v == 0) | ((mlf_s16)v < 0));
    }
    /* The index of the first of them; 16 if none. */
    static inline int mlf_first_quote16(const unsigned char *p) {
        return mlf_first_set16(mlf_quote_mask16(p));
    }
    /* The same over p[0:32]; 32 if none (quoted text runs long: half the loop's steps). */
    static inline int mlf_first_quote32(const unsigned char *p) {
        uint32_t bits = mlf_bits16(mlf_quote_mask16(p))
                        | (mlf_bits16(mlf_quote_mask16(p + 16)) << 16);
        return bits ? __builtin_ctz(bits) : 32;
    }
    /* A whole cell of m bytes that is [+-]digits[.digits], at most 19 digits: its value as
       swar_decimal_value gives it; 0 for any other cell. */
    static inline __attribute__((always_inline)) int
    mlf_plain_float(const unsigned char *p, Py_ssize_t m, Py_ssize_t avail, double *out,
                    uint64_t *wp, int *qp, int *negp) {
        Py_ssize_t len;
        uint64_t w;
        int ndigits, frac, neg;
        if (m == 0 || m > 21 || !swar_lead_decimal(p, avail, &len, &w, &ndigits, &frac, &neg)
                || len != m) return 0;
        return swar_decimal_value(w, frac > 0 ? frac : 0, neg, out, wp, qp, negp);
    }
    /* A whole cell of m bytes that is [+-]digits, 1 to 18 digits (no overflow possible): 1 with
       *out, else 0. */
    static inline __attribute__((always_inline)) int
    mlf_plain_int(const unsigned char *p, Py_ssize_t m, Py_ssize_t avail, int64_t *out) {
        Py_ssize_t len;
        uint64_t w;
        int ndigits, frac, neg;
        if (m == 0 || m > 19 || !swar_lead_decimal(p, avail, &len, &w, &ndigits, &frac, &neg)
                || len != m || frac >= 0 || ndigits > 18) return 0;
        *out = neg ? -(int64_t)w : (int64_t)w;
        return 1;
    }
    static inline double mlf_bits_to_double(uint64_t bits) {
        double d;
        memcpy(&d, &bits, sizeof d);
        return d;
    }
    """
    void mlf_mul64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo) noexcept nogil
    int mlf_clz64(uint64_t x) noexcept nogil
    int mlf_first_special16(const uint8_t *p) noexcept nogil
    int mlf_first_quote16(const uint8_t *p) noexcept nogil
    int mlf_first_quote32(const uint8_t *p) noexcept nogil
    void mlf_huge_pages(void *p, size_t size) noexcept nogil
    double mlf_bits_to_double(uint64_t bits) noexcept nogil
    int mlf_plain_float(const uint8_t *p, Py_ssize_t m, Py_ssize_t avail, double *out,
                        uint64_t *w, int *q, int *neg) noexcept nogil
    int mlf_plain_int(const uint8_t *p, Py_ssize_t m, Py_ssize_t avail, int64_t *out) noexcept nogil
    int swar_lead_decimal(const uint8_t *p, Py_ssize_t avail, Py_ssize_t *len, uint64_t *w,
                         int *ndigits, int *frac, int *neg) noexcept nogil
    int swar_decimal_value(uint64_t w, int frac, int neg, double *out, uint64_t *wp, int *qp,
                          int *negp) noexcept nogil

# Column kinds (the pandas dtype of a chunk); TEXT_RAW is text without NA filtering (pandas'
# "Cannot convert to numerical dtype" overflow case).
DEF K_INT64 = 0
DEF K_UINT64 = 1
DEF K_FLOAT = 2
DEF K_BOOL = 3
DEF K_TEXT = 4
DEF K_TEXT_RAW = 5

INT64, UINT64, FLOAT, BOOL, TEXT = K_INT64, K_UINT64, K_FLOAT, K_BOOL, K_TEXT

DEF INT_OK = 0
DEF INT_INVALID = 1
DEF INT_OVERFLOW = 2
DEF INT_MINUS = 3

# ---------------------------------------------------------------------------------------------
# Powers of five for Eisel-Lemire: 5**q ~= POW5[q] * 2**POW5_SHIFT[q], POW5 a 128-bit integer
# with its top bit set, truncated (so the true value lies in [POW5, POW5 + 1)).

DEF Q_MIN = -342
DEF Q_MAX = 308
cdef uint64_t POW5_HI[Q_MAX - Q_MIN + 1]
cdef uint64_t POW5_LO[Q_MAX - Q_MIN + 1]
cdef int32_t POW5_SHIFT[Q_MAX - Q_MIN + 1]


def _fill_powers_of_five():
    for q in range(Q_MIN, Q_MAX + 1):  # Python ints: exact powers
        if q >= 0:
            p = 5**q
            b = p.bit_length()
            t = p << (128 - b) if b <= 128 else p >> (b - 128)
            shift = b - 128
        else:
            p = 5**-q
            k = 127 + p.bit_length()
            t = (1 << k) // p
            shift = -k
        assert (1 << 127) <= t < (1 << 128)
        POW5_HI[q - Q_MIN] = t >> 64
        POW5_LO[q - Q_MIN] = t & 0xFFFFFFFFFFFFFFFF
        POW5_SHIFT[q - Q_MIN] = shift


_fill_powers_of_five()


cdef inline bint _eisel_lemire(uint64_t w, int q, double *out) noexcept nogil:
    """w * 10**q correctly rounded to a normal double, or False when that is not certain.

    P = (w << clz) * POW5[q] is 192 bits; the true product lies in [P, P + 2**64). The result
    is certain unless that interval could reach the rounding bit or P sits exactly on a tie.
    """
    cdef uint64_t th, tl, wn, a1, a0, b1, b0, p1, p2, mant, low, lowmask
    cdef int clz, t, rnd
    cdef int64_t e
    if q < Q_MIN or q > Q_MAX:
        return False
    th = POW5_HI[q - Q_MIN]
    tl = POW5_LO[q - Q_MIN]
    clz = mlf_clz64(w)
    wn = w << clz
    mlf_mul64(wn, tl, &a1, &a0)
    mlf_mul64(wn, th, &b1, &b0)
    p1 = b0 + a1
    p2 = b1 + (1 if p1 < b0 else 0)
    if p2 >> 63:
        t = 191
        mant = p2 >> 11
        rnd = (p2 >> 10) & 1
        lowmask = (<uint64_t>1 << 10) - 1
    else:
        t = 190
        mant = p2 >> 10
        rnd = (p2 >> 9) & 1
        lowmask = (<uint64_t>1 << 9) - 1
    low = p2 & lowmask
    if low == lowmask and p1 == 0xFFFFFFFFFFFFFFFFULL:
        return False  # the error could carry into the rounding bit
    if rnd and low == 0 and p1 == 0 and a0 == 0:
        return False  # maybe an exact tie (round half to even needs the exact value)
    e = t + POW5_SHIFT[q - Q_MIN] + q - clz
    if e < -1022:
        return False  # subnormal: rounded at another bit
    mant += rnd
    if mant >> 53:
        mant >>= 1
        e += 1
    if e > 1023:
        return False  # overflow: pandas' HUGE_VAL rule, decided by the exact parser
    out[0] = mlf_bits_to_double((<uint64_t>(e + 1023) << 52) | (mant & 0xFFFFFFFFFFFFFULL))
    return True


def eisel_lemire(uint64_t w, int q):
    """w * 10**q as a float, or None where the fast algorithm defers to the exact parser."""
    cdef double d
    if w == 0:
        return 0.0
    return d if _eisel_lemire(w, q, &d) else None


# ---------------------------------------------------------------------------------------------
# Cell-level rules (pandas' tokenizer.c and parsers.pyx)


cdef inline bint _space(uint8_t c) noexcept nogil:
    # pandas' isspace_ascii
    return c == 32 or (9 <= c <= 13)


cdef inline bint _digit(uint8_t c) noexcept nogil:
    return 48 <= c <= 57


cdef inline bint _is_na(const uint8_t *p, Py_ssize_t m) noexcept nogil:
    """Whether the cell is one of pandas' default NA strings (csv.NA_VALUES)."""
    # The length, then the first byte settle almost every cell (only seven bytes start an NA
    # string); a long cell's text, out in the file, is never read.
    cdef const char *s = <const char *>p
    cdef uint8_t c
    if m == 0:
        return True
    if m > 8:
        return False
    c = p[0]
    if c == 78:  # N
        if m == 2:
            return p[1] == 65
        if m == 3:
            return memcmp(s, b"NaN", 3) == 0 or memcmp(s, b"N/A", 3) == 0
        if m == 4:
            return memcmp(s, b"NULL", 4) == 0 or memcmp(s, b"None", 4) == 0
        return False
    if c == 110:  # n
        if m == 3:
            return memcmp(s, b"nan", 3) == 0 or memcmp(s, b"n/a", 3) == 0
        return m == 4 and memcmp(s, b"null", 4) == 0
    if c == 45:  # -
        if m == 4:
            return memcmp(s, b"-NaN", 4) == 0 or memcmp(s, b"-nan", 4) == 0
        if m == 7:
            return memcmp(s, b"-1.#IND", 7) == 0
        return m == 8 and memcmp(s, b"-1.#QNAN", 8) == 0
    if c == 35:  # #
        if m == 3:
            return memcmp(s, b"#NA", 3) == 0
        if m == 4:
            return memcmp(s, b"#N/A", 4) == 0
        return m == 8 and memcmp(s, b"#N/A N/A", 8) == 0
    if c == 49:  # 1
        if m == 6:
            return memcmp(s, b"1.#IND", 6) == 0
        return m == 7 and memcmp(s, b"1.#QNAN", 7) == 0
    if c == 60:  # <
        return m == 4 and memcmp(s, b"<NA>", 4) == 0
    return False


cdef inline int _bool_word(const uint8_t *p, Py_ssize_t m) noexcept nogil:
    """1 for true, 0 for false (ASCII case-insensitive, the whole cell), -1 otherwise."""
    if m == 4 and (p[0] | 32) == 116 and (p[1] | 32) == 114 and (p[2] | 32) == 117 \
            and (p[3] | 32) == 101:
        return 1
    if m == 5 and (p[0] | 32) == 102 and (p[1] | 32) == 97 and (p[2] | 32) == 108 \
            and (p[3] | 32) == 115 and (p[4] | 32) == 101:
        return 0
    return -1


cdef inline int _parse_int64(const uint8_t *p, Py_ssize_t m, int64_t *out) noexcept nogil:
    """pandas' str_to_int64: the range is checked digit by digit, before the tail."""
    cdef Py_ssize_t i = 0
    cdef int64_t number = 0
    cdef int d
    cdef bint neg = False
    while i < m and _space(p[i]):
        i += 1
    if i < m and (p[i] == 45 or p[i] == 43):
        neg = p[i] == 45
        i += 1
    if i >= m or not _digit(p[i]):
        return INT_INVALID
    if neg:
        while i < m and _digit(p[i]):
            d = p[i] - 48
            if number > -922337203685477580LL or (number == -922337203685477580LL and d <= 8):
                number = number * 10 - d
                i += 1
            else:
                return INT_OVERFLOW
    else:
        while i < m and _digit(p[i]):
            d = p[i] - 48
            if number < 922337203685477580LL or (number == 922337203685477580LL and d <= 7):
                number = number * 10 + d
                i += 1
            else:
                return INT_OVERFLOW
    while i < m and _space(p[i]):
        i += 1
    if i < m:
        return INT_INVALID
    out[0] = number
    return INT_OK


cdef inline int _parse_uint64(const uint8_t *p, Py_ssize_t m, uint64_t *out) noexcept nogil:
    """pandas' str_to_uint64: a minus sign stops it without an error (``seen_sint``)."""
    cdef Py_ssize_t i = 0
    cdef uint64_t number = 0
    cdef int d
    while i < m and _space(p[i]):
        i += 1
    if i < m and p[i] == 45:
        return INT_MINUS
    if i < m and p[i] == 43:
        i += 1
    if i >= m or not _digit(p[i]):
        return INT_INVALID
    while i < m and _digit(p[i]):
        d = p[i] - 48
        if number < 1844674407370955161ULL or (number == 1844674407370955161ULL and d <= 5):
            number = number * 10 + d
            i += 1
        else:
            return INT_OVERFLOW
    while i < m and _space(p[i]):
        i += 1
    if i < m:
        return INT_INVALID
    out[0] = number
    return INT_OK


cdef inline bint _inf_word(const uint8_t *p, Py_ssize_t m, double *out) noexcept nogil:
    """pandas' strcasecmp against inf, +inf, infinity, +infinity, -inf, -infinity."""
    cdef const uint8_t *w = p
    cdef Py_ssize_t k
    cdef double sign = 1.0
    cdef const char *word
    if m > 0 and (p[0] == 43 or p[0] == 45):
        sign = -1.0 if p[0] == 45 else 1.0
        w = p + 1
        m -= 1
    if m == 3:
        word = b"inf"
    elif m == 8:
        word = b"infinity"
    else:
        return False
    for k in range(m):
        if (w[k] | 32) != <uint8_t>word[k]:
            return False
    out[0] = sign * INFINITY
    return True


cdef bint _parse_float(const uint8_t *p, Py_ssize_t m, char *scratch, double *out) noexcept nogil:
    """pandas' round_trip converter (then its inf words) on one cell; False: not a float.

    pandas copies the numeric-looking prefix ([+-]digits[.digits][e[+-]digits], after leading
    whitespace) and hands it to PyOS_string_to_double, which must consume all of it; only
    whitespace may follow; +HUGE_VAL (overflow) is an error, -HUGE_VAL is not.
    """
    cdef Py_ssize_t i = 0, body, body_end, digits = 0, exp_digits = 0
    cdef uint64_t w = 0
    cdef int nsig = 0, q = 0, e = 0
    cdef bint neg = False, eneg = False, simple = True, failed
    cdef uint8_t c
    cdef double d
    while i < m and _space(p[i]):
        i += 1
    body = i
    if i < m and (p[i] == 43 or p[i] == 45):
        neg = p[i] == 45
        i += 1
    while i < m and _digit(p[i]):
        c = p[i] - 48
        digits += 1
        if w != 0 or c != 0:
            if nsig < 19:
                w = w * 10 + c
                nsig += 1
            else:
                q += 1
                simple = simple and c == 0
        i += 1
    if i < m and p[i] == 46:
        i += 1
        while i < m and _digit(p[i]):
            c = p[i] - 48
            digits += 1
            if w != 0 or c != 0:
                if nsig < 19:
                    w = w * 10 + c
                    nsig += 1
                    q -= 1
                else:
                    simple = simple and c == 0
            else:
                q -= 1
            i += 1
    if i < m and (p[i] | 32) == 101:
        i += 1
        if i < m and (p[i] == 43 or p[i] == 45):
            eneg = p[i] == 45
            i += 1
        while i < m and _digit(p[i]):
            exp_digits += 1
            if e < 100000:
                e = e * 10 + (p[i] - 48)
            i += 1
        if exp_digits == 0:
            simple = False
    body_end = i
    while i < m and _space(p[i]):
        i += 1
    if i < m:
        return _inf_word(p, m, out)
    if digits and simple:
        if w == 0:
            out[0] = -0.0 if neg else 0.0
            return True
        q += -e if eneg else e
        if _eisel_lemire(w, q, &d):
            out[0] = -d if neg else d
            return True
    memcpy(scratch, p + body, body_end - body)
    scratch[body_end - body] = 0
    with gil:  # rare: what Eisel-Lemire leaves to pandas' own parser
        d = PyOS_string_to_double(scratch, NULL, NULL)
        failed = PyErr_Occurred() != NULL
        if failed:
            PyErr_Clear()
    if failed:
        return _inf_word(p, m, out)
    if d == INFINITY:
        return _inf_word(p, m, out)
    out[0] = d
    return True


# A cell of at most this many bytes is stored inside its view, NUL-padded to this length.
DEF INLINE = 12


cdef inline bint _plain_float(const uint8_t *p, Py_ssize_t m, double *out) noexcept nogil:
    """``_parse_float`` on the usual cell, ``[+-]digits[.digits]`` with at most 19 digits and
    nothing else; False: not such a cell (the caller asks ``_is_na`` and ``_parse_float``).

    The digits then fit a uint64 exactly, so the value is the one ``_parse_float`` computes:
    up to 2**53 over an exact power of ten the one IEEE division rounds correctly (Clinger),
    beyond that Eisel-Lemire, and what it cannot decide goes back to ``_parse_float``. Digits
    are read eight at a time (mlf_plain_float): a cell stored in its view may be read to
    INLINE bytes.
    """
    cdef uint64_t w
    cdef int q, neg, r
    r = mlf_plain_float(p, m, INLINE if m <= INLINE else m, out, &w, &q, &neg)
    return r == 1 or (r == 2 and _finish_plain(w, q, neg, out))


cdef bint _finish_plain(uint64_t w, int q, int neg, double *out) noexcept nogil:
    # not inline: the loops that call _plain_float stay small enough to be compiled as one
    cdef double d
    if not _eisel_lemire(w, q, &d):
        return False
    out[0] = -d if neg else d
    return True


cdef inline bint _plain_int(const uint8_t *p, Py_ssize_t m, int64_t *out) noexcept nogil:
    """``_parse_int64`` on the usual cell, ``[+-]digits`` with 1 to 18 digits and nothing else
    (no overflow possible); False: not such a cell."""
    return mlf_plain_int(p, m, INLINE if m <= INLINE else m, out)


cdef const uint8_t *_as_cell(bytes word, uint8_t *pad) noexcept:
    """``word`` stored as the tokenizer stores a cell (short ones NUL-padded to INLINE)."""
    cdef Py_ssize_t m = len(word)
    if m > INLINE:
        return <const uint8_t *>(<char *>word)
    memset(pad, 0, INLINE)
    memcpy(pad, <char *>word, m)
    return pad


def plain_float(bytes word):
    """``_plain_float`` on ``word``: its float, or None where it defers (for tests)."""
    cdef double d
    cdef uint8_t pad[INLINE]
    if _plain_float(_as_cell(word, pad), len(word), &d):
        return d
    return None


def plain_int(bytes word):
    """``_plain_int`` on ``word``: its int, or None where it defers (for tests)."""
    cdef int64_t v
    cdef uint8_t pad[INLINE]
    if _plain_int(_as_cell(word, pad), len(word), &v):
        return v
    return None


def parse_float(bytes word):
    """The float pandas' round_trip parser reads from ``word``, or None (for tests)."""
    cdef double d
    cdef bytearray scratch = bytearray(len(word) + 1)
    if _parse_float(<const uint8_t *>(<char *>word), len(word), scratch, &d):
        return d
    return None


def is_na_word(bytes word):
    """Whether ``word`` is one of pandas' default NA strings (for tests)."""
    return _is_na(<const uint8_t *>(<char *>word), len(word))


# ---------------------------------------------------------------------------------------------
# Tokenizing

# Every field is recorded as an Arrow string view (its length, then 12 inline bytes, or a 4-byte
# prefix, a buffer number and an offset): the text columns' views are then copies of these, and
# the numbers' text is read from the inline bytes, next to each other. Buffer 0 is the file,
# buffer 1 the side buffer where a quoted field holding escaped quotes ("") is unescaped: the
# file's own bytes are never written to, so threads can tokenize parts of them at once and a
# part tokenized from a wrong guess harms nothing.
cdef struct View:
    int32_t size
    uint8_t data[12]


cdef struct Views:
    View *data
    Py_ssize_t size
    Py_ssize_t cap

DEF TOK_OK = 0
DEF TOK_DECLINE = 1
DEF TOK_NOMEM = 2


cdef struct Vec:
    int64_t *data
    Py_ssize_t size
    Py_ssize_t cap


cdef struct Text:
    uint8_t *data
    Py_ssize_t size
    Py_ssize_t cap


cdef int _reserve(Vec *v, Py_ssize_t cap) noexcept nogil:
    cdef int64_t *data
    if cap <= v.cap:
        return 0
    data = <int64_t *>realloc(v.data, cap * sizeof(int64_t))
    if data == NULL:
        return -1
    mlf_huge_pages(data, cap * sizeof(int64_t))
    v.data = data
    v.cap = cap
    return 0


cdef int _grow(Vec *v) noexcept nogil:
    return _reserve(v, v.cap * 2 if v.cap else 1024)


cdef int _reserve_views(Views *v, Py_ssize_t cap) noexcept nogil:
    cdef View *data
    if cap <= v.cap:
        return 0
    data = <View *>realloc(v.data, cap * sizeof(View))
    if data == NULL:
        return -1
    mlf_huge_pages(data, cap * sizeof(View))
    v.data = data
    v.cap = cap
    return 0


cdef int _grow_views(Views *v) noexcept nogil:
    return _reserve_views(v, v.cap * 2 if v.cap else 1024)


cdef inline int _push_view(Views *v, const uint8_t *base, Py_ssize_t s, Py_ssize_t e,
                           int32_t buf) noexcept nogil:
    cdef View *f
    cdef int32_t offset = <int32_t>s
    if v.size == v.cap and _grow_views(v):
        return -1
    f = &v.data[v.size]
    v.size += 1
    f.size = <int32_t>(e - s)
    if e - s <= INLINE:
        memset(f.data, 0, 12)
        memcpy(f.data, base + s, e - s)
    else:
        memcpy(f.data, base + s, 4)
        memcpy(f.data + 4, &buf, 4)
        memcpy(f.data + 8, &offset, 4)
    return 0


cdef inline const uint8_t *_text(const View *f, const uint8_t *b, const uint8_t *side) noexcept nogil:
    cdef int32_t buf, offset
    if f.size <= INLINE:
        return f.data
    memcpy(&buf, f.data + 4, 4)
    memcpy(&offset, f.data + 8, 4)
    return (side if buf else b) + offset


cdef inline int _push(Vec *v, int64_t x) noexcept nogil:
    if v.size == v.cap and _grow(v):
        return -1
    v.data[v.size] = x
    v.size += 1
    return 0


cdef int _append(Text *t, const uint8_t *p, Py_ssize_t m) noexcept nogil:
    cdef Py_ssize_t cap = t.cap
    cdef uint8_t *data
    if t.size + m > cap:
        cap = max(2 * cap, t.size + m, 4096)
        data = <uint8_t *>realloc(t.data, cap)
        if data == NULL:
            return -1
        t.data = data
        t.cap = cap
    memcpy(t.data + t.size, p, m)
    t.size += m
    return 0


cdef inline uint64_t _has_zero_byte(uint64_t v) noexcept nogil:
    return (v - 0x0101010101010101ULL) & ~v & 0x8080808080808080ULL


cdef inline bint _continuation(const uint8_t *b, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    return i < n and (b[i] & 0xC0) == 0x80


cdef bint _valid(const uint8_t *b, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    """Whether ``b[i:n]`` is valid UTF-8 without a NUL byte and with every CR followed by LF."""
    cdef uint64_t x
    cdef uint8_t c, c1
    while i < n:
        if i + 8 <= n:
            memcpy(&x, b + i, 8)
            if not ((x & 0x8080808080808080ULL) | _has_zero_byte(x)
                    | _has_zero_byte(x ^ 0x0D0D0D0D0D0D0D0DULL)):
                i += 8
                continue
        c = b[i]
        if c == 0:
            return False
        if c == 13:
            if i + 1 >= n or b[i + 1] != 10:
                return False
            i += 2
            continue
        if c < 0x80:
            i += 1
            continue
        c1 = b[i + 1] if i + 1 < n else 0
        if 0xC2 <= c <= 0xDF:
            if not _continuation(b, i + 1, n):
                return False
            i += 2
        elif 0xE0 <= c <= 0xEF:
            if ((c == 0xE0 and not 0xA0 <= c1 <= 0xBF) or (c == 0xED and not 0x80 <= c1 <= 0x9F)
                    or not _continuation(b, i + 1, n) or not _continuation(b, i + 2, n)):
                return False
            i += 3
        elif 0xF0 <= c <= 0xF4:
            if ((c == 0xF0 and not 0x90 <= c1 <= 0xBF) or (c == 0xF4 and not 0x80 <= c1 <= 0x8F)
                    or not _continuation(b, i + 1, n) or not _continuation(b, i + 2, n)
                    or not _continuation(b, i + 3, n)):
                return False
            i += 4
        else:
            return False
    return True


cdef inline bint _line_end(const uint8_t *b, Py_ssize_t n, Py_ssize_t pos) noexcept nogil:
    """Whether the CR at ``pos`` is followed by LF (a bare CR: the general path's)."""
    return pos + 1 < n and b[pos + 1] == 10


cdef inline Py_ssize_t _next_quote(const uint8_t *b, Py_ssize_t k, Py_ssize_t n,
                                    bint *plain) noexcept nogil:
    """The position of the first double quote in ``b[k:n]`` (-1: none), scanned 32 bytes a step;
    ``plain`` is cleared when a CR, NUL or non-ASCII byte comes before it."""
    cdef int step
    cdef const uint8_t *hit
    while True:
        if k + 32 <= n:
            step = mlf_first_quote32(b + k)
            k += step
            if step == 32:
                continue
        elif k + 16 <= n:
            step = mlf_first_quote16(b + k)
            k += step
            if step == 16:
                continue
        elif k < n and b[k] != 34 and b[k] != 13 and b[k] != 0 and b[k] < 0x80:
            k += 1
            continue
        break
    if k < n and b[k] == 34:
        return k
    plain[0] = False
    hit = <const uint8_t *>memchr(b + k, 34, n - k)
    return -1 if hit == NULL else hit - b


cdef int _tokenize(const uint8_t *b, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t end, Views *fields,
                   Vec *recs, Text *side, Py_ssize_t *stop) noexcept nogil:
    """Tokenizes the records that start in ``[pos, end)`` (the last may run past ``end``),
    ``pos`` being where a record starts: ``fields`` gets each field's view, ``recs`` each
    record's first field, ``stop`` where the next record starts. TOK_DECLINE: the bytes hold
    what this path does not reproduce.

    Every byte it passes is checked as ``_valid`` would (valid UTF-8, no NUL, no bare CR):
    delimiters one by one, fields 16 bytes at a time (a field with a non-ASCII byte, and a
    quoted one with a CR or NUL, then by ``_valid``).
    """
    cdef Py_ssize_t q, start, k, s0
    cdef uint8_t c
    cdef bint high, plain
    while pos < end:
        q = pos
        while q < n and (b[q] == 32 or b[q] == 9):
            q += 1
        if q == n:
            pos = n
            break
        c = b[q]
        if c == 10:
            pos = q + 1
            continue
        if c == 13:
            if not _line_end(b, n, q):
                return TOK_DECLINE
            pos = q + 2
            continue
        if _push(recs, fields.size):
            return TOK_NOMEM
        while True:  # fields of one record; a leading blank belongs to the first field
            if pos < n and b[pos] == 34:
                pos += 1
                start = pos
                # The common field is ASCII without CR or NUL up to its closing quote (escaped
                # quotes included): then it needs no _valid pass. Any other is checked.
                plain = True
                k = _next_quote(b, pos, n, &plain)
                if k < 0:
                    return TOK_DECLINE  # EOF inside a quoted field
                if k + 1 < n and b[k + 1] == 34:
                    s0 = side.size
                    while True:
                        if _append(side, b + pos, k + 1 - pos):  # the text and one quote
                            return TOK_NOMEM
                        pos = k + 2
                        k = _next_quote(b, pos, n, &plain)
                        if k < 0:
                            return TOK_DECLINE
                        if not (k + 1 < n and b[k + 1] == 34):
                            break
                    if _append(side, b + pos, k - pos):
                        return TOK_NOMEM
                    if _push_view(fields, side.data, s0, side.size, 1):
                        return TOK_NOMEM
                elif _push_view(fields, b, pos, k, 0):
                    return TOK_NOMEM
                if not plain and not _valid(b, start, k):
                    return TOK_DECLINE
                pos = k + 1
                if pos == n:
                    break
                c = b[pos]
                if c == 44:
                    pos += 1
                    continue
                if c == 10:
                    pos += 1
                    break
                if c == 13:
                    if not _line_end(b, n, pos):
                        return TOK_DECLINE
                    pos += 2
                    break
                return TOK_DECLINE  # text after a closing quote
            start = pos
            high = False
            while pos < n:
                if pos + 16 <= n:
                    k = mlf_first_special16(b + pos)
                    pos += k
                    if k == 16:
                        continue
                c = b[pos]
                if c == 44 or c == 10 or c == 13 or c == 34:
                    break
                if c == 0:
                    return TOK_DECLINE
                if c >= 0x80:
                    high = True
                pos += 1
            if high and not _valid(b, start, pos):
                return TOK_DECLINE
            if _push_view(fields, b, start, pos, 0):
                return TOK_NOMEM
            if pos == n:
                break
            if c == 34:
                return TOK_DECLINE  # a quote inside an unquoted field
            if c == 44:
                pos += 1
                continue
            if c == 13:
                if not _line_end(b, n, pos):
                    return TOK_DECLINE
                pos += 2
            else:
                pos += 1
            break
    stop[0] = pos
    return TOK_OK


DEF SAMPLE_BYTES = 1 << 16


cdef int _tokenize_sized(const uint8_t *b, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t end,
                         Views *fields, Vec *recs, Text *side, Py_ssize_t *stop) noexcept nogil:
    """``_tokenize``, with ``fields`` and ``recs`` sized once from the records of the first
    SAMPLE_BYTES: grown by doubling instead, they were copied and page-faulted into about twice
    their final size (a quarter of a text-heavy file's read time)."""
    cdef int status
    cdef Py_ssize_t done
    cdef double scale
    if end - pos <= 4 * SAMPLE_BYTES:
        return _tokenize(b, n, pos, end, fields, recs, side, stop)
    status = _tokenize(b, n, pos, pos + SAMPLE_BYTES, fields, recs, side, stop)
    if status != TOK_OK or stop[0] >= end:
        return status
    done = stop[0] - pos
    # A little over the sample's rate; a part denser than its sample grows by doubling. A
    # sample denser than its part may ask for more than the part needs: if that much memory is
    # not to be had, doubling goes on as before.
    scale = (<double>(end - pos) / done) * 1.0625
    _reserve_views(fields, <Py_ssize_t>(fields.size * scale) + 1024)
    _reserve(recs, <Py_ssize_t>(recs.size * scale) + 1024)
    return _tokenize(b, n, stop[0], end, fields, recs, side, stop)


def valid_bytes(const uint8_t[::1] data):
    """Whether ``data`` is valid UTF-8 (as Python's strict decoder sees it) without a NUL byte,
    and every CR in it is followed by LF: what the tokenizer relies on.
    """
    if data.shape[0] == 0:
        return True
    return _valid(&data[0], 0, data.shape[0])


def chunk_rows(Py_ssize_t width):
    """Rows per chunk of pandas' low-memory reader (csv.chunk_rows)."""
    cdef Py_ssize_t heuristic = (1 << 20) // (width if width > 1 else 1), rows = 1
    while rows * 2 < heuristic:
        rows *= 2
    return rows


# ---------------------------------------------------------------------------------------------
# Type inference


cdef struct Rec:
    const View *first
    Py_ssize_t count


cdef struct Cells:
    # the tokenized file: data row i is record i + 1
    const uint8_t *b
    const uint8_t *side
    const Rec *recs


cdef inline Py_ssize_t _cell(const Cells *cells, Py_ssize_t i, Py_ssize_t j,
                             const uint8_t **p) noexcept nogil:
    """The text of data row ``i``, column ``j`` (empty past the end of a short row)."""
    cdef const Rec *r = &cells.recs[i + 1]
    if j < r.count:
        p[0] = _text(&r.first[j], cells.b, cells.side)
        return r.first[j].size
    p[0] = cells.b
    return 0


cdef int _overflow(const Cells *cells, Py_ssize_t j, Py_ssize_t r0, Py_ssize_t r1, uint8_t *na,
                   uint64_t *uints) noexcept nogil:
    """pandas' _try_uint64 after the int64 attempt overflowed; -1: go on to float64."""
    cdef bint seen_sint = False, seen_uint = False, seen_null = False
    cdef Py_ssize_t i, m
    cdef const uint8_t *p
    cdef int r
    for i in range(r0, r1):
        if na[i]:
            seen_null = True
            continue
        m = _cell(cells, i, j, &p)
        r = _parse_uint64(p, m, &uints[i])
        if r == INT_MINUS:
            seen_sint = True
        elif r == INT_OVERFLOW:
            return K_TEXT
        elif r == INT_INVALID:
            return -1
        elif uints[i] > 9223372036854775807ULL:
            seen_uint = True
    if seen_uint and (seen_sint or seen_null):
        return K_TEXT_RAW
    if seen_sint:
        return K_TEXT
    return K_UINT64


cdef void _ints_with_na(int64_t *ints, uint8_t *na, Py_ssize_t r0, Py_ssize_t r1) noexcept nogil:
    """An int64 chunk with NA cells as pandas upcasts it: to float64, NaN where a cell is NA
    and where it is -2**63, the sentinel pandas wrote there (``_maybe_upcast``)."""
    cdef double *floats = <double *>ints
    cdef Py_ssize_t i
    for i in range(r0, r1):
        if ints[i] == -9223372036854775807LL - 1:
            na[i] = 1
        floats[i] = NAN if na[i] else <double>ints[i]


cdef int _infer_chunk(const Cells *cells, Py_ssize_t j, Py_ssize_t r0, Py_ssize_t r1, uint8_t *na,
                      void *values, uint8_t *bools, char *scratch) noexcept nogil:
    """pandas' _convert_tokens on rows [r0, r1) of column j: int64, uint64, float64, bool, object.

    ``values`` holds the int64, uint64 or float64 values, whichever the kind is (a cell's later
    attempts overwrite its earlier ones).
    """
    cdef int64_t *ints = <int64_t *>values
    cdef uint64_t *uints = <uint64_t *>values
    cdef double *floats = <double *>values
    cdef Py_ssize_t i, m, first = -1, na_count = 0
    cdef const uint8_t *p
    cdef int err = INT_OK, kind, v
    for i in range(r0, r1):
        m = _cell(cells, i, j, &p)
        na[i] = _is_na(p, m)
        if na[i]:
            na_count += 1
        elif first < 0:
            first = i
    if first < 0:
        for i in range(r0, r1):
            floats[i] = NAN
        return K_FLOAT
    m = _cell(cells, first, j, &p)
    if _bool_word(p, m) >= 0:  # then the int and float attempts fail on this very cell
        for i in range(r0, r1):
            if not na[i]:
                m = _cell(cells, i, j, &p)
                v = _bool_word(p, m)
                if v < 0:
                    return K_TEXT
                bools[i] = v
        return K_BOOL
    for i in range(r0, r1):
        if not na[i]:
            m = _cell(cells, i, j, &p)
            err = _parse_int64(p, m, &ints[i])
            if err != INT_OK:
                break
    if err == INT_OK:
        if na_count == 0:
            return K_INT64
        _ints_with_na(ints, na, r0, r1)
        return K_FLOAT
    if err == INT_OVERFLOW:
        kind = _overflow(cells, j, r0, r1, na, uints)
        if kind >= 0:
            return kind
    for i in range(r0, r1):
        if na[i]:
            floats[i] = NAN
        else:
            m = _cell(cells, i, j, &p)
            if m > 4000:
                return K_TEXT  # longer than any number worth reading; scratch is 4 KiB
            if not _parse_float(p, m, scratch, &floats[i]):
                return K_TEXT
    return K_FLOAT


cdef void _na_rows(const Cells *cells, Py_ssize_t j, Py_ssize_t r0, Py_ssize_t r1,
                   uint8_t *na) noexcept nogil:
    cdef Py_ssize_t i, m
    cdef const uint8_t *p
    for i in range(r0, r1):
        m = _cell(cells, i, j, &p)
        na[i] = _is_na(p, m)


cdef inline bint _float_cell(const uint8_t *p, Py_ssize_t m, char *scratch,
                             double *out) noexcept nogil:
    """A non-NA cell as the float pass of ``_infer_chunk`` reads it; False: text."""
    if _plain_float(p, m, out):
        return True
    if m > 4000:
        return False  # longer than any number worth reading; scratch is 4 KiB
    return _parse_float(p, m, scratch, out)


# Where a column stands in its chunk, for _type_block
DEF P_LEAD = 0   # only NA cells so far
DEF P_BOOL = 1
DEF P_INT = 2
DEF P_FLOAT = 3
DEF P_TEXT = 4   # only NA flags left to set
DEF P_SLOW = 5   # int64 overflow: _infer_chunk types the chunk afresh


cdef struct ColumnState:
    int phase
    Py_ssize_t first  # the chunk's first non-NA row
    bint any_na


cdef void _type_block(const Cells *cells, Py_ssize_t j, Py_ssize_t r0, Py_ssize_t b0,
                      Py_ssize_t b1, ColumnState *st, uint8_t *na, void *values,
                      uint8_t *bools, char *scratch) noexcept nogil:
    """Rows [b0, b1) of column j's chunk starting at r0, the rows before already typed: one
    pass of ``_infer_chunk``'s work instead of up to four (``_finish_column`` completes it).

    The kind is guessed from the first non-NA cell and each cell is parsed as the guess while
    its NA flag is set: int64 until a cell is not one, then float64 (the earlier cells
    converted as the float pass would read them), text once a cell is not a float (then only
    NA flags). A cell that reads as a plain number is never NA, so the NA test runs only on
    the others. The rare int64 overflow leaves the chunk to ``_infer_chunk``.
    """
    cdef int64_t *ints = <int64_t *>values
    cdef double *floats = <double *>values
    cdef Py_ssize_t i = b0, k, m
    cdef const uint8_t *p
    cdef int err, v
    if st.phase == P_SLOW:
        return
    if st.phase == P_LEAD:
        while i < b1:
            m = _cell(cells, i, j, &p)
            if not _is_na(p, m):
                break
            na[i] = 1
            floats[i] = NAN
            i += 1
        if i == b1:
            return
        st.first = i
        st.any_na = i > r0
        st.phase = P_BOOL if _bool_word(p, m) >= 0 else P_INT
    if st.phase == P_BOOL:
        while i < b1:
            m = _cell(cells, i, j, &p)
            na[i] = _is_na(p, m)
            if not na[i]:
                v = _bool_word(p, m)
                if v < 0:
                    st.phase = P_TEXT
                    i += 1
                    break
                bools[i] = v
            i += 1
    if st.phase == P_INT:
        while i < b1:
            m = _cell(cells, i, j, &p)
            if _plain_int(p, m, &ints[i]):
                na[i] = 0
            elif _is_na(p, m):
                na[i] = 1
                st.any_na = True
            else:
                na[i] = 0
                err = _parse_int64(p, m, &ints[i])
                if err == INT_OVERFLOW:
                    st.phase = P_SLOW
                    return
                if err != INT_OK:
                    st.phase = P_FLOAT
                    break
            i += 1
        if st.phase == P_FLOAT:
            # cell i is no int64: the chunk is float64 or text; the cells before it were
            # int64 or NA
            for k in range(st.first, i):
                if na[k]:
                    floats[k] = NAN
                elif ints[k] != 0:
                    floats[k] = <double>ints[k]  # rounded to nearest even, as the decimal parse is
                else:
                    m = _cell(cells, k, j, &p)  # "-0" is -0.0 as a float
                    if not _float_cell(p, m, scratch, &floats[k]):
                        st.phase = P_TEXT
                        break
    if st.phase == P_FLOAT:
        while i < b1:
            m = _cell(cells, i, j, &p)
            if _plain_float(p, m, &floats[i]):
                na[i] = 0
            elif _is_na(p, m):
                na[i] = 1
                floats[i] = NAN
            else:
                na[i] = 0
                if m > 4000 or not _parse_float(p, m, scratch, &floats[i]):
                    st.phase = P_TEXT
                    i += 1
                    break
            i += 1
    if st.phase == P_TEXT:
        _na_rows(cells, j, i, b1, na)


cdef int _finish_column(const Cells *cells, Py_ssize_t j, Py_ssize_t r0, Py_ssize_t r1,
                        ColumnState *st, uint8_t *na, void *values, uint8_t *bools,
                        char *scratch) noexcept nogil:
    """The chunk's kind once ``_type_block`` has seen all its rows."""
    if st.phase == P_LEAD or st.phase == P_FLOAT:
        return K_FLOAT
    if st.phase == P_BOOL:
        return K_BOOL
    if st.phase == P_TEXT:
        return K_TEXT
    if st.phase == P_INT:
        if not st.any_na:
            return K_INT64
        _ints_with_na(<int64_t *>values, na, r0, r1)
        return K_FLOAT
    return _infer_chunk(cells, j, r0, r1, na, values, bools, scratch)


cdef inline int _family(int kind) noexcept nogil:
    return K_TEXT if kind == K_TEXT_RAW else kind


cdef void _string_views(const Cells *cells, Py_ssize_t j, Py_ssize_t r0, Py_ssize_t r1,
                        const uint8_t *valid, View *out) noexcept nogil:
    """Column j's views of rows [r0, r1) (left zero, the empty string, where not valid)."""
    cdef Py_ssize_t i
    cdef const Rec *r
    for i in range(r0, r1):
        if valid[i]:
            r = &cells.recs[i + 1]
            if j < r.count:
                out[i] = r.first[j]


cdef bint _fused_typing = True
cdef Py_ssize_t _block_rows = 0


def set_fused_typing(bint on, Py_ssize_t block_rows=0):
    """Types chunks in one pass (the default) or with the multi-pass reference; block_rows > 0
    forces that many rows per block (for tests)."""
    global _fused_typing, _block_rows
    _fused_typing = on
    _block_rows = block_rows


cdef struct Segment:
    Py_ssize_t lo, hi, stop
    int status
    Views fields
    Vec recs
    Text side


def _run_here(task, Py_ssize_t count):
    for i in range(count):
        task(i)


cdef class Reader:
    """One file's parse in steps whose tasks threads can share (each task releases the GIL).

    1. ``tokenize(s)``: the file is cut into ``nseg`` parts at line ends; each part is
       tokenized as if a record started there. ``join`` then keeps a part only if the part
       before it ended exactly where it starts (so every kept part starts where the whole-file
       tokenizer would start a record), tokenizing the rest in one piece otherwise; ``link(s)``
       points each record at its fields and joins the side buffers; ``finish`` checks the rows.
    2. ``type_chunk(t)``: each (column, pandas chunk) is typed.
    3. ``fill_views(t)``: each (text column, chunk) gets its Arrow string views.
    """
    cdef object data
    cdef const uint8_t *b
    cdef Py_ssize_t n, start
    cdef Segment *segs
    cdef int nseg
    cdef int used
    cdef Rec *recs
    cdef Py_ssize_t *rec_base
    cdef Py_ssize_t *side_base
    cdef object side_array
    cdef Cells cells
    cdef Py_ssize_t rows, width, per_chunk, nchunks, groups
    cdef int *kinds
    cdef uint8_t *chunk_valid
    cdef uint8_t **na
    cdef uint8_t **bools
    cdef uint8_t **valid
    cdef void **values
    cdef View **views
    cdef list arrays
    cdef list view_tasks

    def __cinit__(self, data, Py_ssize_t start, int nseg):
        cdef const uint8_t[::1] view = data
        cdef Py_ssize_t s, raw, bound, prev
        cdef const uint8_t *hit
        self.data = data
        self.n = view.shape[0]
        self.b = &view[0]
        self.start = start
        self.nseg = max(nseg, 1)
        self.segs = <Segment *>calloc(self.nseg, sizeof(Segment))
        if self.segs == NULL:
            raise MemoryError()
        prev = start
        for s in range(1, self.nseg):
            raw = max(start + (self.n - start) * s // self.nseg, prev)
            hit = <const uint8_t *>memchr(self.b + raw, 10, self.n - raw) if raw < self.n else NULL
            bound = hit - self.b + 1 if hit != NULL else self.n
            self.segs[s].lo = self.segs[s - 1].hi = prev = bound
        self.segs[self.nseg - 1].hi = self.n

    def __dealloc__(self):
        cdef int s
        if self.segs != NULL:
            for s in range(self.nseg):
                self._free_segment(s)
            free(self.segs)
        free(self.recs)
        free(self.rec_base)
        free(self.side_base)
        free(self.kinds)
        free(self.chunk_valid)
        free(self.na)
        free(self.bools)
        free(self.valid)
        free(self.values)
        free(self.views)

    cdef void _free_segment(self, int s) noexcept:
        free(self.segs[s].fields.data)
        free(self.segs[s].recs.data)
        free(self.segs[s].side.data)
        memset(&self.segs[s].fields, 0, sizeof(Views))
        memset(&self.segs[s].recs, 0, sizeof(Vec))
        memset(&self.segs[s].side, 0, sizeof(Text))

    @property
    def segments(self):
        return self.nseg

    @property
    def parts(self):
        return self.used

    @property
    def tasks(self):
        return self.groups * self.nchunks

    @property
    def view_task_count(self):
        return len(self.view_tasks)

    def tokenize(self, int s):
        cdef Segment *g = &self.segs[s]
        cdef Py_ssize_t pos = self.start if s == 0 else g.lo
        with nogil:
            g.status = _tokenize_sized(self.b, self.n, pos, g.hi, &g.fields, &g.recs, &g.side,
                                       &g.stop)

    def join(self):
        """The header's fields, or None: not handled here. ``link`` must run next."""
        cdef int s, used = self.nseg
        cdef Segment *g
        cdef Py_ssize_t k, nr = 0, ns = 0
        for s in range(self.nseg):
            g = &self.segs[s]
            if g.status == TOK_NOMEM:
                raise MemoryError()
            if g.status == TOK_DECLINE:
                return None
            if s + 1 < self.nseg and g.stop != self.segs[s + 1].lo:
                # a record ran past the cut (a quoted line end): the rest in one piece
                for k in range(s + 1, self.nseg):
                    self._free_segment(k)
                used = s + 1
                if g.stop < self.n:
                    used = s + 2
                    g = &self.segs[s + 1]
                    with nogil:
                        g.status = _tokenize_sized(self.b, self.n, self.segs[s].stop, self.n,
                                                   &g.fields, &g.recs, &g.side, &g.stop)
                    if g.status == TOK_NOMEM:
                        raise MemoryError()
                    if g.status == TOK_DECLINE:
                        return None
                break
        self.used = used
        self.rec_base = <Py_ssize_t *>calloc(used + 1, sizeof(Py_ssize_t))
        self.side_base = <Py_ssize_t *>calloc(used + 1, sizeof(Py_ssize_t))
        if self.rec_base == NULL or self.side_base == NULL:
            raise MemoryError()
        for s in range(used):
            self.rec_base[s + 1] = self.rec_base[s] + self.segs[s].recs.size
            self.side_base[s + 1] = self.side_base[s] + self.segs[s].side.size
        nr = self.rec_base[used]
        ns = self.side_base[used]
        if nr < 2:
            return None  # no data rows
        self.recs = <Rec *>malloc(nr * sizeof(Rec))
        if self.recs == NULL:
            raise MemoryError()
        mlf_huge_pages(self.recs, nr * sizeof(Rec))
        self.side_array = np.empty(ns, dtype=np.uint8)
        cdef uint8_t[::1] side = self.side_array
        self.cells.b = self.b
        self.cells.side = <const uint8_t *>&side[0] if ns else self.b
        self.cells.recs = self.recs
        return True

    def link(self, int s):
        """Part s's records as pointers to their fields; its side buffer joined to the others'."""
        cdef Segment *g = &self.segs[s]
        cdef Rec *out = self.recs + self.rec_base[s]
        cdef Py_ssize_t r, i, end
        cdef int32_t buf, offset, base = <int32_t>self.side_base[s]
        cdef View *f
        with nogil:
            for r in range(g.recs.size):
                end = g.recs.data[r + 1] if r + 1 < g.recs.size else g.fields.size
                out[r].first = g.fields.data + g.recs.data[r]
                out[r].count = end - g.recs.data[r]
            if g.side.size:
                memcpy(<uint8_t *>self.cells.side + base, g.side.data, g.side.size)
                if base:
                    for i in range(g.fields.size):
                        f = &g.fields.data[i]
                        if f.size > INLINE:
                            memcpy(&buf, f.data + 4, 4)
                            if buf:
                                memcpy(&offset, f.data + 8, 4)
                                offset += base
                                memcpy(f.data + 8, &offset, 4)

    def finish(self):
        """The header's fields (after every ``link``), or None: not handled here."""
        cdef Py_ssize_t k, i, width, nr = self.rec_base[self.used]
        cdef bint too_long = False
        cdef const uint8_t *p
        cdef const View *f
        cdef const Rec *recs = self.recs
        width = max(recs[0].count, recs[1].count)
        with nogil:
            for i in range(2, nr):
                if recs[i].count > width:
                    too_long = True
                    break
        if too_long:
            return None  # pandas raises; the general path says where
        header = []
        for k in range(recs[0].count):
            f = &recs[0].first[k]
            p = _text(f, self.b, self.cells.side)
            header.append((<const char *>p)[:f.size].decode("utf-8"))
        self.width = width
        self.rows = nr - 1
        self.per_chunk = chunk_rows(width)
        self.nchunks = (self.rows + self.per_chunk - 1) // self.per_chunk
        # One group of columns per chunk when the chunks give the threads enough tasks to
        # share; otherwise the columns are split too (each group reads only its columns'
        # bytes of a row, so a split costs little once a group spans a cache line).
        self.groups = min(width, max(1, (2 * self.nseg + self.nchunks - 1) // self.nchunks))
        if self.nseg == 1:
            self.groups = 1
        self._allocate()
        return header

    cdef _allocate(self):
        cdef Py_ssize_t j, w = self.width, t = self.width * self.nchunks
        self.kinds = <int *>calloc(t, sizeof(int))
        self.chunk_valid = <uint8_t *>calloc(t, 1)
        self.na = <uint8_t **>calloc(w, sizeof(void *))
        self.bools = <uint8_t **>calloc(w, sizeof(void *))
        self.valid = <uint8_t **>calloc(w, sizeof(void *))
        self.values = <void **>calloc(w, sizeof(void *))
        self.views = <View **>calloc(w, sizeof(void *))
        if (self.kinds == NULL or self.chunk_valid == NULL or self.na == NULL or self.bools == NULL
                or self.valid == NULL or self.values == NULL or self.views == NULL):
            raise MemoryError()
        self.arrays = []
        cdef uint8_t[::1] u8
        cdef int64_t[::1] i64
        for j in range(w):
            na = np.empty(self.rows, dtype=np.uint8)
            values = np.empty(self.rows, dtype=np.int64)
            bools = np.empty(self.rows, dtype=np.uint8)
            valid = np.empty(self.rows, dtype=np.uint8)
            self.arrays.append((na, values, bools, valid))
            u8 = na
            self.na[j] = &u8[0]
            u8 = bools
            self.bools[j] = &u8[0]
            u8 = valid
            self.valid[j] = &u8[0]
            i64 = values
            self.values[j] = &i64[0]

    def type_chunk(self, Py_ssize_t t):
        """Task t: one pandas chunk of a group of neighbouring columns.

        The group's cells are read a block of rows at a time, each column's in turn: the
        views are row-major, so a block's cache lines (and pages) are fetched once for all
        the group's columns instead of once per column.
        """
        cdef Py_ssize_t c = t // self.groups, g = t % self.groups
        cdef Py_ssize_t j0 = g * self.width // self.groups
        cdef Py_ssize_t j1 = (g + 1) * self.width // self.groups
        cdef Py_ssize_t r0 = c * self.per_chunk, r1 = min(r0 + self.per_chunk, self.rows)
        cdef Py_ssize_t i, j, b0, block
        cdef char scratch[4096]
        cdef int kind
        cdef bint keep, all_valid
        cdef uint8_t *na
        cdef uint8_t *valid
        cdef ColumnState *states = <ColumnState *>calloc(j1 - j0, sizeof(ColumnState))
        if states == NULL:
            raise MemoryError()
        block = _block_rows if _block_rows > 0 else max(8, 32768 // (16 * (j1 - j0)))
        with nogil:
            if _fused_typing:
                b0 = r0
                while b0 < r1:
                    for j in range(j0, j1):
                        _type_block(&self.cells, j, r0, b0, min(b0 + block, r1),
                                    &states[j - j0], self.na[j], self.values[j], self.bools[j],
                                    scratch)
                    b0 += block
            for j in range(j0, j1):
                na = self.na[j]
                valid = self.valid[j]
                if _fused_typing:
                    kind = _finish_column(&self.cells, j, r0, r1, &states[j - j0], na,
                                          self.values[j], self.bools[j], scratch)
                else:
                    kind = _infer_chunk(&self.cells, j, r0, r1, na, self.values[j],
                                        self.bools[j], scratch)
                keep = kind == K_TEXT_RAW or kind == K_INT64 or kind == K_UINT64
                all_valid = True
                for i in range(r0, r1):
                    valid[i] = 1 if keep else not na[i]
                    all_valid = all_valid and valid[i]
                self.kinds[c * self.width + j] = kind
                self.chunk_valid[c * self.width + j] = all_valid
        free(states)

    def plan_views(self):
        """False when a column's chunks are typed differently (pandas mixes them; the general
        path does too); else allocates the text columns' views for ``fill_views``."""
        cdef Py_ssize_t j, c
        cdef int family
        cdef int32_t[::1] out
        cdef int32_t *first
        self.view_tasks = []
        for j in range(self.width):
            family = _family(self.kinds[j])
            for c in range(1, self.nchunks):
                if _family(self.kinds[c * self.width + j]) != family:
                    return False
            if family == K_TEXT:
                views = np.zeros(4 * self.rows, dtype=np.int32)
                self.arrays[j] = self.arrays[j] + (views,)
                out = views
                first = &out[0]
                self.views[j] = <View *>first
                self.view_tasks.extend((j, c) for c in range(self.nchunks))
        return True

    def fill_views(self, Py_ssize_t t):
        cdef Py_ssize_t j = self.view_tasks[t][0], c = self.view_tasks[t][1]
        cdef Py_ssize_t r0 = c * self.per_chunk, r1 = min(r0 + self.per_chunk, self.rows)
        with nogil:
            _string_views(&self.cells, j, r0, r1, self.valid[j], self.views[j])

    def columns(self):
        """Per column ``(kind, values, valid)``, as ``read`` describes them."""
        cdef Py_ssize_t j, c
        cdef bint all_valid
        out = []
        for j in range(self.width):
            family = _family(self.kinds[j])
            all_valid = True
            for c in range(self.nchunks):
                all_valid = all_valid and self.chunk_valid[c * self.width + j]
            arrays = self.arrays[j]
            mask = None if all_valid else arrays[3].view(np.bool_)
            if family == K_INT64:
                out.append((family, arrays[1], None))
            elif family == K_UINT64:
                out.append((family, arrays[1].view(np.uint64), None))
            elif family == K_FLOAT:
                out.append((family, arrays[1].view(np.float64), mask))
            elif family == K_BOOL:
                out.append((family, arrays[2].view(np.bool_), mask))
            else:
                out.append((K_TEXT, arrays[4], mask))
        return out

    @property
    def buffers(self):
        return [self.data, self.side_array] if len(self.side_array) else [self.data]


def read(data, Py_ssize_t start, run=None, int threads=1):
    """Tokenizes and types ``data[start:]`` (a bytes-like object, left unchanged).

    Returns None (not handled here), or ``(header, columns, buffers)``: the header's fields as
    ``str``; per column of the table ``(kind, values, valid)`` -- kind INT64/UINT64/FLOAT/BOOL
    with a numpy array (NaN at NA cells for FLOAT), or TEXT with Arrow string_view structs into
    ``buffers`` (the file, and a side buffer of quoted fields with escaped quotes undone, if
    any); ``valid`` a numpy bool mask, or None when no cell is missing.

    ``run(task, count)`` calls ``task(i)`` for every i in range(count), on as many threads as
    it likes; ``threads`` is how many parts the file is tokenized in.
    """
    cdef Py_ssize_t n = len(data)
    if n == 0 or n >= 2**31 - 16:
        return None  # string views hold 32-bit offsets
    run = _run_here if run is None else run
    reader = Reader(data, start, threads)
    run(reader.tokenize, reader.segments)
    if not reader.join():
        return None
    run(reader.link, reader.parts)
    header = reader.finish()
    if header is None:
        return None
    run(reader.type_chunk, reader.tasks)
    if not reader.plan_views():
        return None
    run(reader.fill_views, reader.view_task_count)
    return header, reader.columns(), reader.buffers


def plain_ascii(const uint8_t[::1] data):
    """Whether ``data`` is ASCII without a NUL byte, a CR or a double quote: a file the Polars
    path reads straight from its path, with none of the byte-level checks that need quotes' or
    CRs' positions (one pass over a memory map instead of a copy of the file).
    """
    cdef Py_ssize_t n = data.shape[0], i = 0
    cdef const uint8_t *b = &data[0] if n else NULL
    cdef uint64_t x, bad = 0
    with nogil:
        while i + 8 <= n:
            memcpy(&x, b + i, 8)
            bad |= ((x & 0x8080808080808080ULL) | _has_zero_byte(x)
                    | _has_zero_byte(x ^ 0x0D0D0D0D0D0D0D0DULL)
                    | _has_zero_byte(x ^ 0x2222222222222222ULL))
            i += 8
            if (i & 0xFFFF) == 0 and bad:
                break
        while i < n:
            if b[i] >= 0x80 or b[i] == 0 or b[i] == 13 or b[i] == 34:
                bad = 1
            i += 1
    return not bad


# ---------------------------------------------------------------------------------------------
# Plain numeric windows (mlebench_fast.io.csv_stream)

#: ``parse_numeric`` results besides a row count.
DEF N_DECLINE = -1
NUMERIC_DECLINE = N_DECLINE
#: ``parse_numeric``: column ``NUMERIC_DEMOTE - result`` of an int64 column holds a float cell.
DEF N_DEMOTE = -2
NUMERIC_DEMOTE = N_DEMOTE


def count_lines(const uint8_t[::1] data, Py_ssize_t start, Py_ssize_t stop):
    """The records in ``data[start:stop]`` if every line is one: LFs, plus an unterminated last
    line."""
    cdef Py_ssize_t count = 0, pos = start
    cdef const uint8_t *hit
    cdef const uint8_t *b = &data[0] if data.shape[0] else NULL
    if stop <= start:
        return 0
    with nogil:
        while pos < stop:
            hit = <const uint8_t *>memchr(b + pos, 10, stop - pos)
            count += 1
            if hit == NULL:
                break
            pos = hit - b + 1
    return count


cdef inline bint _lead_number(const uint8_t *b, Py_ssize_t pos, Py_ssize_t stop, bint is_int,
                              bint last, Py_ssize_t *end, int64_t **ints, double **floats,
                              Py_ssize_t row) noexcept nogil:
    """The usual numeric cell at ``pos`` parsed in one pass, without first scanning for its end:
    a decimal of at most 19 digits (an int64 column's: at most 18, no point) followed by the
    field's separator (a comma, or for the last field a LF or the end), a float's value settled
    by Clinger's or Eisel-Lemire's test; stored at ``row`` with ``end`` set to the separator.
    False: the caller's cell-by-cell rules decide (they give the same values to these cells).
    """
    cdef Py_ssize_t m
    cdef uint64_t w
    cdef int ndigits, frac, neg, q
    cdef double d
    if stop - pos < 8 or not swar_lead_decimal(b + pos, stop - pos, &m, &w, &ndigits, &frac, &neg):
        return False
    if pos + m < stop:
        if b[pos + m] != (10 if last else 44):
            return False
    elif not last:
        return False
    if is_int:
        if frac >= 0 or ndigits > 18:
            return False
        ints[0][row] = -<int64_t>w if neg else <int64_t>w
    else:
        if frac < 0 and ndigits >= 19:
            return False  # maybe past int64: the cell rules check the int64 range
        if w == 0 and neg:
            return False  # -0: the cell rules decline it
        if swar_decimal_value(w, frac if frac > 0 else 0, neg, &d, &w, &q, &neg) == 2 and not (
                _finish_plain(w, q, neg, &d)):
            return False
        floats[0][row] = d
    end[0] = pos + m
    return True


def parse_numeric(const uint8_t[::1] data, Py_ssize_t start, Py_ssize_t stop,
                  const int32_t[::1] kinds, list outputs, Py_ssize_t row0):
    """Parses the lines of ``data[start:stop]`` (whole lines, ``len(kinds)`` fields each) into
    rows ``row0...`` of ``outputs`` (int64 arrays for INT64 columns, float64 for FLOAT) with
    pandas' cell rules; returns the row count, or NUMERIC_DECLINE / NUMERIC_DEMOTE - j.

    Only cells whose column pandas would type the same in every one of its low-memory chunks
    are taken: an INT64 column's cells are int64 words (an NA cell or a float would make some
    chunk float64); a FLOAT column's cells are float words but neither NA, nor an integer beyond
    int64 (an all-integer chunk holding one goes to pandas' uint64/object rules), nor a negative
    zero (an all-integer chunk reads ``-0`` as the integer 0, i.e. +0.0). A TEXT column's
    output is an (n, 2) int64 array: each cell's [start, end) in ``data``, not parsed (the
    caller decides what pandas would make of it) but never an NA word, which pandas would turn
    into NaN. Anything else declines: a quote, CR or NUL, a line with another field count, a
    blank line, text in a numeric column.
    """
    cdef Py_ssize_t width = kinds.shape[0], j, pos = start, end, row = row0, cap
    cdef const uint8_t *b = &data[0] if data.shape[0] else NULL
    cdef const uint8_t *hit
    cdef int64_t **ints = <int64_t **>calloc(width if width else 1, sizeof(void *))
    cdef double **floats = <double **>calloc(width if width else 1, sizeof(void *))
    cdef int64_t[::1] iv
    cdef double[::1] fv
    cdef int64_t[:, ::1] sv
    cdef char scratch[4096]
    cdef int status = 0, err
    cdef double d
    cdef int64_t scratch_int
    cdef uint8_t c
    cdef Py_ssize_t n
    cdef int k
    if ints == NULL or floats == NULL:
        free(ints)
        free(floats)
        raise MemoryError()
    cap = -1
    for j in range(width):
        if kinds[j] == K_INT64:
            iv = outputs[j]
            ints[j] = &iv[0] if iv.shape[0] else NULL
            n = iv.shape[0]
        elif kinds[j] == K_TEXT:
            # spans share the int64 pointer table: row r's are [2r] and [2r + 1]
            sv = outputs[j]
            ints[j] = &sv[0, 0] if sv.shape[0] else NULL
            n = sv.shape[0]
        else:
            fv = outputs[j]
            floats[j] = &fv[0] if fv.shape[0] else NULL
            n = fv.shape[0]
        cap = n if cap < 0 or n < cap else cap
    try:
        with nogil:
            while pos < stop and status == 0:
                if row >= cap:
                    status = N_DECLINE
                    break
                for j in range(width):
                    if kinds[j] != K_TEXT and _lead_number(
                            b, pos, stop, kinds[j] == K_INT64, j + 1 == width, &end, &ints[j],
                            &floats[j], row):
                        pos = end + 1
                        continue
                    end = pos
                    while end < stop:
                        if end + 16 <= stop:
                            # sixteen bytes at a time; a non-ASCII stop is just stepped over
                            k = mlf_first_special16(b + end)
                            end += k
                            if k == 16:
                                continue
                        c = b[end]
                        if c == 44 or c == 10 or c == 13 or c == 34 or c == 0:
                            break
                        end += 1
                    if end < stop and (b[end] == 13 or b[end] == 34 or b[end] == 0):
                        status = N_DECLINE
                        break
                    # the last field ends the line; the others end at a comma
                    if j + 1 < width:
                        if end >= stop or b[end] != 44:
                            status = N_DECLINE
                            break
                    elif end < stop and b[end] != 10:
                        status = N_DECLINE
                        break
                    if _is_na(b + pos, end - pos) or end - pos > 4000:
                        status = N_DECLINE
                        break
                    if kinds[j] == K_TEXT:
                        ints[j][2 * row] = pos
                        ints[j][2 * row + 1] = end
                    elif kinds[j] == K_INT64:
                        err = _parse_int64(b + pos, end - pos, &ints[j][row])
                        if err != INT_OK:
                            if err == INT_INVALID and _parse_float(b + pos, end - pos, scratch, &d):
                                status = N_DEMOTE - j
                            else:
                                status = N_DECLINE
                            break
                    else:
                        if not _parse_float(b + pos, end - pos, scratch, &d):
                            status = N_DECLINE
                            break
                        if d == 0.0 and (<uint64_t *>&d)[0] != 0:
                            status = N_DECLINE  # -0.0
                            break
                        if (d >= 9.2e18 or d <= -9.2e18) and _parse_int64(
                                b + pos, end - pos, &scratch_int) == INT_OVERFLOW:
                            status = N_DECLINE
                            break
                        floats[j][row] = d
                    pos = end + 1
                row += 1
    finally:
        free(ints)
        free(floats)
    if status != 0:
        return status
    return row - row0
