# Word tokens of UTF-8 string columns with Python's own semantics, without building a Python str
# per row: `s.split()` (runs of str.isspace characters) and `s.lower()`.
#
# Lowering is table driven: the caller hands in Python's single-code-point lowercase of every code
# point below the table's end (identity beyond it), computed from str.lower itself
# (mlebench_fast.kernels.tokens). Code points whose lowercase is not a plain code point map
# (U+0130's two code points, U+03A3's final-sigma context) are marked FALLBACK: a row holding one
# is reported back and the caller lowers that row with Python. Lowering never turns a
# non-space into a space or back (checked over every code point by the tests), so splitting
# the original text on Python's whitespace set gives the tokens of the lowered one.
#
# Inputs are Arrow buffers (large-string offsets + data, or string views, Polars' own layout).

from libc.stdint cimport int32_t, int64_t, uint8_t, uint16_t, uint32_t, uint64_t, uintptr_t
from libc.stdlib cimport calloc, free, malloc
from libc.string cimport memcmp, memcpy, memset

import numpy as np

cdef uint32_t FALLBACK = 0xFFFFFFFF
# splitmix64's multipliers.
cdef uint64_t MIX0 = 0x9E3779B97F4A7C15
cdef uint64_t MIX1 = 0xBF58476D1CE4E5B9
cdef uint64_t MIX2 = 0x94D049BB133111EB
cdef uint64_t ALL_ONES = 0xFFFFFFFFFFFFFFFF

# Byte classes: an ASCII non-space byte is its lowercase; SPACE is ASCII str.isspace
# (\t\n\v\f\r, \x1c-\x1f, ' '); WIDE starts a multi-byte code point.
cdef enum:
    SPACE = 0x100
    WIDE = 0x200

cdef uint16_t BYTE_CLASS[256]
cdef int _c
for _c in range(256):
    BYTE_CLASS[_c] = WIDE if _c >= 0x80 else (_c + 32 if 65 <= _c <= 90 else _c)
for _c in (9, 10, 11, 12, 13, 28, 29, 30, 31, 32):
    BYTE_CLASS[_c] = SPACE

cdef uint64_t BYTES_80 = 0x8080808080808080
cdef uint64_t BYTES_7F = 0x7F7F7F7F7F7F7F7F
cdef uint64_t BYTES_5F = 0x5F5F5F5F5F5F5F5F
cdef uint64_t BYTES_77 = 0x7777777777777777
cdef uint64_t BYTES_72 = 0x7272727272727272
cdef uint64_t BYTES_64 = 0x6464646464646464
cdef uint64_t BYTES_3F = 0x3F3F3F3F3F3F3F3F
cdef uint64_t BYTES_25 = 0x2525252525252525
cdef uint64_t GATHER = 0x0102040810204080  # bit 8k + 7 >> 7 of each byte -> bit k of the top byte

cdef extern from *:
    """
    static inline int mlebench_ctz64(unsigned long long x) { return __builtin_ctzll(x); }
    static inline int mlebench_ctz32(unsigned int x) { return __builtin_ctz(x); }
    """
    int _ctz64 "mlebench_ctz64"(uint64_t x) nogil
    int _ctz32 "mlebench_ctz32"(uint32_t x) nogil

# Word loads read up to 7 bytes past a word's end: every word buffer carries this much slack.
cdef enum:
    SLACK = 8


cdef inline uint64_t _tail_mask(Py_ssize_t n) noexcept nogil:
    # The low n bytes (1 <= n <= 8) of a little-endian word.
    return ALL_ONES >> (64 - 8 * n)


cdef inline uint64_t _hash(const uint8_t* p, Py_ssize_t n) noexcept nogil:
    # Words are short: one or two 8-byte loads, mixed as in splitmix64. n >= 1.
    cdef uint64_t h = (<uint64_t> n) * MIX0
    cdef uint64_t w
    while n > 8:
        memcpy(&w, p, 8)
        h = (h ^ w) * MIX1
        h ^= h >> 31
        p += 8
        n -= 8
    memcpy(&w, p, 8)
    h = (h ^ (w & _tail_mask(n))) * MIX2
    return h ^ (h >> 32)


