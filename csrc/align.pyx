"""A hash index of string ids, for matching submission rows to the answers' rows.

Ids are Arrow UTF-8 bytes (offsets + data); equal bytes are equal strings, so no Python ``str`` is
built per row.
"""

from libc.stdint cimport int64_t, uint8_t, uint64_t
from libc.stdint cimport int32_t, uintptr_t
from libc.string cimport memcmp, memcpy

import numpy as np


cdef extern from *:
    """
    #if defined(__GNUC__) || defined(__clang__)
    #define MLEBENCH_PREFETCH(p) __builtin_prefetch(p)
    #else
    #define MLEBENCH_PREFETCH(p) ((void) 0)
    #endif
    """
    void MLEBENCH_PREFETCH(const void* p) nogil


cdef enum:
    # Look-ups go by blocks: each key's slot, then the slot's row offsets, then its bytes are
    # requested for the whole block before any is compared, so the cache misses of a block
    # overlap instead of coming one after another.
    BLOCK = 32


cdef inline uint64_t _hash(const uint8_t* p, int64_t n) noexcept nogil:
    # Eight bytes per multiply (ids are mostly 8-64 bytes: a byte-at-a-time hash cost more than
    # the probe), the tail zero-padded, then a murmur finaliser so that the low bits (the slot)
    # depend on every byte. The length seeds the state, so padding zeros are not ambiguous.
    cdef uint64_t h = 0x9E3779B97F4A7C15ULL ^ (<uint64_t> n * 0xC2B2AE3D27D4EB4FULL)
    cdef uint64_t word
    cdef int64_t i = 0
    while i + 8 <= n:
        memcpy(&word, p + i, 8)
        h = (h ^ word) * 0x9FB21C651E98DF25ULL
        h ^= h >> 29
        i += 8
    if i < n:
        word = 0
        memcpy(&word, p + i, n - i)
        h = (h ^ word) * 0x9FB21C651E98DF25ULL
        h ^= h >> 29
    h ^= h >> 33
    h *= 0xff51afd7ed558ccdULL
    h ^= h >> 33
    return h


cdef inline const uint8_t* _view_text(const uint8_t* view, const uint64_t* buffers,
                                      int32_t* length) noexcept nogil:
    """The bytes of one Arrow string view: inline up to 12 bytes, else in a data buffer."""
    cdef int32_t index, offset
    memcpy(length, view, 4)
    if length[0] <= 12:
        return view + 4
    memcpy(&index, view + 8, 4)
    memcpy(&offset, view + 12, 4)
    return <const uint8_t*> <uintptr_t> buffers[index] + offset


