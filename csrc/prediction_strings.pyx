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
from libc.string cimport memcmp, memcpy

import numpy as np


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


cdef inline uint64_t _hash(const uint8_t* p, Py_ssize_t n) noexcept nogil:
    # Eight bytes at a time: labels are short, a byte-serial hash costs more than the look-up.
    cdef uint64_t h = 0x9E3779B97F4A7C15ULL ^ <uint64_t> n
    cdef uint64_t w
    cdef Py_ssize_t i
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
    int64_t code   # -1: empty


@cython.final
cdef class LabelIndex:
    """Distinct labels and their codes. With ``strip_nul``, trailing NUL characters are not part
    of a label (numpy's fixed-width str arrays drop them, so the reference's ``==`` ignores them)."""
    cdef uint8_t* arena
    cdef Py_ssize_t arena_size, arena_cap
    cdef int64_t* starts       # n + 1 positions in arena
    cdef uint64_t* hashes
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
        self.hashes = <uint64_t*> malloc(self.cap * sizeof(uint64_t))
        self.mask = 31
        self.slots = <Slot*> malloc((self.mask + 1) * sizeof(Slot))
        if not (self.arena and self.starts and self.hashes and self.slots):
            raise MemoryError()
        self.starts[0] = 0
        for i in range(self.mask + 1):
            self.slots[i].code = -1
            self.slots[i].hash = 0
        for label in labels:
            data = label.encode("utf-8") if isinstance(label, str) else bytes(label)
            self.find(<const uint8_t*> <const char*> data, len(data), True)

    def __dealloc__(self):
        free(self.arena)
        free(self.starts)
        free(self.hashes)
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
            slots[i].hash = 0
        for i in range(<uint64_t> self.n):
            s = self.hashes[i] & mask
            while slots[s].code >= 0:
                s = (s + 1) & mask
            slots[s].code = i
            slots[s].hash = self.hashes[i]
        free(self.slots)
        self.slots = slots
        self.mask = mask
        return 0

    cdef inline int64_t lookup(self, const uint8_t* p, Py_ssize_t size) noexcept nogil:
        """The code of a label, -1 if unknown (no insertion: safe to share between threads)."""
        cdef uint64_t h, s
        cdef int64_t code, a
        cdef Py_ssize_t i
        if self.strip_nul:
            while size > 0 and p[size - 1] == 0:
                size -= 1
        h = _hash(p, size)
        s = h & self.mask
        while True:
            code = self.slots[s].code
            if code < 0:
                return -1
            if self.slots[s].hash == h:
                a = self.starts[code]
                if self.starts[code + 1] - a == size:
                    i = 0
                    while i < size and self.arena[a + i] == p[i]:
                        i += 1
                    if i == size:
                        return code
            s = (s + 1) & self.mask

    cdef int64_t find(self, const uint8_t* p, Py_ssize_t size, bint add) except -2:
        cdef uint64_t h, s
        cdef int64_t code
        cdef Py_ssize_t cap
        code = self.lookup(p, size)
        if code >= 0 or not add:
            return code
        if self.strip_nul:
            while size > 0 and p[size - 1] == 0:
                size -= 1
        h = _hash(p, size)
        s = h & self.mask
        while self.slots[s].code >= 0:
            s = (s + 1) & self.mask
        if self.n == self.cap:
            cap = self.cap * 2
            self.starts = <int64_t*> _grown(self.starts, (cap + 1) * sizeof(int64_t))
            self.hashes = <uint64_t*> _grown(self.hashes, cap * sizeof(uint64_t))
            self.cap = cap
        if self.arena_size + size > self.arena_cap:
            cap = max(self.arena_cap * 2, self.arena_size + size)
            self.arena = <uint8_t*> _grown(self.arena, cap)
            self.arena_cap = cap
        memcpy(self.arena + self.arena_size, p, size)
        self.arena_size += size
        code = self.n
        self.hashes[code] = h
        self.starts[code + 1] = self.arena_size
        self.n += 1
        self.slots[s].code = code
        self.slots[s].hash = h
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
    cdef Py_ssize_t r, src, size, i, j, used, total = 0, count = 0, cap
    cdef Py_ssize_t bad_row = -1, fail_row = -1, fail_size = 0
    cdef const uint8_t* fail_at = NULL
    cdef const uint8_t* s
    cdef int field
    cdef int64_t* code_out
    cdef double* value_out
    cdef double v
    if width < 2:
        raise ValueError("an object has a label and at least one number")
    if rows is not None and n_cells and (np.min(rows) < 0 or np.max(rows) >= cells.rows):
        raise IndexError("rows must index the cells")
    if nulls is not None and nulls.shape[0] != cells.rows:
        raise ValueError("nulls must flag every row of the cells")
    # Upper bound on the objects: a token takes at least one byte, or a space in split(" ").
    for r in range(n_cells):
        src = rows[r] if rows is not None else r
        if nulls is not None and nulls[src]:
            continue
        _cell(&cells.src, src, &size)
        total += (size + 1) // width + 1
    offsets = np.zeros(n_cells + 1, dtype=np.int64)
    codes = np.empty(total, dtype=np.int64)
    values = np.empty((width - 1, total), dtype=np.float64)
    cdef int64_t[::1] off = offsets
    cdef int64_t[::1] code_view = codes
    cdef double[:, ::1] value_view = values
    code_out = &code_view[0] if total else NULL
    value_out = &value_view[0, 0] if total else NULL
    cap = total
    for r in range(n_cells):
        src = rows[r] if rows is not None else r
        if nulls is not None and nulls[src]:
            off[r + 1] = count
            continue
        s = _cell(&cells.src, src, &size)
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
                code_out[count] = labels.lookup(s + i, j - i) if not grow else labels.find(s + i, j - i, True)
            else:
                if _fast_prefix(s + i, size - i, &v, &used) and _separates(s, i + used, size, python_split):
                    j = i + used
                else:
                    j = _token_end(s, i, size, python_split)
                    if _python_float(s + i, j - i, &v):
                        v = 0.0
                        if fail_row < 0:
                            fail_row = r
                            fail_at = s + i
                            fail_size = j - i
                value_out[(field - 1) * cap + count] = v
            field += 1
            if field == width:
                field = 0
                count += 1
            i = j
            if not python_split:
                if i >= size:
                    break
                i += 1  # the space
        if field and bad_row < 0:
            bad_row = r
        off[r + 1] = count
    fail_token = None
    if fail_row >= 0:
        fail_token = PyUnicode_DecodeUTF8(<const char*> fail_at, fail_size, "replace")
    return offsets, codes[:count], values[:, :count], bad_row, fail_row, fail_token