cdef inline bint _same(const uint8_t* a, const uint8_t* b, Py_ssize_t n) noexcept nogil:
    # Equal bytes of two words of the same length n >= 1 (both with SLACK).
    cdef uint64_t x, y
    while n > 8:
        memcpy(&x, a, 8)
        memcpy(&y, b, 8)
        if x != y:
            return False
        a += 8
        b += 8
        n -= 8
    memcpy(&x, a, 8)
    memcpy(&y, b, 8)
    return ((x ^ y) & _tail_mask(n)) == 0


cdef inline bint _is_space(uint32_t cp) noexcept nogil:
    # str.isspace beyond ASCII (Unicode White_Space plus bidi classes B/S, as CPython defines it).
    if cp < 0x1680:
        return cp == 0x85 or cp == 0xA0
    if cp <= 0x3000:
        return (cp == 0x1680 or 0x2000 <= cp <= 0x200A or cp == 0x2028 or cp == 0x2029
                or cp == 0x202F or cp == 0x205F or cp == 0x3000)
    return False


cdef struct Source:
    const int64_t* offsets   # large-string layout, or NULL
    const uint8_t* data
    const uint8_t* views     # string-view layout, or NULL
    const uint64_t* buffers


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


cdef class Utf8Column:
    """Read-only view of an Arrow UTF-8 column (large-string or string-view layout); keeps its
    sources alive. Null rows must have been filled first (their bytes are whatever Arrow holds)."""
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

    @staticmethod
    def from_arrow(array):
        """From a pyarrow ``string_view`` or ``large_string`` array (no copy), or None for any
        other type."""
        cdef Utf8Column col = Utf8Column.__new__(Utf8Column)
        cdef uint64_t[::1] addresses
        cdef Py_ssize_t b, offset = array.offset
        buffers = array.buffers()
        kind = str(array.type)
        col.rows = len(array)
        col.src.offsets = NULL
        col.src.data = NULL
        col.src.views = NULL
        col.src.buffers = NULL
        if kind == "string_view":
            if col.rows:
                col.src.views = <const uint8_t*> <uintptr_t> buffers[1].address + 16 * offset
            address_array = np.zeros(max(len(buffers) - 2, 1), dtype=np.uint64)
            addresses = address_array
            for b in range(2, len(buffers)):
                if buffers[b] is not None:
                    addresses[b - 2] = buffers[b].address
            col.src.buffers = &addresses[0]
            col._keep = (array, buffers, address_array)
            return col
        if kind == "large_string":
            if col.rows:
                col.src.offsets = <const int64_t*> <uintptr_t> buffers[1].address + offset
                col.src.data = <const uint8_t*> <uintptr_t> buffers[2].address if buffers[2] is not None else NULL
            col._keep = (array, buffers)
            return col
        return None


cdef struct Tokens:
    # One row's tokens, lowered, back to back in `bytes`.
    uint8_t* bytes
    Py_ssize_t bytes_cap
    int64_t* start
    int32_t* length
    uint64_t* hash
    Py_ssize_t cap
    Py_ssize_t n


cdef int _reserve_tokens(Tokens* t, Py_ssize_t size) noexcept nogil:
    # A lowered code point takes at most 3/2 of its UTF-8 bytes (2-byte -> 3-byte), the edge
    # masks read whole 64-byte blocks, and a row of `size` bytes has at most size + 1 word edges.
    cdef Py_ssize_t need_bytes = 2 * size + 64 + SLACK
    cdef Py_ssize_t need_tokens = 2 * size + 4  # the word edges, before they become words
    if need_bytes > t.bytes_cap:
        free(t.bytes)
        need_bytes = max(need_bytes, 2 * t.bytes_cap)
        t.bytes = <uint8_t*> malloc(need_bytes)
        t.bytes_cap = need_bytes if t.bytes != NULL else 0
        if t.bytes == NULL:
            return -1
    if need_tokens > t.cap:
        free(t.start)
        free(t.length)
        free(t.hash)
        need_tokens = max(need_tokens, 2 * t.cap)
        t.start = <int64_t*> malloc(need_tokens * sizeof(int64_t))
        t.length = <int32_t*> malloc(need_tokens * sizeof(int32_t))
        t.hash = <uint64_t*> malloc(need_tokens * sizeof(uint64_t))
        t.cap = need_tokens
        if t.start == NULL or t.length == NULL or t.hash == NULL:
            t.cap = 0
            return -1
    return 0


