"""The fast path of ``mlebench_fast.io.csv.read_csv``: pandas' tokenizer and type inference in C.

One pass over the file's bytes tokenizes the default dialect as pandas' C tokenizer does (comma,
double quotes with ``""`` escapes, LF and CRLF line ends, blank and whitespace-only lines skipped,
quoted fields holding newlines), recording where every cell's text lies; then each column (each
of pandas' low-memory chunks of it) is typed with pandas' rules (NA strings, int64 -> uint64 ->
float64 -> bool -> object, with the overflow quirks) straight into numpy arrays. Text columns
become Arrow string views into the file's own bytes: no Python ``str`` per cell.

``read`` returns None for anything this path does not reproduce exactly (a stray quote, an
unterminated quote, a row longer than the table, no data rows, chunks typed differently...);
the caller then reads the file with the general path. The inputs it relies on are checked by
the caller: valid UTF-8, no NUL byte, every CR followed by LF (``valid_bytes``).

Floats are correctly rounded: the Eisel-Lemire algorithm decides almost every cell with a
128-bit power of five and one 64x128-bit product, and whatever it cannot decide (ties it cannot
prove, more than 19 digits, subnormals, overflow) goes to ``PyOS_string_to_double`` -- the very
function pandas' ``round_trip`` converter calls.
"""

from cpython.ref cimport PyObject
from libc.stdint cimport int32_t, int64_t, uint8_t, uint64_t
from libc.math cimport INFINITY, NAN
from libc.stdlib cimport free, malloc, realloc
from libc.string cimport memchr, memcmp, memcpy, memmove

import numpy as np

cdef extern from "Python.h":
    double PyOS_string_to_double(const char *s, char **endptr, PyObject *overflow_exception)
    PyObject *PyErr_Occurred()
    void PyErr_Clear()

cdef extern from *:
    """
    static inline void mlf_mul64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo) {
        unsigned __int128 p = (unsigned __int128)a * b;
        *hi = (uint64_t)(p >> 64);
        *lo = (uint64_t)p;
    }
    static inline int mlf_clz64(uint64_t x) { return __builtin_clzll(x); }
    static inline double mlf_bits_to_double(uint64_t bits) {
        double d;
        memcpy(&d, &bits, sizeof d);
        return d;
    }
    """
    void mlf_mul64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo) noexcept nogil
    int mlf_clz64(uint64_t x) noexcept nogil
    double mlf_bits_to_double(uint64_t bits) noexcept nogil

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
    cdef const char *s = <const char *>p
    if m == 0:
        return True
    if m == 2:
        return p[0] == 78 and p[1] == 65  # NA
    if m == 3:
        return (memcmp(s, b"NaN", 3) == 0 or memcmp(s, b"nan", 3) == 0
                or memcmp(s, b"N/A", 3) == 0 or memcmp(s, b"n/a", 3) == 0
                or memcmp(s, b"#NA", 3) == 0)
    if m == 4:
        return (memcmp(s, b"NULL", 4) == 0 or memcmp(s, b"null", 4) == 0
                or memcmp(s, b"None", 4) == 0 or memcmp(s, b"#N/A", 4) == 0
                or memcmp(s, b"-NaN", 4) == 0 or memcmp(s, b"-nan", 4) == 0
                or memcmp(s, b"<NA>", 4) == 0)
    if m == 6:
        return memcmp(s, b"1.#IND", 6) == 0
    if m == 7:
        return memcmp(s, b"-1.#IND", 7) == 0 or memcmp(s, b"1.#QNAN", 7) == 0
    if m == 8:
        return memcmp(s, b"#N/A N/A", 8) == 0 or memcmp(s, b"-1.#QNAN", 8) == 0
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


cdef inline bint _inf_word(const uint8_t *p, Py_ssize_t m, double *out) noexcept:
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


cdef bint _parse_float(const uint8_t *p, Py_ssize_t m, char *scratch, double *out):
    """pandas' round_trip converter (then its inf words) on one cell; False: not a float.

    pandas copies the numeric-looking prefix ([+-]digits[.digits][e[+-]digits], after leading
    whitespace) and hands it to PyOS_string_to_double, which must consume all of it; only
    whitespace may follow; +HUGE_VAL (overflow) is an error, -HUGE_VAL is not.
    """
    cdef Py_ssize_t i = 0, body, body_end, digits = 0, exp_digits = 0
    cdef uint64_t w = 0
    cdef int nsig = 0, q = 0, e = 0
    cdef bint neg = False, eneg = False, simple = True
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
    d = PyOS_string_to_double(scratch, NULL, NULL)
    if PyErr_Occurred() != NULL:
        PyErr_Clear()
        return _inf_word(p, m, out)
    if d == INFINITY:
        return _inf_word(p, m, out)
    out[0] = d
    return True


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


cdef struct Vec:
    int64_t *data
    Py_ssize_t size
    Py_ssize_t cap