# ---------------------------------------------------------------------------------------------
# kuzushiji: points strictly inside same-label boxes.

cdef struct Point:
    double x
    double y
    int64_t index


cdef enum:
    SCAN_LIMIT = 16  # a label with at most this many points on the page is scanned whole


cdef void _sort_by_x(Point* a, Py_ssize_t n) noexcept nogil:
    cdef Py_ssize_t i, j, lo, hi
    cdef Point t
    cdef double pivot
    while n > 16:
        # Median of three, Hoare partition; recurse into the smaller side.
        i = n // 2
        if a[i].x < a[0].x:
            t = a[i]; a[i] = a[0]; a[0] = t
        if a[n - 1].x < a[0].x:
            t = a[n - 1]; a[n - 1] = a[0]; a[0] = t
        if a[n - 1].x < a[i].x:
            t = a[n - 1]; a[n - 1] = a[i]; a[i] = t
        pivot = a[i].x
        lo = 0
        hi = n - 1
        while True:
            while a[lo].x < pivot:
                lo += 1
            while pivot < a[hi].x:
                hi -= 1
            if lo >= hi:
                break
            t = a[lo]; a[lo] = a[hi]; a[hi] = t
            lo += 1
            hi -= 1
        j = hi + 1
        if j < n - j:
            _sort_by_x(a, j)
            a += j
            n -= j
        else:
            _sort_by_x(a + j, n - j)
            n = j
    for i in range(1, n):
        t = a[i]
        j = i
        while j > 0 and t.x < a[j - 1].x:
            a[j] = a[j - 1]
            j -= 1
        a[j] = t


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

    A page's points are grouped by label; a small group is checked whole (in index order), a
    larger one is sorted by x so that a box only visits the points of its x range, keeping the
    lowest unused index among those inside. The checks are branch-free: which points fall inside
    is data, not a pattern a branch predictor can learn."""
    cdef Py_ssize_t n_pages = t_off.shape[0] - 1
    cdef Py_ssize_t r, j, b, c, k, lo, end, half, n, pos, best, widest = 0
    cdef int64_t tp = 0, fn = 0, best_index, idx
    cdef double x0, x1, y0, y1, x, y
    cdef bint inside
    cdef Point* pts
    cdef uint8_t* used
    cdef int64_t* count
    cdef int64_t* first
    cdef int64_t* touched
    cdef Py_ssize_t n_touched
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
    used = <uint8_t*> malloc(widest + 1)
    touched = <int64_t*> malloc((widest + 1) * sizeof(int64_t))
    count = <int64_t*> malloc((n_labels + 1) * sizeof(int64_t))
    first = <int64_t*> malloc((n_labels + 1) * sizeof(int64_t))
    if not (pts and used and touched and count and first):
        free(pts); free(used); free(touched); free(count); free(first)
        raise MemoryError()
    with nogil:
        for c in range(n_labels):
            count[c] = 0
            first[c] = 0
        for r in range(n_pages):
            if t_off[r] == t_off[r + 1] or p_off[r] == p_off[r + 1]:
                fn += t_off[r + 1] - t_off[r]
                continue
            # Group the page's comparable points by label (counting sort, index order kept).
            n_touched = 0
            for j in range(p_off[r], p_off[r + 1]):
                c = p_label[j]
                if c < 0 or p_x[j] != p_x[j] or p_y[j] != p_y[j]:
                    continue
                if count[c] == 0:
                    touched[n_touched] = c
                    n_touched += 1
                count[c] += 1
            pos = 0
            for k in range(n_touched):
                c = touched[k]
                first[c] = pos
                pos += count[c]
                count[c] = first[c]  # fill cursor
            for j in range(p_off[r], p_off[r + 1]):
                c = p_label[j]
                if c < 0 or p_x[j] != p_x[j] or p_y[j] != p_y[j]:
                    continue
                k = count[c]
                pts[k].x = p_x[j]
                pts[k].y = p_y[j]
                pts[k].index = j
                used[k] = 0
                count[c] = k + 1
            # count[c] is now the end of c's group (0 for a label without points here).
            for k in range(n_touched):
                c = touched[k]
                if count[c] - first[c] > SCAN_LIMIT:
                    _sort_by_x(pts + first[c], count[c] - first[c])
            for b in range(t_off[r], t_off[r + 1]):
                c = t_label[b]
                end = count[c]
                lo = first[c] if end else 0
                x0 = t_x0[b]
                x1 = t_x1[b]
                y0 = t_y0[b]
                y1 = t_y1[b]
                best = -1
                if end - lo <= SCAN_LIMIT:
                    # Index order: the last hit walking backwards is the first one.
                    k = end - 1
                    while k >= lo:
                        x = pts[k].x
                        y = pts[k].y
                        inside = (
                            (used[k] == 0) & (x0 < x) & (x1 > x) & (y0 < y) & (y1 > y)
                        )
                        best = k if inside else best
                        k -= 1
                else:
                    # First point with x > x0 (a NaN x0 leaves lo: nothing is inside then).
                    n = end - lo
                    while n > 1:
                        half = n >> 1
                        lo = lo + half if pts[lo + half - 1].x <= x0 else lo
                        n -= half
                    lo += pts[lo].x <= x0
                    best_index = INT64_MAX
                    k = lo
                    while k < end and x1 > pts[k].x:
                        y = pts[k].y
                        idx = pts[k].index
                        inside = (
                            (used[k] == 0) & (x0 < pts[k].x) & (y0 < y) & (y1 > y)
                            & (idx < best_index)
                        )
                        best = k if inside else best
                        best_index = idx if inside else best_index
                        k += 1
                if best >= 0:
                    used[best] = 1
                    tp += 1
                else:
                    fn += 1
            for k in range(n_touched):
                count[touched[k]] = 0
    free(pts); free(used); free(touched); free(count); free(first)
    return int(tp), int(p_label.shape[0] - tp), int(fn)
