# Prediction strings of the box graders ("label n n ... label n n ..."), parsed straight from the
# Arrow string buffers, and the kuzushiji point-in-box match.
#
# A cell is split as the reference splits it: str.split() (runs of Python whitespace, Unicode
# included) or str.split(" ") (every single space, empty tokens kept). Each object's first token is
# looked up in a LabelIndex; every other token is converted exactly as Python's float(str):
#
# * the plain decimal form [+-]?(digits[.digits] | .digits)([eE][+-]?digits)? with at most 15
#   significant digits and a decimal exponent within +-22 is m * 10^e or m / 10^-e with m and
#   10^|e| exact doubles: one correctly rounded operation, so float()'s correctly rounded value
#   (Clinger's fast path, which Python's dtoa also takes first);
# * other tokens of ASCII letters, digits, signs and dots only (long mantissas, "nan", "inf",
#   errors) go to PyOS_string_to_double, which is what float() calls for such a string once it
#   has found no underscore and no whitespace to strip;
# * anything else (non-ASCII digits, underscores, whitespace that split(" ") keeps, NUL bytes) and
#   every token PyOS_string_to_double refuses is handed to float() itself, whose verdict is final.

cimport cython
from cpython.exc cimport PyErr_Clear, PyErr_Occurred
from cpython.ref cimport PyObject
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.stdint cimport INT64_MAX, int32_t, int64_t, uint8_t, uint64_t, uintptr_t
from libc.stdlib cimport free, malloc, realloc
from libc.math cimport INFINITY, sqrt
from libc.string cimport memcpy

import numpy as np


cdef extern from "swar_digits.h":
    uint64_t swar_cell_word(const uint8_t *p, Py_ssize_t i, Py_ssize_t end) noexcept nogil
    uint64_t swar_short_word(const uint8_t *p, Py_ssize_t n) noexcept nogil
    int swar_digit_run8(uint64_t x) noexcept nogil
    uint64_t swar_digits8(uint64_t x, int n) noexcept nogil
    const double* swar_pow10_exact
    int swar_lead_decimal(const uint8_t *p, Py_ssize_t avail, Py_ssize_t *len, uint64_t *w,
                          int *ndigits, int *frac, int *neg) noexcept nogil
    int swar_decimal_value(uint64_t w, int frac, int neg, double *out, uint64_t *wp, int *qp,
                           int *negp) noexcept nogil


cdef extern from *:
    int __builtin_ctzll(unsigned long long x) noexcept nogil


cdef extern from "Python.h":
    double PyOS_string_to_double(const char* s, char** endptr, PyObject* overflow_exception)


cdef double[23] POW10 = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]

cdef enum:
    WORD_LIMIT = 63  # longer ASCII tokens go to float() itself (no stack buffer for them)


# ---------------------------------------------------------------------------------------------
# Cells: rows of an Arrow string column, either layout.

cdef struct Source:
    const int64_t* offsets   # large-string layout, or NULL
    const uint8_t* data
    const uint8_t* views     # string-view layout, or NULL
    const uint64_t* buffers


cdef inline const uint8_t* _cell(const Source* src, Py_ssize_t r, Py_ssize_t* size) noexcept nogil:
    cdef const uint8_t* view
    cdef int32_t length, index, offset
    if src.offsets != NULL:
        size[0] = src.offsets[r + 1] - src.offsets[r]
        return src.data + src.offsets[r]
    view = src.views + 16 * r
    memcpy(&length, view, 4)
    size[0] = length
    if length <= 12:
        return view + 4  # short strings live in the view itself
    memcpy(&index, view + 8, 4)
    memcpy(&offset, view + 12, 4)
    return <const uint8_t*> <uintptr_t> src.buffers[index] + offset


cdef class Cells:
    """Read-only rows of an Arrow UTF-8 column (large-string offsets + data, or 16-byte string
    views + the addresses of their data buffers); keeps its sources alive."""
    cdef Source src
    cdef readonly Py_ssize_t rows
    cdef object _keep

    @staticmethod
    def from_offsets(const int64_t[::1] offsets, const uint8_t[::1] data):
        cdef Cells c = Cells.__new__(Cells)
        c.rows = offsets.shape[0] - 1 if offsets.shape[0] else 0
        c.src.offsets = &offsets[0] if offsets.shape[0] else NULL
        c.src.data = &data[0]
        c.src.views = NULL
        c.src.buffers = NULL
        if c.src.offsets == NULL:
            c.src.views = <const uint8_t*> &data[0]  # no rows: never read
        c._keep = (offsets, data)
        return c

    @staticmethod
    def from_views(const uint8_t[:, ::1] views, const uint64_t[::1] buffers, keepalive):
        cdef Cells c = Cells.__new__(Cells)
        if views.shape[0] and views.shape[1] != 16:
            raise ValueError("Arrow string views are 16 bytes wide.")
        c.rows = views.shape[0]
        c.src.offsets = NULL
        c.src.data = NULL
        c.src.views = &views[0, 0] if views.shape[0] else NULL
        c.src.buffers = &buffers[0] if buffers.shape[0] else NULL
        c._keep = (views, buffers, keepalive)
        return c