cdef int _grow(Vec *v) except -1:
    cdef Py_ssize_t cap = v.cap * 2 if v.cap else 1024
    cdef int64_t *data = <int64_t *>realloc(v.data, cap * sizeof(int64_t))
    if data == NULL:
        raise MemoryError()
    v.data = data
    v.cap = cap
    return 0


cdef inline int _push(Vec *v, int64_t x) except -1:
    if v.size == v.cap:
        _grow(v)
    v.data[v.size] = x
    v.size += 1
    return 0


cdef int _tokenize(uint8_t *b, Py_ssize_t n, Py_ssize_t pos, bint writable, Vec *fields,
                   Vec *recs) except -1:
    """Fills ``fields`` (start, end pairs) and ``recs`` (each record's first field, then a
    sentinel); 1 if the file holds what this path does not reproduce, 2 if it needs ``b``
    writable.

    ``b`` is written to only where a quoted field holds an escaped quote ("" -> "), in place
    inside that field (so the caller passes a copy of the file then).
    """
    cdef Py_ssize_t q, start, w, k
    cdef uint8_t c
    cdef const uint8_t *hit
    while pos < n:
        q = pos
        while q < n and (b[q] == 32 or b[q] == 9):
            q += 1
        if q == n:
            break
        c = b[q]
        if c == 10:
            pos = q + 1
            continue
        if c == 13:
            pos = q + 2  # the caller checked that every CR is followed by LF
            continue
        _push(recs, fields.size >> 1)
        while True:  # fields of one record; a leading blank belongs to the first field
            if pos < n and b[pos] == 34:
                pos += 1
                start = w = pos
                while True:
                    hit = <const uint8_t *>memchr(b + pos, 34, n - pos)
                    if hit == NULL:
                        return 1  # EOF inside a quoted field
                    k = hit - b
                    if w != pos:
                        memmove(b + w, b + pos, k - pos)
                    w += k - pos
                    if k + 1 < n and b[k + 1] == 34:
                        if not writable:
                            return 2
                        b[w] = 34
                        w += 1
                        pos = k + 2
                        continue
                    pos = k + 1
                    break
                _push(fields, start)
                _push(fields, w)
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
                    pos += 2
                    break
                return 1  # text after a closing quote
            start = pos
            while pos < n:
                c = b[pos]
                if c == 44 or c == 10 or c == 13 or c == 34:
                    break
                pos += 1
            _push(fields, start)
            _push(fields, pos)
            if pos == n:
                break
            if c == 34:
                return 1  # a quote inside an unquoted field
            if c == 44:
                pos += 1
                continue
            pos += 1 if c == 10 else 2
            break
    _push(recs, fields.size >> 1)
    return 0


cdef inline uint64_t _has_zero_byte(uint64_t v) noexcept nogil:
    return (v - 0x0101010101010101ULL) & ~v & 0x8080808080808080ULL


