# Label lists scored straight from a submission's text: each row's cell (an Arrow string view) is
# split, its tokens are looked up in the answers' labels and scored against the row's true labels
# in the same pass, so no token becomes a string and no list column is built.
#
# Every pass works on a range of rows and runs without the GIL: the Python side
# (mlebench_fast.kernels.label_lists) splits big inputs across threads.
#
# Tokens are compared by their UTF-8 bytes (equal bytes are equal Python strings). Hashing goes a
# word (8 bytes) at a time: ids of 64 hex digits made a byte-at-a-time hash the cost of a look-up.

from libc.stdint cimport int32_t, int64_t, uint8_t, uint16_t, uint32_t, uint64_t
from libc.stdlib cimport free, malloc
from libc.string cimport memcmp, memcpy, memset

cimport cython

import numpy as np

cdef extern from *:
    """
    #if defined(__GNUC__) || defined(__clang__)
    #define MLEBENCH_PREFETCH(p) __builtin_prefetch(p)
    #else
    #define MLEBENCH_PREFETCH(p) ((void) 0)
    #endif
    #if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    #define MLEBENCH_LITTLE_ENDIAN 1
    #else
    #define MLEBENCH_LITTLE_ENDIAN 0
    #endif
    #if defined(__GNUC__) || defined(__clang__)
    #define MLEBENCH_CTZ(x) ((int64_t) __builtin_ctzll(x))
    #else
    static inline int64_t MLEBENCH_CTZ(uint64_t x) {
        int64_t n = 0;
        while (!(x & 1)) { x >>= 1; n++; }
        return n;
    }
    #endif
    #if defined(__POPCNT__)
    #define MLEBENCH_POPCOUNT(x) ((int64_t) __builtin_popcountll(x))
    #else
    static inline int64_t MLEBENCH_POPCOUNT(uint64_t x) {
        /* SWAR: the builtin is a library call where the target lacks the instruction */
        x = x - ((x >> 1) & 0x5555555555555555ULL);
        x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
        x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
        return (int64_t) ((x * 0x0101010101010101ULL) >> 56);
    }
    #endif
    """
    int64_t MLEBENCH_POPCOUNT(uint64_t x) nogil
    int64_t MLEBENCH_CTZ(uint64_t x) nogil
    void MLEBENCH_PREFETCH(const void* p) nogil
    bint MLEBENCH_LITTLE_ENDIAN


cdef extern from "swar_digits.h":
    uint64_t swar_load8(const uint8_t *p) noexcept nogil
    uint64_t swar_short_word(const uint8_t *p, Py_ssize_t n) noexcept nogil
    uint64_t swar_cell_word(const uint8_t *p, Py_ssize_t i, Py_ssize_t end) noexcept nogil


cdef enum:
    # Rows ahead whose random reads are requested early.
    AHEAD = 16


cdef enum:
    # Rows up to this many cells count inversions over a bitset of the ranks seen so far.
    BITSET_WORDS = 16


cdef enum:
    SPLIT_SPACE = 0    # str.split(" "): every single space separates, empty tokens included
    SPLIT_PYTHON = 1   # str.split(): runs of str.isspace characters, no empty tokens


cdef inline uint64_t _mix(uint64_t h) noexcept nogil:
    h ^= h >> 33
    h *= 0xff51afd7ed558ccdULL
    h ^= h >> 33
    h *= 0xc4ceb9fe1a85ec53ULL
    return h ^ (h >> 33)


cdef inline uint64_t _hash(const uint8_t* p, int64_t n) noexcept nogil:
    return _hash_within(p, n, p + n)