cdef void _free_tokens(Tokens* t) noexcept nogil:
    free(t.bytes)
    free(t.start)
    free(t.length)
    free(t.hash)


cdef inline uint32_t _decode(const uint8_t* s, Py_ssize_t i, Py_ssize_t n, int* width) noexcept nogil:
    # Arrow/Polars strings are valid UTF-8; a truncated sequence reads as what is there.
    cdef uint32_t c = s[i]
    if c < 0xE0:
        width[0] = 2
        return ((c & 0x1F) << 6) | (s[i + 1] & 0x3F) if i + 1 < n else c
    if c < 0xF0:
        width[0] = 3
        if i + 2 >= n:
            return c
        return ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F)
    width[0] = 4
    if i + 3 >= n:
        return c
    return (((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6)
            | (s[i + 3] & 0x3F))


cdef inline int _encode(uint32_t cp, uint8_t* out) noexcept nogil:
    if cp < 0x80:
        out[0] = <uint8_t> cp
        return 1
    if cp < 0x800:
        out[0] = <uint8_t> (0xC0 | (cp >> 6))
        out[1] = <uint8_t> (0x80 | (cp & 0x3F))
        return 2
    if cp < 0x10000:
        out[0] = <uint8_t> (0xE0 | (cp >> 12))
        out[1] = <uint8_t> (0x80 | ((cp >> 6) & 0x3F))
        out[2] = <uint8_t> (0x80 | (cp & 0x3F))
        return 3
    out[0] = <uint8_t> (0xF0 | (cp >> 18))
    out[1] = <uint8_t> (0x80 | ((cp >> 12) & 0x3F))
    out[2] = <uint8_t> (0x80 | ((cp >> 6) & 0x3F))
    out[3] = <uint8_t> (0x80 | (cp & 0x3F))
    return 4


cdef inline uint64_t _ascii_space_bytes(uint64_t w) noexcept nogil:
    # The top bit of each byte of a word of bytes below 0x80 that is str.isspace (9..13, 28..32).
    # Bytes below 0x80 plus these constants never carry into their neighbour.
    cdef uint64_t le32 = ~(w + BYTES_5F)
    cdef uint64_t ge9 = w + BYTES_77
    cdef uint64_t le13 = ~(w + BYTES_72)
    cdef uint64_t ge28 = w + BYTES_64
    return le32 & ((ge9 & le13) | ge28) & BYTES_80


cdef inline uint64_t _ascii_lower(uint64_t w) noexcept nogil:
    # 'A'..'Z' -> 'a'..'z' in every byte of an all-ASCII word.
    cdef uint64_t upper = (w + BYTES_3F) & ~(w + BYTES_25) & BYTES_80
    return w | (upper >> 2)


cdef int _tokenize(const uint8_t* s, Py_ssize_t n, const uint32_t* table, Py_ssize_t table_len,
                   Tokens* t) noexcept nogil:
    """The row's tokens of ``s.lower().split()`` into ``t``; 1 when the row holds a FALLBACK
    code point, -1 when out of memory.

    Two passes. The row is lowered into ``t.bytes`` (ASCII runs eight bytes at a time, each
    multi-byte code point on its own, every space made an ASCII one); then the words are found as
    the edges of a bit mask of the non-space bytes, 64 bytes per mask word, without a branch per
    byte."""
    cdef Py_ssize_t i = 0, pos = 0, rem, base, k, edges_n = 0, tokens
    cdef uint64_t w, high, word_bits, chunk, edges, carry = 0
    cdef uint32_t cp, mapped
    cdef int width
    cdef uint8_t* out
    t.n = 0
    if _reserve_tokens(t, n) != 0:
        return -1
    out = t.bytes
    while i < n:
        if n - i >= 8:
            memcpy(&w, s + i, 8)
            rem = 8
        else:
            w = 0
            memcpy(&w, s + i, n - i)
            rem = n - i
        high = w & BYTES_80
        if high:
            rem = _ctz64(high) >> 3  # the ASCII bytes before the first multi-byte code point
        # Bytes past `rem` may be garbage here; the next writes overwrite them.
        w = _ascii_lower(w & BYTES_7F)
        memcpy(out + pos, &w, 8)
        i += rem
        pos += rem
        if not high:
            continue
        cp = _decode(s, i, n, &width)
        i += width
        if _is_space(cp):
            out[pos] = 32
            pos += 1
            continue
        mapped = cp
        if cp < <uint32_t> table_len:
            mapped = table[cp]
            if mapped == FALLBACK:
                return 1
        if mapped == cp:
            memcpy(out + pos, s + i - width, width)
            pos += width
        else:
            pos += _encode(mapped, out + pos)
    # Edges: a word starts where a non-space follows a space (or the row's start) and ends where a
    # space follows a non-space; they alternate, so edge 2j starts word j and edge 2j + 1 ends it.
    # `start` holds the edges first (at most one per byte plus one).
    base = 0
    while base < pos:
        word_bits = 0
        for k in range(0, 64, 8):
            memcpy(&w, out + base + k, 8)
            chunk = (_ascii_space_bytes(w & BYTES_7F) & ~w & BYTES_80) >> 7
            word_bits |= ((chunk * GATHER) >> 56) << k
        word_bits = ~word_bits  # 1 = a byte of a word
        if base + 64 > pos:
            word_bits &= (ALL_ONES >> (64 - (pos - base)))
        edges = word_bits ^ ((word_bits << 1) | carry)
        carry = word_bits >> 63
        while edges:
            t.start[edges_n] = base + _ctz64(edges)
            edges_n += 1
            edges &= edges - 1
        base += 64
    if edges_n & 1:
        t.start[edges_n] = pos
        edges_n += 1
    tokens = edges_n >> 1
    for k in range(tokens):
        t.length[k] = <int32_t> (t.start[2 * k + 1] - t.start[2 * k])
        t.start[k] = t.start[2 * k]
        t.hash[k] = _hash(out + t.start[k], t.length[k])
    t.n = tokens
    return 0


cdef class WordSets:
    """Each row's distinct words (``set(s.lower().split())``) as lowered UTF-8 bytes with their
    hashes."""
    cdef readonly object data        # uint8: the words' bytes back to back, then SLACK zeros
    cdef readonly object starts      # int64 (words + 1): word w is data[starts[w]:starts[w + 1]]
    cdef readonly object row_offsets # int64 (rows + 1): row r's words are row_offsets[r]..[r + 1]
    cdef readonly object hashes      # uint64 per word
    cdef readonly object text_data   # uint8: the rows' texts as given, back to back
    cdef readonly object text_offsets  # int64 (rows + 1)
    cdef readonly Py_ssize_t rows

    def __init__(self, data, starts, row_offsets, text_data, text_offsets):
        """From distinct, non-empty words laid out back to back (see the Python wrapper) and the
        texts they came from; hashes are computed here, as the kernel hashes a text's words."""
        cdef const int64_t[::1] st = np.ascontiguousarray(starts, dtype=np.int64)
        cdef Py_ssize_t words = st.shape[0] - 1, w
        raw = np.ascontiguousarray(data, dtype=np.uint8)
        padded = np.zeros(raw.shape[0] + SLACK, dtype=np.uint8)
        padded[: raw.shape[0]] = raw
        cdef const uint8_t[::1] d = padded
        if words < 0 or st[words] > raw.shape[0]:
            raise ValueError("word starts run past the data")
        hashes = np.empty(max(words, 0), dtype=np.uint64)
        cdef uint64_t[::1] hv = hashes
        for w in range(words):
            if st[w + 1] <= st[w]:
                raise ValueError("words must not be empty")
            hv[w] = _hash(&d[st[w]], st[w + 1] - st[w])
        self.data = padded
        self.starts = np.asarray(st)
        self.row_offsets = np.ascontiguousarray(row_offsets, dtype=np.int64)
        self.hashes = hashes
        self.rows = self.row_offsets.shape[0] - 1
        self.text_data = np.ascontiguousarray(text_data, dtype=np.uint8)
        self.text_offsets = np.ascontiguousarray(text_offsets, dtype=np.int64)
        if self.text_offsets.shape[0] != self.rows + 1 or self.text_data.shape[0] < 1:
            raise ValueError("one text per row expected (and a non-empty text buffer)")


cdef bint _rows_in_range(const int64_t[::1] rows, Py_ssize_t limit) noexcept:
    cdef Py_ssize_t r
    for r in range(rows.shape[0]):
        if rows[r] < 0 or rows[r] >= limit:
            return False
    return True


cdef struct Slot:
    uint64_t hash
    uint32_t stamp      # the row that filled the slot (slots of earlier rows read as empty)
    int32_t ref         # < m: the answers' word ref; >= m: the text's word ref - m


cdef struct Slots:
    Slot* slot
    Py_ssize_t cap
    uint32_t current


cdef int _reserve_slots(Slots* s, Py_ssize_t cap) noexcept nogil:
    if cap <= s.cap:
        return 0
    free(s.slot)
    s.slot = <Slot*> calloc(cap, sizeof(Slot))
    s.cap = cap if s.slot != NULL else 0
    return 0 if s.slot != NULL else -1


def overlaps(Utf8Column column, WordSets answers, const uint32_t[::1] table,
             const int64_t[::1] rows=None):
    """For each answers row ``r``, compare ``set(text.lower().split())`` of the column's row
    ``rows[r]`` (row ``r`` without ``rows``) with the answers' words of row ``r``.

    Returns int64 arrays ``(common, distinct, fallback)``: the intersection size, the number of
    the text's distinct words, and 1 where the text holds a code point the table leaves to Python
    (those rows' counts are 0: the caller computes them).
    """
    cdef Py_ssize_t n_rows = answers.rows
    cdef Py_ssize_t given = rows.shape[0] if rows is not None else column.rows
    if given != n_rows:
        raise ValueError(f"Expected {n_rows} rows to compare, got {given}.")
    if rows is not None and not _rows_in_range(rows, column.rows):
        raise IndexError("row index out of range")
    result = np.zeros((3, n_rows), dtype=np.int64)
    cdef int64_t[:, ::1] out = result
    cdef int64_t* common = &out[0, 0] if n_rows else NULL
    cdef int64_t* distinct = &out[1, 0] if n_rows else NULL
    cdef int64_t* fallback = &out[2, 0] if n_rows else NULL
    cdef const uint8_t[::1] a_data = answers.data
    cdef const int64_t[::1] a_starts_v = answers.starts
    cdef const int64_t[::1] a_rows_v = answers.row_offsets
    cdef const uint64_t[::1] a_hash_v = answers.hashes
    cdef const uint8_t* a_bytes = &a_data[0]
    cdef const int64_t* a_starts = &a_starts_v[0]
    cdef const int64_t* a_rows = &a_rows_v[0]
    cdef const uint64_t* a_hash = &a_hash_v[0] if a_hash_v.shape[0] else NULL
    cdef const uint8_t[::1] a_text_v = answers.text_data
    cdef const int64_t[::1] a_text_offsets_v = answers.text_offsets
    cdef const uint8_t* a_text = &a_text_v[0]
    cdef const int64_t* a_text_offsets = &a_text_offsets_v[0]
    cdef const uint32_t* tab = &table[0] if table.shape[0] else NULL
    cdef Py_ssize_t table_len = table.shape[0]
    cdef const int64_t* row_of = &rows[0] if rows is not None and rows.shape[0] else NULL
    cdef Tokens t
    cdef Slots slots
    cdef Slot* sl
    cdef Py_ssize_t r, size, m, a0, k, j, cap, mask, slot, ref, word
    cdef const uint8_t* text
    cdef const uint8_t* mine
    cdef int status = 0
    cdef uint64_t h
    cdef uint32_t current = 0
    cdef int64_t n_common, n_distinct
    cdef int32_t length
    cdef bint found
    memset(&t, 0, sizeof(Tokens))
    memset(&slots, 0, sizeof(Slots))
    with nogil:
        for r in range(n_rows):
            text = _row(&column.src, row_of[r] if row_of != NULL else r, &size)
            a0 = a_rows[r]
            m = a_rows[r + 1] - a0
            if (size == a_text_offsets[r + 1] - a_text_offsets[r]
                    and memcmp(text, a_text + a_text_offsets[r], size) == 0):
                # The very text the answers' words came from (a span copied whole: common).
                common[r] = m
                distinct[r] = m
                continue
            status = _tokenize(text, size, tab, table_len, &t)
            if status < 0:
                break
            if status == 1:
                fallback[r] = 1
                status = 0
                continue
            if t.n == 0:
                continue
            cap = 16
            while cap < 2 * (m + t.n):
                cap *= 2
            if _reserve_slots(&slots, cap) != 0:
                status = -1
                break
            sl = slots.slot
            current += 1
            if current == 0:  # wrapped: forget every stamp
                memset(sl, 0, slots.cap * sizeof(Slot))
                current = 1
            mask = cap - 1
            for k in range(m):
                h = a_hash[a0 + k]
                slot = h & mask
                while sl[slot].stamp == current:
                    slot = (slot + 1) & mask
                sl[slot].stamp = current
                sl[slot].ref = <int32_t> k
                sl[slot].hash = h
            n_common = 0
            n_distinct = 0
            for j in range(t.n):
                h = t.hash[j]
                length = t.length[j]
                mine = t.bytes + t.start[j]
                slot = h & mask
                found = False
                while sl[slot].stamp == current:
                    if sl[slot].hash == h:
                        ref = sl[slot].ref
                        if ref < m:
                            word = a0 + ref
                            if (a_starts[word + 1] - a_starts[word] == length
                                    and _same(a_bytes + a_starts[word], mine, length)):
                                # First sight of an answers word: it now stands for this one.
                                n_common += 1
                                sl[slot].ref = <int32_t> (m + j)
                                found = True
                                n_distinct += 1
                                break
                        else:
                            ref -= m
                            if (t.length[ref] == length
                                    and _same(t.bytes + t.start[ref], mine, length)):
                                found = True
                                break
                    slot = (slot + 1) & mask
                if not found:
                    sl[slot].stamp = current
                    sl[slot].ref = <int32_t> (m + j)
                    sl[slot].hash = h
                    n_distinct += 1
            common[r] = n_common
            distinct[r] = n_distinct
    _free_tokens(&t)
    free(slots.slot)
    if status < 0:
        raise MemoryError()
    return result[0], result[1], result[2]


def int_sequences(Utf8Column column, const int64_t[::1] rows=None):
    """``[list(map(int, s.split())) for s in texts]`` as flat int64 values and row offsets, for
    the rows ``rows`` (all rows in order without it), when every token is 1 to 18 ASCII digits;
    None otherwise (signs, underscores, other digits, huge values: the caller's Python path)."""
    cdef Py_ssize_t n_rows = rows.shape[0] if rows is not None else column.rows
    if rows is not None and not _rows_in_range(rows, column.rows):
        raise IndexError("row index out of range")
    offsets_arr = np.empty(n_rows + 1, dtype=np.int64)
    cdef int64_t[::1] offsets = offsets_arr
    cdef Py_ssize_t total = 0, r, size
    cdef const uint8_t* text
    # Tokens hold at least one byte and are separated: at most (size + 1) / 2 per row.
    for r in range(n_rows):
        _row(&column.src, rows[r] if rows is not None else r, &size)
        total += (size + 1) // 2
    values_arr = np.empty(total, dtype=np.int64)
    cdef int64_t[::1] values = values_arr
    cdef Py_ssize_t count = 0, i, digits
    cdef int64_t value
    cdef uint32_t c
    cdef bint ok = True
    cdef const int64_t* row_of = &rows[0] if rows is not None and rows.shape[0] else NULL
    offsets[0] = 0
    with nogil:
        for r in range(n_rows):
            text = _row(&column.src, row_of[r] if row_of != NULL else r, &size)
            i = 0
            while i < size:
                c = text[i]
                if c >= 0x80:
                    ok = False  # a non-ASCII space or digit: Python decides
                    break
                if BYTE_CLASS[c] == SPACE:
                    i += 1
                    continue
                value = 0
                digits = 0
                while i < size and digits <= 18 and 48 <= text[i] <= 57:
                    value = value * 10 + (text[i] - 48)
                    digits += 1
                    i += 1
                if digits == 0 or digits > 18 or (i < size and BYTE_CLASS[text[i]] != SPACE):
                    ok = False
                    break
                values[count] = value
                count += 1
            if not ok:
                break
            offsets[r + 1] = count
    if not ok:
        return None
    return values_arr[:count], offsets_arr