# ---------------------------------------------------------------------------------------------
# LabelIndex: byte strings -> codes 0..n-1 in insertion order (-1 for an unknown label).

cdef inline uint64_t _mix(uint64_t h) noexcept nogil:
    # murmur3's finaliser: every input bit reaches the low (slot) bits.
    h ^= h >> 33
    h *= 0xff51afd7ed558ccdULL
    h ^= h >> 33
    h *= 0xc4ceb9fe1a85ec53ULL
    h ^= h >> 33
    return h


cdef inline uint64_t _hash(const uint8_t* p, Py_ssize_t n, uint64_t* head) noexcept nogil:
    # Eight bytes at a time: labels are short, a byte-serial hash costs more than the look-up.
    # `head` gets the first (up to) eight bytes, little-endian: the whole label when it is short.
    cdef uint64_t h = 0x9E3779B97F4A7C15ULL ^ <uint64_t> n
    cdef uint64_t w = 0
    cdef Py_ssize_t i
    if n < 8:
        for i in range(n):
            w |= (<uint64_t> p[i]) << (8 * i)
        head[0] = w
        return _mix(h ^ w ^ 0xA5A5A5A5A5A5A5A5ULL)
    memcpy(head, p, 8)
    while n >= 8:
        memcpy(&w, p, 8)
        h = _mix(h ^ w)
        p += 8
        n -= 8
    w = 0
    for i in range(n):
        w |= (<uint64_t> p[i]) << (8 * i)
    return _mix(h ^ w ^ 0xA5A5A5A5A5A5A5A5ULL)


cdef struct Slot:
    uint64_t hash
    uint64_t head    # the label's first eight bytes: labels that short need no other memory
    int32_t code     # -1: empty
    int32_t size


@cython.final
cdef class LabelIndex:
    """Distinct labels and their codes. With ``strip_nul``, trailing NUL characters are not part
    of a label (numpy's fixed-width str arrays drop them, so the reference's ``==`` ignores them)."""
    cdef uint8_t* arena
    cdef Py_ssize_t arena_size, arena_cap
    cdef int64_t* starts       # n + 1 positions in arena
    cdef Py_ssize_t n, cap
    cdef Slot* slots
    cdef uint64_t mask
    cdef readonly bint strip_nul

    def __cinit__(self, labels=(), bint strip_nul=False):
        self.strip_nul = strip_nul
        self.arena_cap = 256
        self.arena = <uint8_t*> malloc(self.arena_cap)
        self.cap = 16
        self.starts = <int64_t*> malloc((self.cap + 1) * sizeof(int64_t))
        self.mask = 31
        self.slots = <Slot*> malloc((self.mask + 1) * sizeof(Slot))
        if not (self.arena and self.starts and self.slots):
            raise MemoryError()
        self.starts[0] = 0
        for i in range(self.mask + 1):
            self.slots[i].code = -1
        for label in labels:
            data = label.encode("utf-8") if isinstance(label, str) else bytes(label)
            self.find(<const uint8_t*> <const char*> data, len(data), True)

    def __dealloc__(self):
        free(self.arena)
        free(self.starts)
        free(self.slots)

    def __len__(self):
        return self.n

    def __reduce__(self):
        return (LabelIndex, (self.labels(), self.strip_nul))

    def labels(self):
        """The labels in code order, as bytes."""
        return [
            (<char*> self.arena)[self.starts[i]:self.starts[i + 1]] for i in range(self.n)
        ]

    def code(self, label, bint add=False):
        """The code of ``label`` (str or bytes); with ``add``, an unknown label gets the next code."""
        data = label.encode("utf-8") if isinstance(label, str) else bytes(label)
        return self.find(<const uint8_t*> <const char*> data, len(data), add)

    cdef int _grow_slots(self) except -1:
        cdef uint64_t mask = self.mask * 2 + 1
        cdef Slot* slots = <Slot*> malloc((mask + 1) * sizeof(Slot))
        cdef uint64_t i, s
        if slots == NULL:
            raise MemoryError()
        for i in range(mask + 1):
            slots[i].code = -1
        for i in range(self.mask + 1):
            if self.slots[i].code < 0:
                continue
            s = self.slots[i].hash & mask
            while slots[s].code >= 0:
                s = (s + 1) & mask
            slots[s] = self.slots[i]
        free(self.slots)
        self.slots = slots
        self.mask = mask
        return 0

    cdef inline int64_t lookup(self, const uint8_t* p, Py_ssize_t size) noexcept nogil:
        """The code of a label, -1 if unknown (no insertion: safe to share between threads)."""
        cdef uint64_t h, s, head
        cdef int64_t code, a
        cdef Py_ssize_t i
        if self.strip_nul:
            while size > 0 and p[size - 1] == 0:
                size -= 1
        h = _hash(p, size, &head)
        s = h & self.mask
        while True:
            code = self.slots[s].code
            if code < 0:
                return -1
            if self.slots[s].hash == h and self.slots[s].head == head and self.slots[s].size == size:
                if size <= 8:
                    return code
                a = self.starts[code]
                i = 8
                while i < size and self.arena[a + i] == p[i]:
                    i += 1
                if i == size:
                    return code
            s = (s + 1) & self.mask

    cdef int64_t find(self, const uint8_t* p, Py_ssize_t size, bint add) except -2:
        cdef uint64_t h, s, head
        cdef int64_t code
        cdef Py_ssize_t cap
        code = self.lookup(p, size)
        if code >= 0 or not add:
            return code
        if self.strip_nul:
            while size > 0 and p[size - 1] == 0:
                size -= 1
        if size > 0x7FFFFFFF or self.n >= 0x7FFFFFFF:
            raise OverflowError("label too long, or too many labels")
        h = _hash(p, size, &head)
        s = h & self.mask
        while self.slots[s].code >= 0:
            s = (s + 1) & self.mask
        if self.n == self.cap:
            cap = self.cap * 2
            self.starts = <int64_t*> _grown(self.starts, (cap + 1) * sizeof(int64_t))
            self.cap = cap
        if self.arena_size + size > self.arena_cap:
            cap = max(self.arena_cap * 2, self.arena_size + size)
            self.arena = <uint8_t*> _grown(self.arena, cap)
            self.arena_cap = cap
        memcpy(self.arena + self.arena_size, p, size)
        self.arena_size += size
        code = self.n
        self.starts[code + 1] = self.arena_size
        self.n += 1
        self.slots[s].hash = h
        self.slots[s].head = head
        self.slots[s].code = <int32_t> code
        self.slots[s].size = <int32_t> size
        if <uint64_t> (2 * self.n) > self.mask:
            self._grow_slots()
        return code