cdef class StringIndex:
    """Maps each id of a string column to its row; ``unique`` is False when an id repeats."""

    cdef const int64_t[::1] offsets
    cdef const uint8_t[::1] data
    cdef int64_t[::1] slots  # row + 1, or 0 for an empty slot
    cdef uint64_t mask
    cdef readonly int64_t size
    cdef readonly bint unique

    def __init__(self, const int64_t[::1] offsets, const uint8_t[::1] data):
        cdef int64_t n = offsets.shape[0] - 1
        cdef uint64_t capacity = 16
        while capacity < <uint64_t>(2 * n + 2):
            capacity <<= 1
        self.offsets = offsets
        self.data = data
        self.slots = np.zeros(capacity, dtype=np.int64)
        self.mask = capacity - 1
        self.size = n
        self.unique = True
        cdef int64_t row, found
        with nogil:
            for row in range(n):
                found = self._find(&data[0] + offsets[row], offsets[row + 1] - offsets[row], row)
                if found != row:
                    self.unique = False

    cdef int64_t _find(self, const uint8_t* key, int64_t length, int64_t insert_row) noexcept nogil:
        """The row holding ``key``; with ``insert_row >= 0`` an absent key is inserted as that row."""
        return self._find_from(_hash(key, length) & self.mask, key, length, insert_row)

    cdef void _find_block(self, const uint8_t** keys, const int64_t* lengths, int64_t n,
                          int64_t* out) noexcept nogil:
        """``out[i] = _find(keys[i], lengths[i], -1)`` for a block of at most BLOCK keys."""
        cdef uint64_t slots[BLOCK]
        cdef int64_t i, row
        for i in range(n):
            slots[i] = _hash(keys[i], lengths[i]) & self.mask
            MLEBENCH_PREFETCH(&self.slots[slots[i]])
        for i in range(n):
            row = self.slots[slots[i]] - 1
            if row >= 0:
                MLEBENCH_PREFETCH(&self.offsets[row])
        for i in range(n):
            row = self.slots[slots[i]] - 1
            if row >= 0:
                MLEBENCH_PREFETCH(&self.data[0] + self.offsets[row])
        for i in range(n):
            out[i] = self._find_from(slots[i], keys[i], lengths[i], -1)

    cdef int64_t _find_from(self, uint64_t slot, const uint8_t* key, int64_t length,
                            int64_t insert_row) noexcept nogil:
        cdef int64_t row, start
        while True:
            row = self.slots[slot] - 1
            if row < 0:
                if insert_row >= 0:
                    self.slots[slot] = insert_row + 1
                    return insert_row
                return -1
            start = self.offsets[row]
            if self.offsets[row + 1] - start == length and (
                length == 0 or memcmp(&self.data[0] + start, key, length) == 0
            ):
                return row
            slot = (slot + 1) & self.mask

    def lookup(self, const int64_t[::1] offsets, const uint8_t[::1] data):
        """For each id of another column (offsets + data), its row here, or -1."""
        cdef int64_t n = offsets.shape[0] - 1
        result = np.empty(n, dtype=np.int64)
        cdef int64_t[::1] out = result
        cdef int64_t row, i, block
        cdef const uint8_t* keys[BLOCK]
        cdef int64_t lengths[BLOCK]
        with nogil:
            row = 0
            while row < n:
                block = n - row if n - row < BLOCK else BLOCK
                for i in range(block):
                    keys[i] = &data[0] + offsets[row + i]
                    lengths[i] = offsets[row + i + 1] - offsets[row + i]
                self._find_block(keys, lengths, block, &out[row])
                row += block
        return result

    def lookup_views(self, const uint8_t[:, ::1] views, const uint64_t[::1] buffers):
        """``lookup`` for a column of Arrow string views (16 bytes a row; strings of up to 12
        bytes inline, longer ones in the data buffers whose addresses ``buffers`` holds)."""
        cdef int64_t n = views.shape[0]
        result = np.empty(n, dtype=np.int64)
        cdef int64_t[::1] out = result
        cdef int64_t row, i, block
        cdef int32_t length
        cdef const uint8_t* keys[BLOCK]
        cdef int64_t lengths[BLOCK]
        cdef const uint64_t* buffer_addresses = &buffers[0] if buffers.shape[0] else NULL
        with nogil:
            row = 0
            while row < n:
                block = n - row if n - row < BLOCK else BLOCK
                for i in range(block):
                    keys[i] = _view_text(&views[row + i, 0], buffer_addresses, &length)
                    lengths[i] = length
                self._find_block(keys, lengths, block, &out[row])
                row += block
        return result

    def lookup_split(self, const uint8_t[:, ::1] views, const uint64_t[::1] buffers,
                     uint8_t separator, int64_t keep):
        """Split each string-view row on the byte ``separator`` (as ``str.split(sep)`` does:
        consecutive separators give empty tokens), keep its first ``keep`` tokens and look each
        up here. Returns (codes, offsets): row r's codes are codes[offsets[r]:offsets[r + 1]]."""
        cdef int64_t n = views.shape[0]
        offsets_arr = np.empty(n + 1, dtype=np.int64)
        cdef int64_t[::1] offsets = offsets_arr
        cdef int64_t row, i, start, count, total = 0
        cdef int32_t length
        cdef const uint8_t* text
        cdef const uint64_t* buffer_addresses = &buffers[0] if buffers.shape[0] else NULL
        # First pass: token counts, to size the output exactly.
        with nogil:
            offsets[0] = 0
            for row in range(n):
                text = _view_text(&views[row, 0], buffer_addresses, &length)
                count = 1
                for i in range(length):
                    if text[i] == separator:
                        count += 1
                if count > keep:
                    count = keep
                total += count
                offsets[row + 1] = total
        codes_arr = np.empty(total, dtype=np.int64)
        cdef int64_t[::1] codes = codes_arr
        cdef int64_t out
        with nogil:
            for row in range(n):
                text = _view_text(&views[row, 0], buffer_addresses, &length)
                out = offsets[row]
                start = 0
                i = 0
                while out < offsets[row + 1]:
                    if i == length or text[i] == separator:
                        codes[out] = self._find(text + start, i - start, -1)
                        out += 1
                        start = i + 1
                    i += 1
        return codes_arr, offsets_arr


def inverse_permutation(const int64_t[::1] positions):
    """``order`` with ``order[positions[r]] = r``, or None when ``positions`` is not a
    permutation of 0..n-1 (a look-up's -1, a repeat, or n == 0)."""
    cdef int64_t n = positions.shape[0]
    cdef int64_t r, k
    cdef bint complete = n > 0
    result = np.full(n, -1, dtype=np.int64)
    cdef int64_t[::1] order = result
    with nogil:
        for r in range(n):
            k = positions[r]
            if k < 0 or k >= n or order[k] >= 0:
                complete = False
                break
            order[k] = r
    return result if complete else None