cdef inline bint _continuation(const uint8_t *b, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    return i < n and (b[i] & 0xC0) == 0x80


def valid_bytes(bytes data):
    """Whether ``data`` is valid UTF-8 (as Python's strict decoder sees it) without a NUL byte,
    and every CR in it is followed by LF: what the tokenizer relies on.
    """
    cdef const uint8_t *b = <const uint8_t *>(<char *>data)
    cdef Py_ssize_t n = len(data), i = 0
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


def chunk_rows(Py_ssize_t width):
    """Rows per chunk of pandas' low-memory reader (csv.chunk_rows)."""
    cdef Py_ssize_t heuristic = (1 << 20) // (width if width > 1 else 1), rows = 1
    while rows * 2 < heuristic:
        rows *= 2
    return rows


# ---------------------------------------------------------------------------------------------
# Type inference


cdef struct Cells:
    # the tokenized file: data row i is record i + 1
    const uint8_t *b
    const int64_t *fields
    const int64_t *recs


cdef inline Py_ssize_t _cell(const Cells *cells, Py_ssize_t i, Py_ssize_t j,
                             const uint8_t **p) noexcept nogil:
    """The text of data row ``i``, column ``j`` (empty past the end of a short row)."""
    cdef int64_t k = cells.recs[i + 1] + j
    if k < cells.recs[i + 2]:
        p[0] = cells.b + cells.fields[2 * k]
        return cells.fields[2 * k + 1] - cells.fields[2 * k]
    p[0] = cells.b
    return 0


cdef int _overflow(const Cells *cells, Py_ssize_t j, Py_ssize_t r0, Py_ssize_t r1, uint8_t *na,
                   uint64_t *uints):
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


cdef int _infer_chunk(const Cells *cells, Py_ssize_t j, Py_ssize_t r0, Py_ssize_t r1, uint8_t *na,
                      int64_t *ints, uint64_t *uints, double *floats, uint8_t *bools,
                      char *scratch) except -2:
    """pandas' _convert_tokens on rows [r0, r1) of column j: int64, uint64, float64, bool, object."""
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
        for i in range(r0, r1):
            floats[i] = NAN if na[i] else <double>ints[i]
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


cdef inline int _family(int kind) noexcept:
    return K_TEXT if kind == K_TEXT_RAW else kind


cdef object _string_views(const Cells *cells, Py_ssize_t j, Py_ssize_t n, uint8_t *valid):
    """Arrow string_view structs (length, 4-byte prefix or 12 inline bytes, buffer 0, offset)."""
    views = np.zeros(4 * n, dtype=np.int32)
    cdef int32_t[::1] out = views
    cdef Py_ssize_t i, m
    cdef const uint8_t *p
    for i in range(n):
        if not valid[i]:
            continue
        m = _cell(cells, i, j, &p)
        out[4 * i] = <int32_t>m
        if m <= 12:
            memcpy(&out[4 * i + 1], p, m)
        else:
            memcpy(&out[4 * i + 1], p, 4)
            out[4 * i + 3] = <int32_t>(p - cells.b)
    return views


def read(bytes data, Py_ssize_t start):
    """Tokenizes and types ``data[start:]`` (checked by ``valid_bytes`` first).

    Returns None (not handled here), or ``(header, columns, buffer)``: the header's fields as
    ``str``; per column of the table ``(kind, values, valid)`` -- kind INT64/UINT64/FLOAT/BOOL
    with a numpy array (NaN at NA cells for FLOAT), or TEXT with Arrow string_view structs into
    ``buffer`` (``data``, or a copy of it with escaped quotes undone); ``valid`` a numpy bool
    mask, or None when no cell is missing.
    """
    cdef Py_ssize_t n = len(data)
    cdef Vec fields = Vec(NULL, 0, 0)
    cdef Vec recs = Vec(NULL, 0, 0)
    cdef Py_ssize_t nrec, width, rows, j, i, k, per_chunk
    cdef Cells cells
    cdef char *scratch = NULL
    cdef uint8_t *b = <uint8_t *>(<char *>data)
    cdef int status
    buffer = data
    if n == 0 or n >= 2**31 - 16:
        return None  # string views hold 32-bit offsets
    try:
        status = _tokenize(b, n, start, False, &fields, &recs)
        if status == 2:
            buffer = bytearray(data)
            b = <uint8_t *>(<char *>buffer)
            fields.size = recs.size = 0
            status = _tokenize(b, n, start, True, &fields, &recs)
        if status:
            return None
        nrec = recs.size - 1
        if nrec < 2:
            return None  # no data rows
        width = max(recs.data[1] - recs.data[0], recs.data[2] - recs.data[1])
        for i in range(1, nrec):
            if recs.data[i + 1] - recs.data[i] > width:
                return None  # pandas raises; the general path says where
        header = [
            (<char *>b)[fields.data[2 * k]:fields.data[2 * k + 1]].decode("utf-8")
            for k in range(recs.data[0], recs.data[1])
        ]
        rows = nrec - 1
        cells.b = b
        cells.fields = fields.data
        cells.recs = recs.data
        per_chunk = chunk_rows(width)
        scratch = <char *>malloc(4096)
        if scratch == NULL:
            raise MemoryError()
        columns = []
        for j in range(width):
            column = _column(&cells, j, rows, per_chunk, scratch)
            if column is None:
                return None
            columns.append(column)
        return header, columns, buffer
    finally:
        free(fields.data)
        free(recs.data)
        free(scratch)


cdef object _column(const Cells *cells, Py_ssize_t j, Py_ssize_t rows, Py_ssize_t per_chunk,
                    char *scratch):
    na_array = np.empty(rows, dtype=np.uint8)
    ints_array = np.empty(rows, dtype=np.int64)
    uints_array = np.empty(rows, dtype=np.uint64)
    floats_array = np.empty(rows, dtype=np.float64)
    bools_array = np.empty(rows, dtype=np.uint8)
    valid_array = np.empty(rows, dtype=np.uint8)
    cdef uint8_t[::1] na = na_array
    cdef int64_t[::1] ints = ints_array
    cdef uint64_t[::1] uints = uints_array
    cdef double[::1] floats = floats_array
    cdef uint8_t[::1] bools = bools_array
    cdef uint8_t[::1] valid = valid_array
    cdef Py_ssize_t r0, r1, i
    cdef int kind, family = -1
    cdef bint all_valid = True
    for r0 in range(0, rows, per_chunk):
        r1 = min(r0 + per_chunk, rows)
        kind = _infer_chunk(cells, j, r0, r1, &na[0], &ints[0], &uints[0], &floats[0],
                            &bools[0], scratch)
        if family >= 0 and _family(kind) != family:
            return None  # chunks typed differently: pandas mixes them, the general path too
        family = _family(kind)
        for i in range(r0, r1):
            valid[i] = 1 if kind == K_TEXT_RAW or kind == K_INT64 or kind == K_UINT64 else not na[i]
            all_valid = all_valid and valid[i]
    mask = None if all_valid else valid_array.view(np.bool_)
    if family == K_INT64:
        return family, ints_array, None
    if family == K_UINT64:
        return family, uints_array, None
    if family == K_FLOAT:
        return family, floats_array, mask
    if family == K_BOOL:
        return family, bools_array.view(np.bool_), mask
    return K_TEXT, _string_views(cells, j, rows, &valid[0]), mask


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