cdef void* _grown(void* p, size_t size) except NULL:
    cdef void* q = realloc(p, size)
    if q == NULL:
        raise MemoryError()
    return q


# ---------------------------------------------------------------------------------------------
# Tokens.

cdef uint8_t[256] ASCII_SPACE   # str.split()'s ASCII whitespace (incl. the information separators)
cdef uint8_t[256] WORD_BYTE     # bytes a PyOS_string_to_double word may hold: [0-9A-Za-z+-.]
cdef int _c
for _c in range(256):
    ASCII_SPACE[_c] = _c == 32 or 9 <= _c <= 13 or 28 <= _c <= 31
    WORD_BYTE[_c] = (48 <= _c <= 57) or (65 <= _c <= 90) or (97 <= _c <= 122) or _c in (43, 45, 46)


cdef inline Py_ssize_t _space(const uint8_t* s, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    # Byte length of the str.isspace() character at s[i] (0: not whitespace). Lead bytes of
    # multi-byte characters never occur as continuation bytes, so any position may be probed.
    cdef uint8_t c = s[i]
    if c < 0x80:
        return ASCII_SPACE[c]
    if c == 0xC2:  # U+0085, U+00A0
        return 2 if i + 1 < n and (s[i + 1] == 0x85 or s[i + 1] == 0xA0) else 0
    if i + 2 >= n:
        return 0
    if c == 0xE1:  # U+1680
        return 3 if s[i + 1] == 0x9A and s[i + 2] == 0x80 else 0
    if c == 0xE2:
        if s[i + 1] == 0x80:  # U+2000..U+200A, U+2028, U+2029, U+202F
            c = s[i + 2]
            return 3 if (c <= 0x8A or c == 0xA8 or c == 0xA9 or c == 0xAF) else 0
        return 3 if s[i + 1] == 0x81 and s[i + 2] == 0x9F else 0  # U+205F
    if c == 0xE3:  # U+3000
        return 3 if s[i + 1] == 0x80 and s[i + 2] == 0x80 else 0
    return 0


cdef inline Py_ssize_t _token_end(const uint8_t* s, Py_ssize_t i, Py_ssize_t n,
                                  bint python_split) noexcept nogil:
    # End of the token starting at s[i]: the next separator, or n.
    if python_split:
        while i < n and not (ASCII_SPACE[s[i]] if s[i] < 0x80 else _space(s, i, n)):
            i += 1
    else:
        while i < n and s[i] != 32:
            i += 1
    return i


cdef inline bint _separates(const uint8_t* s, Py_ssize_t i, Py_ssize_t n,
                            bint python_split) noexcept nogil:
    # Whether a token ending at s[i] ends there (end of cell, or a separator follows).
    if i >= n:
        return True
    if python_split:
        return ASCII_SPACE[s[i]] if s[i] < 0x80 else _space(s, i, n) > 0
    return s[i] == 32


cdef inline bint _swar_prefix(const uint8_t* s, Py_ssize_t n, double* out,
                              Py_ssize_t* used) noexcept nogil:
    # _fast_prefix's usual token, [+-]digits[.digits] (at most 19 digits, w <= 2**53 over an
    # exact 10**frac: one correctly rounded division, float()'s value) with eight bytes of the
    # cell readable, read eight bytes at a time by swar_digits.h's decimal parser. Anything
    # else (an exponent, more digits, a short cell): False, and _fast_prefix reads it byte by
    # byte.
    cdef Py_ssize_t length
    cdef uint64_t w
    cdef int ndigits, frac, neg, q
    if n < 8 or not swar_lead_decimal(s, n, &length, &w, &ndigits, &frac, &neg):
        return False
    if length < n and (s[length] | 32) == 101:
        return False
    if swar_decimal_value(w, frac if frac > 0 else 0, neg, out, &w, &q, &neg) != 1:
        return False
    used[0] = length
    return True


cdef inline bint _fast_prefix(const uint8_t* s, Py_ssize_t n, double* out,
                              Py_ssize_t* used) noexcept nogil:
    """Parses [+-]?(digits[.digits]|.digits)([eE][+-]?digits)? from s; True (value, length in
    `used`) when it is well-formed, has <= 15 significant digits and an exponent within +-22:
    then, if a separator follows, the token is exactly that and float() gives `out`."""
    cdef Py_ssize_t i = 0
    cdef bint neg = False, eneg = False
    cdef uint64_t m = 0
    cdef int nd = 0, digits = 0, frac_digits = 0, exp_digits = 0
    cdef int64_t e = 0, e10
    cdef uint8_t c
    cdef double v
    if _swar_prefix(s, n, out, used):
        return True
    if i < n and (s[i] == 43 or s[i] == 45):
        neg = s[i] == 45
        i += 1
    while i < n:
        c = s[i] - 48
        if c > 9:
            break
        if nd or c:
            nd += 1
            if nd <= 19:
                m = m * 10 + c
        digits += 1
        i += 1
    if i < n and s[i] == 46:
        i += 1
        while i < n:
            c = s[i] - 48
            if c > 9:
                break
            if nd or c:
                nd += 1
                if nd <= 19:
                    m = m * 10 + c
            frac_digits += 1
            i += 1
    if digits + frac_digits == 0:
        return False
    if i < n and (s[i] == 101 or s[i] == 69):
        i += 1
        if i < n and (s[i] == 43 or s[i] == 45):
            eneg = s[i] == 45
            i += 1
        while i < n:
            c = s[i] - 48
            if c > 9:
                break
            if e < 100000:
                e = e * 10 + c
            exp_digits += 1
            i += 1
        if exp_digits == 0:
            return False
    used[0] = i
    if nd == 0:
        out[0] = -0.0 if neg else 0.0
        return True
    if nd > 15:
        return False
    e10 = (-e if eneg else e) - frac_digits
    v = <double> m
    if e10 > 0:
        if e10 > 22:
            return False
        v = v * POW10[e10]
    elif e10 < 0:
        if e10 < -22:
            return False
        v = v / POW10[-e10]
    out[0] = -v if neg else v
    return True


cdef int _python_float(const uint8_t* s, Py_ssize_t n, double* out) except -1:
    """float() of the token s[:n]: 0 and the value in out, or 1 when float() refuses it."""
    cdef char buf[WORD_LIMIT + 1]
    cdef double v
    cdef Py_ssize_t i
    cdef bint word = 0 < n <= WORD_LIMIT
    for i in range(n if word else 0):
        if not WORD_BYTE[s[i]]:
            word = False
            break
    if word:
        memcpy(buf, s, n)
        buf[n] = 0
        v = PyOS_string_to_double(buf, NULL, NULL)
        if not (v == -1.0 and PyErr_Occurred() != NULL):
            out[0] = v
            return 0
        PyErr_Clear()
    token = PyUnicode_DecodeUTF8(<const char*> s, n, "strict")
    try:
        out[0] = float(token)
    except ValueError:
        return 1
    return 0


# ---------------------------------------------------------------------------------------------
# Objects.

cdef enum:
    CACHE_BITS = 8


cdef struct CacheEntry:
    uint64_t head
    int32_t size   # -1: empty
    int32_t code

cdef struct Sink:
    # Where parse_objects writes: object codes, the number columns (stride cap), how many objects
    # so far, and the first number float() refuses.
    int64_t* codes
    double* values
    Py_ssize_t cap
    Py_ssize_t count
    Py_ssize_t fail_row
    const uint8_t* fail_at
    Py_ssize_t fail_size


cdef enum:
    NOT_PLAIN = -1


cdef inline int64_t _cached_code(LabelIndex labels, CacheEntry* cache, const uint8_t* p,
                                 Py_ssize_t n, uint64_t head) noexcept nogil:
    # The code of the label p[:n] of at most 8 bytes (head: those bytes, low byte first). Few
    # labels make most objects: a small direct-mapped cache of short labels (the whole label is
    # the key) saves most look-ups in the big table.
    cdef uint64_t slot = ((head ^ <uint64_t> n) * 0x9E3779B97F4A7C15ULL) >> (64 - CACHE_BITS)
    if cache[slot].size == n and cache[slot].head == head:
        return cache[slot].code
    cache[slot].head = head
    cache[slot].size = <int32_t> n
    cache[slot].code = <int32_t> labels.lookup(p, n)
    return cache[slot].code


cdef inline void _refused(Sink* out, Py_ssize_t r, const uint8_t* token, Py_ssize_t n) noexcept nogil:
    # Records the first number float() refuses.
    if out.fail_row < 0:
        out.fail_row = r
        out.fail_at = token
        out.fail_size = n


cdef inline uint64_t _stops(uint64_t x) noexcept nogil:
    # 0x80 in each byte of x that ends a token of a plain cell or shows the cell is not plain:
    # a byte <= 0x20 (space, the zeros past the cell, control characters) or >= 0x80.
    return (x | ~((x & 0x7F7F7F7F7F7F7F7FULL) + 0x5F5F5F5F5F5F5F5FULL)) & 0x8080808080808080ULL


cdef inline bint _short_decimal(uint64_t x, int n, double* out) noexcept nogil:
    """float() of a token of 1..8 bytes x (low byte first, zeros above) of the form
    [+-]?(digits[.digits] | digits. | .digits); False for any other token (the caller then asks
    _fast_prefix / float()). At most 8 digits over 10**<=7: one exact division (Clinger)."""
    cdef int neg = 0, dot, frac = 0
    cdef uint64_t dots, low, w
    cdef double d
    if (x & 0xFF) == 45 or (x & 0xFF) == 43:
        neg = (x & 0xFF) == 45
        x >>= 8
        n -= 1
    dots = x ^ 0x2E2E2E2E2E2E2E2EULL
    dots = ~(((dots & 0x7F7F7F7F7F7F7F7FULL) + 0x7F7F7F7F7F7F7F7FULL) | dots | 0x7F7F7F7F7F7F7F7FULL)  # 0x80 where a byte is '.'
    if dots:
        if dots & (dots - 1):
            return False
        dot = (__builtin_ctzll(dots) >> 3)
        low = (1ULL << (8 * dot)) - 1  # dot <= 7
        x = (x & low) | ((x >> 8) & ~low)
        n -= 1
        frac = n - dot
    if n <= 0 or swar_digit_run8(x) < n:
        return False
    w = swar_digits8(x, n)
    if w == 0:
        out[0] = -0.0 if neg else 0.0
        return True
    d = <double> w / swar_pow10_exact[frac]
    out[0] = -d if neg else d
    return True


cdef Py_ssize_t _plain_cell(const uint8_t* s, Py_ssize_t size, Py_ssize_t r, LabelIndex labels,
                            CacheEntry* cache, int width, Sink* out) except -2:
    """The objects of a cell split by str.split() when the cell is plain: bytes 0x20..0x7F, so
    that its only whitespace is the space. Returns the tokens of its last, incomplete object (0
    when its tokens fill whole objects), or NOT_PLAIN at the first other byte, with out.count
    unchanged: the caller then parses the cell again in full over what was written here, and a
    number refused here comes before that byte, so it is the general path's first refusal too."""
    cdef Py_ssize_t i = 0, j, n, used, objects = 0, cap = out.cap
    cdef int field = 0
    cdef uint64_t x, stop
    cdef double v
    # This object's code and its first number (number f at value[(f - 1) * cap]); locals, so
    # that the compiler need not reload them after every store.
    cdef int64_t* code = out.codes + out.count
    cdef double* value = out.values + out.count
    while True:
        while i < size and s[i] == 32:
            i += 1
        if i >= size:
            out.count += objects
            return field
        # The token s[i:j]: up to the first stop byte, which must be a space or the cell's end.
        x = swar_cell_word(s, i, size)
        stop = _stops(x)
        j = i
        while stop == 0:  # no stop in eight bytes: all of them lie in the cell
            j += 8
            if j == size:
                break
            stop = _stops(swar_cell_word(s, j, size))
        if stop:
            j += __builtin_ctzll(stop) >> 3
        if j < size and s[j] != 32:
            return NOT_PLAIN
        n = j - i
        if n < 8:
            x &= (1ULL << (8 * n)) - 1
        if field == 0:
            code[0] = _cached_code(labels, cache, s + i, n, x) if n <= 8 else labels.lookup(s + i, n)
        elif n == 1 and <uint64_t> (x - 48) < 10:  # a lone digit ("0 0 1 1" boxes): itself
            value[(field - 1) * cap] = <double> (x - 48)
        else:
            if not (n <= 8 and _short_decimal(x, <int> n, &v)):
                if not (_fast_prefix(s + i, n, &v, &used) and used == n):
                    if _python_float(s + i, n, &v):
                        v = 0.0
                        _refused(out, r, s + i, n)
            value[(field - 1) * cap] = v
        field += 1
        if field == width:
            field = 0
            objects += 1
            code += 1
            value += 1
        i = j


def parse_objects(
    Cells cells,
    LabelIndex labels,
    int width,
    bint python_split,
    const int64_t[::1] rows=None,
    const uint8_t[::1] nulls=None,
    bint grow=False,
):
    """Objects of ``width`` tokens (a label, then ``width - 1`` numbers) of every cell.

    Cell ``r`` is row ``rows[r]`` of ``cells`` (all rows in order without ``rows``); a cell whose
    source row is flagged in ``nulls`` holds no object. Labels are coded by ``labels`` (added
    when ``grow``). Returns ``(offsets, codes, values, bad_row, fail_row, fail_token)``: objects
    per cell as int64 offsets (cells + 1), their int64 codes, a (width - 1, objects) float64
    array, the first cell whose token count is not a multiple of ``width`` (-1 if none), and the
    cell and text (str) of the first number float() refuses (-1, None if none)."""
    cdef Py_ssize_t n_cells = rows.shape[0] if rows is not None else cells.rows
    cdef Py_ssize_t r, src, size, i, j, k, used = 0, total = 0
    cdef Py_ssize_t bad_row = -1
    cdef Py_ssize_t field
    cdef const uint8_t* s
    cdef double v
    cdef uint64_t slot
    cdef CacheEntry[1 << CACHE_BITS] cache
    cdef Sink out
    for slot in range(1 << CACHE_BITS):
        cache[slot].size = -1
    if width < 2:
        raise ValueError("an object has a label and at least one number")
    if rows is not None and n_cells and (np.min(rows) < 0 or np.max(rows) >= cells.rows):
        raise IndexError("rows must index the cells")
    if nulls is not None and nulls.shape[0] != cells.rows:
        raise ValueError("nulls must flag every row of the cells")
    # Upper bound on the objects: a token takes at least one byte, or a space in split(" "), so
    # a cell holds at most (size + 1) // width + 1 of them; str.split()'s tokens are also apart,
    # which halves that (summed over the cells before the one division).
    for r in range(n_cells):
        src = rows[r] if rows is not None else r
        if nulls is not None and nulls[src]:
            continue
        _cell(&cells.src, src, &size)
        total += size + 1
        used += 1
    total = total // (2 * width if python_split else width) + used
    offsets = np.zeros(n_cells + 1, dtype=np.int64)
    codes = np.empty(total, dtype=np.int64)
    values = np.empty((width - 1, total), dtype=np.float64)
    cdef int64_t[::1] off = offsets
    cdef int64_t[::1] code_view = codes
    cdef double[:, ::1] value_view = values
    out.codes = &code_view[0] if total else NULL
    out.values = &value_view[0, 0] if total else NULL
    out.cap = total
    out.count = 0
    out.fail_row = -1
    out.fail_at = NULL
    out.fail_size = 0
    for r in range(n_cells):
        src = rows[r] if rows is not None else r
        if nulls is not None and nulls[src]:
            off[r + 1] = out.count
            continue
        s = _cell(&cells.src, src, &size)
        field = NOT_PLAIN
        if python_split and not grow and not labels.strip_nul:
            field = _plain_cell(s, size, r, labels, cache, width, &out)
        if field == NOT_PLAIN:
            field = 0
            i = 0
            while True:
                if python_split:
                    while i < size:
                        if s[i] < 0x80:
                            if not ASCII_SPACE[s[i]]:
                                break
                            i += 1
                        else:
                            j = _space(s, i, size)
                            if j == 0:
                                break
                            i += j
                    if i >= size:
                        break
                # A token starts at s[i] (possibly empty in split(" ")).
                if field == 0:
                    j = _token_end(s, i, size, python_split)
                    k = j - i
                    if labels.strip_nul:
                        while k > 0 and s[i + k - 1] == 0:
                            k -= 1
                    if grow or k > 8:
                        out.codes[out.count] = labels.find(s + i, k, grow)
                    else:
                        out.codes[out.count] = _cached_code(
                            labels, cache, s + i, k, swar_short_word(s + i, k) if k else 0
                        )
                else:
                    if _fast_prefix(s + i, size - i, &v, &used) and _separates(s, i + used, size, python_split):
                        j = i + used
                    else:
                        j = _token_end(s, i, size, python_split)
                        if _python_float(s + i, j - i, &v):
                            v = 0.0
                            _refused(&out, r, s + i, j - i)
                    out.values[(field - 1) * out.cap + out.count] = v
                field += 1
                if field == width:
                    field = 0
                    out.count += 1
                i = j
                if not python_split:
                    if i >= size:
                        break
                    i += 1  # the space
        if field and bad_row < 0:
            bad_row = r
        off[r + 1] = out.count
    fail_token = None
    if out.fail_row >= 0:
        fail_token = PyUnicode_DecodeUTF8(<const char*> out.fail_at, out.fail_size, "replace")
    return offsets, codes[:out.count], values[:, :out.count], bad_row, out.fail_row, fail_token


# ---------------------------------------------------------------------------------------------
# kuzushiji: points strictly inside same-label boxes.

cdef struct Point:
    double x
    double y
    int64_t index
    int64_t label


cdef enum:
    GRID_SIDE_LIMIT = 256


cdef inline Py_ssize_t _grid_index(double v, double lo, double inv, Py_ssize_t g) noexcept nogil:
    # Grid column (or row) of v: non-decreasing in v, clamped to [0, g), whatever v is (inf too).
    cdef double t
    if g == 1:
        return 0
    t = (v - lo) * inv
    if not (t > 0.0):
        return 0
    if t >= g:
        return g - 1
    return <Py_ssize_t> t


def point_in_box_counts(
    const int64_t[::1] t_off, const int64_t[::1] t_label,
    const double[::1] t_x0, const double[::1] t_y0, const double[::1] t_x1, const double[::1] t_y1,
    const int64_t[::1] p_off, const int64_t[::1] p_label,
    const double[::1] p_x, const double[::1] p_y,
    Py_ssize_t n_labels,
):
    """(tp, fp, fn) over all pages: each page's boxes, in order, claim the first (lowest index)
    unused point of their label strictly inside them; unclaimed boxes are misses, unclaimed points
    false positives. Labels are codes in [0, n_labels) (a point's code may be -1: no box has it).
    NaN never compares inside.

    Per page, the points that can lie inside some box (strictly inside the boxes' union extent:
    finite, whatever the submission holds) go into a grid of about one point per cell over their
    extent; a box visits the cells its x and y ranges reach (cells are monotone in the
    coordinate, so every point inside it is in one of them) and keeps the lowest unused index of
    its label inside it. The checks are branch-free: which points fall inside is data, not a
    pattern a branch predictor can learn."""
    cdef Py_ssize_t n_pages = t_off.shape[0] - 1
    cdef Py_ssize_t r, j, b, k, n, g, gx, gy, cell, cx, cy, cx0, cx1, cy0, cy1, best, widest = 0
    cdef Py_ssize_t b0, b1, p0, p1
    cdef int64_t tp = 0, fn = 0, best_index, idx, c
    cdef double x0, x1, y0, y1, x, y, bx_lo, bx_hi, by_lo, by_hi, px_lo, px_hi, py_lo, py_hi
    cdef double inv_x, inv_y
    cdef bint inside
    cdef Point* pts
    cdef Point* cell_pts
    cdef uint8_t* used
    cdef int64_t* start
    cdef int64_t* slot
    if p_off.shape[0] != t_off.shape[0]:
        raise ValueError("boxes and points must cover the same pages")
    for r in range(n_pages):
        widest = max(widest, p_off[r + 1] - p_off[r])
    for j in range(p_label.shape[0]):
        if p_label[j] >= n_labels:
            raise ValueError("point label out of range")
    for j in range(t_label.shape[0]):
        if t_label[j] < 0 or t_label[j] >= n_labels:
            raise ValueError("box label out of range")
    pts = <Point*> malloc((widest + 1) * sizeof(Point))
    cell_pts = <Point*> malloc((widest + 1) * sizeof(Point))
    slot = <int64_t*> malloc((widest + 1) * sizeof(int64_t))
    used = <uint8_t*> malloc(widest + 1)
    start = <int64_t*> malloc((GRID_SIDE_LIMIT * GRID_SIDE_LIMIT + 1) * sizeof(int64_t))
    if not (pts and cell_pts and slot and used and start):
        free(pts); free(cell_pts); free(slot); free(used); free(start)
        raise MemoryError()
    with nogil:
        for r in range(n_pages):
            b0 = t_off[r]
            b1 = t_off[r + 1]
            p0 = p_off[r]
            p1 = p_off[r + 1]
            if b0 == b1 or p0 == p1:
                fn += b1 - b0
                continue
            # The boxes' union extent (a box with a NaN side holds nothing).
            bx_lo = INFINITY
            bx_hi = -INFINITY
            by_lo = INFINITY
            by_hi = -INFINITY
            for b in range(b0, b1):
                x0 = t_x0[b]
                x1 = t_x1[b]
                y0 = t_y0[b]
                y1 = t_y1[b]
                if x0 != x0 or x1 != x1 or y0 != y0 or y1 != y1:
                    continue
                bx_lo = min(bx_lo, x0)
                bx_hi = max(bx_hi, x1)
                by_lo = min(by_lo, y0)
                by_hi = max(by_hi, y1)
            # Points strictly inside it (so finite), and their own extent.
            n = 0
            px_lo = INFINITY
            px_hi = -INFINITY
            py_lo = INFINITY
            py_hi = -INFINITY
            for j in range(p0, p1):
                x = p_x[j]
                y = p_y[j]
                if p_label[j] < 0 or not (bx_lo < x and x < bx_hi and by_lo < y and y < by_hi):
                    continue
                pts[n].x = x
                pts[n].y = y
                pts[n].index = j
                pts[n].label = p_label[j]
                n += 1
                px_lo = min(px_lo, x)
                px_hi = max(px_hi, x)
                py_lo = min(py_lo, y)
                py_hi = max(py_hi, y)
            if n == 0:
                fn += b1 - b0
                continue
            g = <Py_ssize_t> sqrt(<double> n) + 1
            if g > GRID_SIDE_LIMIT:
                g = GRID_SIDE_LIMIT
            gx = g if px_hi > px_lo else 1
            gy = g if py_hi > py_lo else 1
            inv_x = gx / (px_hi - px_lo) if gx > 1 else 0.0
            inv_y = gy / (py_hi - py_lo) if gy > 1 else 0.0
            # Counting sort into cells (index order kept within a cell).
            for cell in range(gx * gy + 1):
                start[cell] = 0
            for k in range(n):
                cell = _grid_index(pts[k].y, py_lo, inv_y, gy) * gx + _grid_index(pts[k].x, px_lo, inv_x, gx)
                slot[k] = cell
                start[cell + 1] += 1
            for cell in range(gx * gy):
                start[cell + 1] += start[cell]
            for k in range(n):
                cell = slot[k]
                cell_pts[start[cell]] = pts[k]
                used[start[cell]] = 0
                start[cell] += 1
            # start[cell] is now the end of the cell, its begin is start[cell - 1] (0 for cell 0).
            for b in range(b0, b1):
                c = t_label[b]
                x0 = t_x0[b]
                x1 = t_x1[b]
                y0 = t_y0[b]
                y1 = t_y1[b]
                best = -1
                if not (x0 != x0 or x1 != x1 or y0 != y0 or y1 != y1):
                    cx0 = _grid_index(x0, px_lo, inv_x, gx)
                    cx1 = _grid_index(x1, px_lo, inv_x, gx)
                    cy0 = _grid_index(y0, py_lo, inv_y, gy)
                    cy1 = _grid_index(y1, py_lo, inv_y, gy)
                    best_index = INT64_MAX
                    for cy in range(cy0, cy1 + 1):
                        cell = cy * gx + cx0
                        k = start[cell - 1] if cell else 0
                        for j in range(k, start[cy * gx + cx1]):
                            x = cell_pts[j].x
                            y = cell_pts[j].y
                            idx = cell_pts[j].index
                            inside = (
                                (cell_pts[j].label == c) & (used[j] == 0) & (x0 < x) & (x1 > x)
                                & (y0 < y) & (y1 > y) & (idx < best_index)
                            )
                            best = j if inside else best
                            best_index = idx if inside else best_index
                if best >= 0:
                    used[best] = 1
                    tp += 1
                else:
                    fn += 1
    free(pts); free(cell_pts); free(slot); free(used); free(start)
    return int(tp), int(p_label.shape[0] - tp), int(fn)