cdef inline uint64_t _hash_within(const uint8_t* p, int64_t n, const uint8_t* limit) noexcept nogil:
    # The same hash for the same bytes; ``limit``: the end of the readable bytes around them, so
    # that a short tail is read as one word and masked (a fixed-size copy, no call). A tail with
    # no room after it is the key's last 8 bytes shifted down, or, of a key under 8 bytes, two
    # overlapping short loads: the same word every way.
    cdef uint64_t h = 0x9e3779b97f4a7c15ULL ^ <uint64_t>n
    cdef uint64_t w
    cdef int64_t i = 0
    while i + 8 <= n:
        memcpy(&w, p + i, 8)
        h = (h ^ w) * 0xff51afd7ed558ccdULL
        h ^= h >> 29
        i += 8
    if i < n:
        if not MLEBENCH_LITTLE_ENDIAN:
            w = 0
            memcpy(&w, p + i, n - i)
        elif p + i + 8 <= limit:
            memcpy(&w, p + i, 8)
            w &= (<uint64_t> 1 << (8 * (n - i))) - 1
        elif n >= 8:
            memcpy(&w, p + n - 8, 8)
            w >>= 8 * (8 - (n - i))
        else:
            w = swar_short_word(p, n)
        h ^= w
    return _mix(h)


cdef inline const uint8_t* _view(const uint8_t* views, const uint64_t* buffers, int64_t row,
                                 int64_t* length) noexcept nogil:
    # Arrow's string view: int32 length, then the bytes inline (<= 12) or a 4-byte prefix, the
    # buffer's index and the offset in it.
    cdef const uint8_t* v = views + 16 * row
    cdef int32_t n, index, offset
    memcpy(&n, v, 4)
    length[0] = n
    if n <= 12:
        return v + 4
    memcpy(&index, v + 8, 4)
    memcpy(&offset, v + 12, 4)
    return <const uint8_t*> (<size_t> buffers[index]) + offset


cdef inline int _space_width(const uint8_t* s, int64_t j, int64_t end) noexcept nogil:
    # Bytes of the str.isspace character at s[j] (0: none): Unicode White_Space plus U+001C..1F.
    cdef uint8_t b = s[j], c, d
    if b == 32 or 9 <= b <= 13 or 28 <= b <= 31:
        return 1
    if b < 0xC2 or j + 1 >= end:
        return 0
    c = s[j + 1]
    if b == 0xC2:
        return 2 if c == 0x85 or c == 0xA0 else 0
    if j + 2 >= end:
        return 0
    d = s[j + 2]
    if b == 0xE1:
        return 3 if c == 0x9A and d == 0x80 else 0
    if b == 0xE2:
        if c == 0x80 and (0x80 <= d <= 0x8A or d == 0xA8 or d == 0xA9 or d == 0xAF):
            return 3
        return 3 if c == 0x81 and d == 0x9F else 0
    if b == 0xE3:
        return 3 if c == 0x80 and d == 0x80 else 0
    return 0


cdef inline int64_t _next_token(const uint8_t* s, int64_t j, int64_t end, int mode,
                                int64_t* start) noexcept nogil:
    # The token after position j: its start in start[0], its end returned; -1 when none is left.
    # SPLIT_SPACE tokens end at a space or the end; the caller resumes at end + 1, so a cell of
    # m spaces gives m + 1 tokens (j == end + 1 marks the end).
    cdef int w
    if mode == SPLIT_SPACE:
        if j > end:
            return -1
        start[0] = j
        while j < end and s[j] != 32:
            j += 1
        return j
    while j < end:  # skip whitespace
        if 32 < s[j] < 128:
            break
        w = _space_width(s, j, end)
        if w == 0:
            break
        j += w
    if j >= end:
        return -1
    start[0] = j
    while j < end:
        if 32 < s[j] < 128:
            j += 1
            continue
        if _space_width(s, j, end):
            break
        j += 1
    return j


cdef inline int64_t _space_token(const uint8_t* s, int64_t j, int64_t end,
                                 uint64_t* word) noexcept nogil:
    # str.split(" ")'s token at j (j <= end): its end (the next space, or end) is returned and its
    # first bytes (up to 8, zero-padded: the key a label is compared by) go to word[0]. A word of
    # the cell is searched for a space at once; tokens of up to 7 bytes need no other read.
    cdef int64_t left = end - j, n
    cdef uint64_t w = swar_cell_word(s, j, end)
    # The lowest set bit of z marks the first space exactly (a borrow only reaches bytes above
    # it); the zero padding above a short rest is no space.
    cdef uint64_t x = w ^ 0x2020202020202020ULL
    cdef uint64_t z = (x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL
    if z:
        n = MLEBENCH_CTZ(z) >> 3
        if n < left:
            word[0] = w & ((<uint64_t> 1 << (8 * n)) - 1)
            return j + n
    word[0] = w
    if left <= 8:
        return end
    j += 8
    while j + 8 <= end:
        x = swar_load8(s + j) ^ 0x2020202020202020ULL
        z = (x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL
        if z:
            return j + (MLEBENCH_CTZ(z) >> 3)
        j += 8
    while j < end and s[j] != 32:
        j += 1
    return j


cdef inline int64_t _resume(const uint8_t* s, int64_t stop, int64_t end, int mode) noexcept nogil:
    if mode == SPLIT_SPACE:
        return stop + 1
    return stop


cdef enum:
    HEAD = 20      # a label's first bytes, kept in its slot
    BLOCK = 32     # look-ups hashed and their slots requested together, then resolved


cdef inline bint _same_bytes(const uint8_t* a, const uint8_t* b, int64_t n) noexcept nogil:
    # Labels are short: word compares inline beat a call to memcmp. A tail is compared as the
    # last 8 bytes (overlapping), or as short overlapping loads when n < 8.
    cdef uint64_t x, y
    if n >= 8:
        while n > 8:
            memcpy(&x, a, 8)
            memcpy(&y, b, 8)
            if x != y:
                return False
            a += 8
            b += 8
            n -= 8
        memcpy(&x, a + n - 8, 8)
        memcpy(&y, b + n - 8, 8)
        return x == y
    if n <= 0:
        return True
    return swar_short_word(a, n) == swar_short_word(b, n)


cdef enum:
    DIRECT = 8     # answer rows up to this many labels are matched by their bytes, no look-up


cdef struct LabelKey:
    uint64_t word  # the label's first 8 bytes, zero-padded
    int64_t length


cdef struct Slot:
    # One cache line half per label: a look-up of a label up to HEAD bytes reads nothing else.
    int32_t code   # -1: empty
    uint32_t tag   # high bits of the hash
    int32_t length
    uint8_t head[HEAD]


@cython.final
cdef class LabelTable:
    """Distinct UTF-8 labels (code = position of their first occurrence), hashed."""

    cdef const int64_t[::1] offsets
    cdef const uint8_t[::1] data
    cdef Slot* slots
    cdef LabelKey* keys  # NULL until prepare_keys()
    cdef uint64_t mask
    cdef readonly int64_t size
    cdef readonly bint unique

    def __cinit__(self):
        self.slots = NULL
        self.keys = NULL

    def __dealloc__(self):
        free(self.slots)
        free(self.keys)

    def __init__(self, const int64_t[::1] offsets, const uint8_t[::1] data):
        cdef int64_t n = offsets.shape[0] - 1, row
        cdef uint64_t capacity = 16, h, slot
        cdef const uint8_t* base
        self.offsets = offsets
        self.data = data
        self.size = n
        self.unique = True
        while capacity < 2 * <uint64_t> n:
            capacity *= 2
        self.slots = <Slot*> malloc(capacity * sizeof(Slot))
        if self.slots == NULL:
            raise MemoryError()
        memset(self.slots, 0xFF, capacity * sizeof(Slot))
        self.mask = capacity - 1
        base = &data[0] if data.shape[0] else NULL
        with nogil:
            for row in range(n):
                if self._find(base + offsets[row], offsets[row + 1] - offsets[row], row) != row:
                    self.unique = False

    cdef inline int64_t _find(self, const uint8_t* key, int64_t length,
                              int64_t insert) noexcept nogil:
        return self._find_hashed(key, length, _hash(key, length), insert)

    cdef inline int64_t _find_hashed(self, const uint8_t* key, int64_t length, uint64_t h,
                                     int64_t insert) noexcept nogil:
        # The code of key, or -1; with insert >= 0 an absent key is stored under that code.
        cdef uint64_t slot = h & self.mask
        cdef uint32_t tag = <uint32_t> (h >> 32)
        cdef Slot* s
        cdef int64_t a
        while True:
            s = &self.slots[slot]
            if s.code < 0:
                if insert >= 0:
                    s.code = <int32_t> insert
                    s.tag = tag
                    s.length = <int32_t> length
                    memcpy(s.head, key, min(length, <int64_t> HEAD))
                return insert
            if s.tag == tag and s.length == length and _same_bytes(
                    s.head, key, min(length, <int64_t> HEAD)):
                if length <= HEAD:
                    return s.code
                a = self.offsets[s.code] + HEAD
                if _same_bytes(&self.data[a], key + HEAD, length - HEAD):
                    return s.code
            slot = (slot + 1) & self.mask

    cdef inline int64_t find(self, const uint8_t* key, int64_t length) noexcept nogil:
        return self._find(key, length, -1)

    cdef inline int64_t find_within(self, const uint8_t* key, int64_t length,
                                    const uint8_t* limit) noexcept nogil:
        return self._find_hashed(key, length, _hash_within(key, length, limit), -1)

    def lookup(self, const uint8_t[:, ::1] views, const uint64_t[::1] buffers,
               int64_t[::1] out, int64_t start, int64_t stop):
        """out[r] = the code of row r's whole cell (-1: no label), rows start..stop."""
        cdef const uint8_t* vs = &views[0, 0] if views.shape[0] else NULL
        cdef const uint64_t* bs = &buffers[0] if buffers.shape[0] else NULL
        cdef int64_t r, i, block
        cdef const uint8_t* keys[BLOCK]
        cdef int64_t lengths[BLOCK]
        cdef uint64_t hashes[BLOCK]
        with nogil:
            r = start
            while r < stop:
                block = min(<int64_t> BLOCK, stop - r)
                for i in range(block):
                    keys[i] = _view(vs, bs, r + i, &lengths[i])
                    hashes[i] = _hash(keys[i], lengths[i])
                    MLEBENCH_PREFETCH(&self.slots[hashes[i] & self.mask])
                for i in range(block):
                    out[r + i] = self._find_hashed(keys[i], lengths[i], hashes[i], -1)
                r += block

    def prepare_keys(self):
        """Builds each label's key (first 8 bytes and length) for the direct passes; once, with
        the GIL, before any pass that reads them."""
        cdef int64_t c, n, i
        cdef const uint8_t* base = &self.data[0] if self.data.shape[0] else NULL
        cdef LabelKey* keys
        if self.keys != NULL:
            return
        keys = <LabelKey*> malloc(max(self.size, 1) * sizeof(LabelKey))
        if keys == NULL:
            raise MemoryError()
        for c in range(self.size):
            n = self.offsets[c + 1] - self.offsets[c]
            keys[c].length = n
            # byte by byte, little-endian on any machine: as _space_token makes a token's word
            keys[c].word = 0
            for i in range(min(n, <int64_t> 8)):
                keys[c].word |= (<uint64_t> base[self.offsets[c] + i]) << (8 * i)
        self.keys = keys

    cdef inline bint _is_label(self, int64_t c, uint64_t word, const uint8_t* token,
                               int64_t n) noexcept nogil:
        # Whether the token (word: its first 8 bytes, zero-padded) is label c's bytes.
        cdef const LabelKey* key = &self.keys[c]
        if key.word != word or key.length != n:
            return False
        return n <= 8 or self._same_tail(c, token)

    cdef inline bint _same_tail(self, int64_t c, const uint8_t* token) noexcept nogil:
        # Label c's bytes after its first 8 against the token's (of the label's length).
        return _same_bytes(&self.data[self.offsets[c] + 8], token + 8, self.keys[c].length - 8)

    def average_precisions(self, const uint8_t[:, ::1] views, const uint64_t[::1] buffers,
                           const int64_t[::1] positions, const int64_t[::1] actual,
                           const int64_t[::1] actual_offsets, int64_t k, double[::1] out,
                           int64_t start, int64_t stop):
        """AP@k of rows start..stop into out[positions[r]] (rows with a negative position are
        skipped): the cell's first k ``split(" ")`` tokens, in order, against the distinct
        codes ``actual[actual_offsets[p]:actual_offsets[p + 1]]``; arithmetic as in
        mlebench_fast.kernels.ranking.average_precisions_at_k."""
        cdef const uint8_t* vs = &views[0, 0] if views.shape[0] else NULL
        cdef const uint64_t* bs = &buffers[0] if buffers.shape[0] else NULL
        cdef const int64_t* act = &actual[0] if actual.shape[0] else NULL
        cdef int64_t* codes = <int64_t*> malloc(max(k, 1) * sizeof(int64_t))
        cdef int64_t r, p
        cdef int64_t length
        cdef const uint8_t* text
        if codes == NULL:
            raise MemoryError()
        with nogil:
            for r in range(start, stop):
                p = positions[r]
                if p < 0:
                    continue
                text = _view(vs, bs, r, &length)
                out[p] = self._average_precision(text, length, act, actual_offsets[p],
                                                 actual_offsets[p + 1], k, codes)
        free(codes)

    def average_precisions_by_id(self, LabelTable ids, const uint8_t[:, ::1] id_views,
                                 const uint64_t[::1] id_buffers, const uint8_t[:, ::1] views,
                                 const uint64_t[::1] buffers, const int64_t[::1] actual,
                                 const int64_t[::1] actual_offsets, int64_t k, double[::1] out,
                                 uint8_t[::1] seen, int64_t start, int64_t stop):
        """:meth:`average_precisions` of rows start..stop, each row's position being its id's
        code in ``ids`` (one pass: the id look-ups are hashed a block ahead). Sets seen[p] for
        each position met. False as soon as an id is none of the table's (the scores are then
        incomplete)."""
        cdef const uint8_t* ivs = &id_views[0, 0] if id_views.shape[0] else NULL
        cdef const uint64_t* ibs = &id_buffers[0] if id_buffers.shape[0] else NULL
        cdef const uint8_t* vs = &views[0, 0] if views.shape[0] else NULL
        cdef const uint64_t* bs = &buffers[0] if buffers.shape[0] else NULL
        cdef const int64_t* act = &actual[0] if actual.shape[0] else NULL
        cdef int64_t* codes = <int64_t*> malloc(max(k, 1) * sizeof(int64_t))
        cdef int64_t r, i, block, p, length
        cdef const uint8_t* keys[BLOCK]
        cdef int64_t lengths[BLOCK]
        cdef uint64_t hashes[BLOCK]
        cdef int64_t found[BLOCK]
        cdef const uint8_t* text
        cdef bint complete = True
        if codes == NULL:
            raise MemoryError()
        with nogil:
            r = start
            while r < stop:
                block = min(<int64_t> BLOCK, stop - r)
                for i in range(block):
                    keys[i] = _view(ivs, ibs, r + i, &lengths[i])
                    hashes[i] = _hash(keys[i], lengths[i])
                    MLEBENCH_PREFETCH(&ids.slots[hashes[i] & ids.mask])
                # the block's rows resolved first, then scored: the look-ups of a block overlap,
                # and each row's answer row is requested before it is read
                for i in range(block):
                    p = ids._find_hashed(keys[i], lengths[i], hashes[i], -1)
                    if p < 0:
                        complete = False
                        break
                    found[i] = p
                    MLEBENCH_PREFETCH(&actual_offsets[p])
                if not complete:
                    break
                for i in range(block):
                    p = found[i]
                    seen[p] = 1
                    text = _view(vs, bs, r + i, &length)
                    out[p] = self._average_precision(text, length, act, actual_offsets[p],
                                                     actual_offsets[p + 1], k, codes)
                r += block
        free(codes)
        return complete

    cdef inline double _average_precision(self, const uint8_t* text, int64_t length,
                                          const int64_t* actual, int64_t first_actual,
                                          int64_t last_actual, int64_t k,
                                          int64_t* codes) noexcept nogil:
        # One cell against its answer row. A row of a few labels (a unique table with keys) is
        # compared token by token with its labels' bytes, with no hashing; a hit is the first
        # token equal to one of them (a bit per label), and once every label is found later
        # tokens (repeats or misses) add nothing. Other rows look each token up, as codes.
        cdef int64_t n_actual = last_actual - first_actual
        cdef int64_t t = 0, start = 0, stop, m, label, only, only_length
        cdef uint64_t word, found = 0, only_word
        cdef double score = 0.0, hits = 0.0
        cdef bint relevant, repeated
        if n_actual <= DIRECT and self.unique and self.keys != NULL:
            if n_actual == 1:  # the usual row: its label's key held in registers
                only = actual[first_actual]
                only_word = self.keys[only].word
                only_length = self.keys[only].length
                while t < k and start <= length:
                    stop = _space_token(text, start, length, &word)
                    t += 1
                    if word == only_word and stop - start == only_length and (
                            only_length <= 8 or self._same_tail(only, text + start)):
                        score = 1.0 / (t - 1 + 1.0)  # the one hit: 0.0 + 1.0 / t below
                        break
                    start = stop + 1
                return score / min(n_actual, k)
            while t < k and hits < n_actual and start <= length:
                stop = _space_token(text, start, length, &word)
                t += 1
                for m in range(n_actual):
                    if self._is_label(actual[first_actual + m], word, text + start, stop - start):
                        if not (found >> m) & 1:
                            found |= (<uint64_t> 1) << m
                            hits += 1.0
                            score += hits / (t - 1 + 1.0)
                        break
                start = stop + 1
        else:
            while t < k and start <= length:
                stop = _space_token(text, start, length, &word)
                label = self.find_within(text + start, stop - start, text + length)
                start = stop + 1
                codes[t] = label
                t += 1
                if label < 0:
                    continue
                relevant = False
                for m in range(first_actual, last_actual):
                    if actual[m] == label:
                        relevant = True
                        break
                if not relevant:
                    continue
                repeated = False
                for m in range(t - 1):
                    if codes[m] == label:
                        repeated = True
                        break
                if repeated:
                    continue
                hits += 1.0
                score += hits / (t - 1 + 1.0)
        return score / min(n_actual, k) if n_actual > 0 else 0.0

    def micro_f1_counts(self, const uint8_t[:, ::1] views, const uint64_t[::1] buffers,
                        const uint8_t[::1] valid, const int64_t[::1] positions,
                        const int32_t[:, ::1] true_rows, int64_t n_classes, int64_t start,
                        int64_t stop):
        """(tp, true_sum, pred_sum) of rows start..stop: each cell's ``split()`` tokens (codes
        below n_classes, repeats once) against the distinct codes of ``true_rows[positions[r]]``
        (padded with -1). ``valid``: Arrow's validity bits (empty: no nulls); a null cell is
        empty, as ``fillna("")`` makes it."""
        cdef const uint8_t* valid_bits = &valid[0] if valid.shape[0] else NULL
        cdef int64_t rows = positions.shape[0]
        cdef const uint8_t* vs = &views[0, 0] if views.shape[0] else NULL
        cdef const uint64_t* bs = &buffers[0] if buffers.shape[0] else NULL
        cdef int64_t classes = max(n_classes, 1)
        cdef int32_t* in_true = <int32_t*> malloc(classes * sizeof(int32_t))
        cdef int32_t* in_pred = <int32_t*> malloc(classes * sizeof(int32_t))
        cdef int64_t width = true_rows.shape[1]
        cdef int64_t r, p, length, j, stop_at, token_start, c, t
        cdef int64_t tp = 0, true_sum = 0, pred_sum = 0
        cdef int32_t stamp
        cdef const uint8_t* text
        if in_true == NULL or in_pred == NULL:
            free(in_true)
            free(in_pred)
            raise MemoryError()
        # Row stamps instead of clearing: a class is in row r's set when its stamp is r - start.
        memset(in_true, 0xFF, classes * sizeof(int32_t))
        memset(in_pred, 0xFF, classes * sizeof(int32_t))
        with nogil:
            for r in range(start, stop):
                stamp = <int32_t> (r - start)
                if r + AHEAD < rows:
                    MLEBENCH_PREFETCH(&true_rows[positions[r + AHEAD], 0])
                p = positions[r]
                for t in range(width):
                    c = true_rows[p, t]
                    if c < 0:
                        break
                    if in_true[c] != stamp:
                        in_true[c] = stamp
                        true_sum += 1
                text = _view(vs, bs, r, &length)
                if valid_bits != NULL and not (valid_bits[r >> 3] >> (r & 7)) & 1:
                    length = 0
                j = 0
                while True:
                    stop_at = _next_token(text, j, length, SPLIT_PYTHON, &token_start)
                    if stop_at < 0:
                        break
                    j = stop_at
                    c = self.find_within(text + token_start, stop_at - token_start, text + length)
                    if 0 <= c < n_classes and in_pred[c] != stamp:
                        in_pred[c] = stamp
                        pred_sum += 1
                        if in_true[c] == stamp:
                            tp += 1
        free(in_true)
        free(in_pred)
        return tp, true_sum, pred_sum


cdef inline int64_t _inversions(const int64_t* ranks, int64_t n, int64_t* tree) noexcept nogil:
    # Pairs i < j with ranks[i] > ranks[j] (ties are none), ranks in [0, n): for each rank, the
    # earlier ranks above it. Short rows of distinct ranks keep the ranks seen as bits (a
    # popcount per word, few branches); long rows and rows with repeats a Fenwick tree.
    cdef uint64_t seen_bits[BITSET_WORDS]
    cdef int64_t i, k, seen, total = 0, words, w, u
    cdef uint64_t bits
    if n <= 64 * BITSET_WORDS:
        words = (n + 63) >> 6
        memset(seen_bits, 0, words * sizeof(uint64_t))
        for i in range(n):
            u = ranks[i]
            w = u >> 6
            bits = seen_bits[w] >> (u & 63)
            total += MLEBENCH_POPCOUNT(bits >> 1)
            for k in range(w + 1, words):
                total += MLEBENCH_POPCOUNT(seen_bits[k])
            if bits & 1:  # a repeated rank (a repeated cell): bits cannot count it twice
                break
            seen_bits[w] |= (<uint64_t> 1) << (u & 63)
        else:
            return total
        total = 0
    memset(tree, 0, (n + 1) * sizeof(int64_t))
    for i in range(n):
        seen = 0
        k = ranks[i] + 1
        while k > 0:
            seen += tree[k]
            k -= k & -k
        total += i - seen
        k = ranks[i] + 1
        while k <= n:
            tree[k] += 1
            k += k & -k
    return total


def kendall_tables(const int64_t[::1] truth_rows, const int64_t[::1] token_offsets,
                   const uint8_t[::1] token_data):
    """Each answer row's cells hashed into a small open-addressing table of its own, built once
    per answers file: (hashes per cell, first index of each cell's value in its row, the tables
    concatenated (cell index within the row, -1 empty), each row's table offset)."""
    cdef int64_t rows = truth_rows.shape[0] - 1
    cdef int64_t tokens = token_offsets.shape[0] - 1
    hashes_arr = np.empty(tokens, dtype=np.uint64)
    same_arr = np.empty(tokens, dtype=np.int32)
    table_offsets_arr = np.empty(rows + 1, dtype=np.int64)
    cdef uint64_t[::1] hashes = hashes_arr
    cdef int32_t[::1] same = same_arr
    cdef int64_t[::1] table_offsets = table_offsets_arr
    cdef const uint8_t* td = &token_data[0] if token_data.shape[0] else NULL
    cdef int64_t r, t0, n, size, total = 0, i, jj, slot, mask, a, length
    for r in range(rows):
        n = truth_rows[r + 1] - truth_rows[r]
        size = 4
        while size < 2 * n:
            size *= 2
        table_offsets[r] = total
        total += size
    table_offsets[rows] = total
    tables_arr = np.full(total, -1, dtype=np.int32)
    cdef int32_t[::1] tables = tables_arr
    with nogil:
        for i in range(tokens):
            hashes[i] = _hash(td + token_offsets[i], token_offsets[i + 1] - token_offsets[i])
        for r in range(rows):
            t0 = truth_rows[r]
            n = truth_rows[r + 1] - t0
            mask = table_offsets[r + 1] - table_offsets[r] - 1
            for i in range(n):
                a = token_offsets[t0 + i]
                length = token_offsets[t0 + i + 1] - a
                slot = <int64_t> (hashes[t0 + i] & <uint64_t> mask)
                same[t0 + i] = <int32_t> i
                while tables[table_offsets[r] + slot] >= 0:
                    jj = tables[table_offsets[r] + slot]
                    if hashes[t0 + jj] == hashes[t0 + i] and token_offsets[t0 + jj + 1] - token_offsets[t0 + jj] == length and _same_bytes(td + token_offsets[t0 + jj], td + a, length):
                        same[t0 + i] = <int32_t> jj
                        break
                    slot = (slot + 1) & mask
                if same[t0 + i] == i:
                    tables[table_offsets[r] + slot] = <int32_t> i
    return hashes_arr, same_arr, tables_arr, table_offsets_arr


def kendall_counts(const uint8_t[:, ::1] views, const uint64_t[::1] buffers,
                   const int64_t[::1] rows_of, const int64_t[::1] truth_rows,
                   const int64_t[::1] token_offsets, const uint8_t[::1] token_data,
                   const uint64_t[::1] hashes, const int32_t[::1] same,
                   const int32_t[::1] tables, const int64_t[::1] table_offsets,
                   int64_t longest, int64_t start, int64_t stop):
    """AI4Code's counts over answer rows start..stop: the cell of submission row r = rows_of[p],
    ``split()``, against the true cells of answer row p (tokens truth_rows[p]..truth_rows[p + 1]
    of token_offsets / token_data, hashed by kendall_tables). Each true cell is ranked by its
    first position in the row's list. (Answer order: the answers' arrays are read in sequence,
    only the submission's cells are visited out of order.)

    Returns (length_differs, cell_missing, inversions, pairs): the first two tell whether any row's
    list has another length than its answer's, or lacks one of its answer's cells; the counts
    cover the rows with neither."""
    cdef const uint8_t* vs = &views[0, 0] if views.shape[0] else NULL
    cdef const uint64_t* bs = &buffers[0] if buffers.shape[0] else NULL
    cdef const uint8_t* td = &token_data[0] if token_data.shape[0] else NULL
    cdef int64_t* first = <int64_t*> malloc((longest + 1) * sizeof(int64_t))
    cdef int64_t* ranks = <int64_t*> malloc((longest + 1) * sizeof(int64_t))
    cdef int64_t* tree = <int64_t*> malloc((longest + 2) * sizeof(int64_t))
    cdef int64_t r, p, t0, n, i, jj, length, j, stop_at, token_start, count, a
    cdef int64_t slot, mask, inversions = 0, pairs = 0
    cdef uint64_t h
    cdef bint length_differs = False, cell_missing = False
    cdef const uint8_t* text
    cdef const uint8_t* key
    cdef const int32_t* table
    if not (first and ranks and tree):
        free(first); free(ranks); free(tree)
        raise MemoryError()
    with nogil:
        for p in range(start, stop):
            r = rows_of[p]
            t0 = truth_rows[p]
            n = truth_rows[p + 1] - t0
            table = &tables[table_offsets[p]]
            mask = table_offsets[p + 1] - table_offsets[p] - 1
            memset(first, 0xFF, n * sizeof(int64_t))
            text = _view(vs, bs, r, &length)
            j = 0
            count = 0
            while True:
                stop_at = _next_token(text, j, length, SPLIT_PYTHON, &token_start)
                if stop_at < 0:
                    break
                j = stop_at
                if count < n:
                    key = text + token_start
                    a = stop_at - token_start
                    h = _hash_within(key, a, text + length)
                    slot = <int64_t> (h & <uint64_t> mask)
                    while table[slot] >= 0:
                        jj = table[slot]
                        if hashes[t0 + jj] == h and token_offsets[t0 + jj + 1] - token_offsets[t0 + jj] == a and _same_bytes(td + token_offsets[t0 + jj], key, a):
                            if first[jj] < 0:
                                first[jj] = count
                            break
                        slot = (slot + 1) & mask
                count += 1
            if count != n:
                length_differs = True
                continue
            for i in range(n):
                ranks[i] = first[same[t0 + i]]
                if ranks[i] < 0:
                    cell_missing = True
                    break
            else:
                inversions += _inversions(ranks, n, tree)
                pairs += n * (n - 1)
    free(first); free(ranks); free(tree)
    return length_differs, cell_missing, inversions, pairs
