/* Decimal digits read eight bytes at a time (SWAR, as in simdjson and fast_float), shared by the
   native parsers. Little- and big-endian alike: the first byte is always the low one. */
#ifndef MLEBENCH_FAST_SWAR_DIGITS_H
#define MLEBENCH_FAST_SWAR_DIGITS_H

#include <stdint.h>
#include <string.h>

#include "Python.h" /* Py_ssize_t */

static const uint64_t swar_pow10_u64[9] = {1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL,
                                           1000000ULL, 10000000ULL, 100000000ULL};

/* p[0:8] (all eight bytes readable), p[0] in the low byte. */
static inline uint64_t swar_load8(const unsigned char *p) {
    uint64_t x;
    memcpy(&x, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap64(x);
#endif
    return x;
}

/* Eight bytes of a cell from byte i, the first in the low byte, where the cell's storage may be
   read up to avail >= 8 bytes (bytes past the cell there are NUL, or shifted in as NUL); i must
   lie inside the cell. */
static inline uint64_t swar_window8(const unsigned char *p, Py_ssize_t i, Py_ssize_t avail) {
    if (i + 8 <= avail) return swar_load8(p + i);
    return swar_load8(p + avail - 8) >> (8 * (i + 8 - avail));
}

/* How many bytes of x, from the low one, are ASCII digits (a carry only reaches bytes past the
   first non-digit). */
static inline int swar_digit_run8(uint64_t x) {
    uint64_t bad = ((x & 0xF0F0F0F0F0F0F0F0ULL) ^ 0x3030303030303030ULL)
                 | (((x + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL) ^ 0x3030303030303030ULL);
    return bad ? __builtin_ctzll(bad) >> 3 : 8;
}

/* The number the first n (0..8) bytes of x spell, all digits: they are moved to the top behind
   zeros, then summed pairwise. */
static inline uint64_t swar_digits8(uint64_t x, int n) {
    if (n == 0) return 0;
    x = (x - 0x3030303030303030ULL) << (8 * (8 - n));
    x = x * 10 + (x >> 8);
    x = (((x & 0x000000FF000000FFULL) * 0x000F424000000064ULL)
         + (((x >> 16) & 0x000000FF000000FFULL) * 0x0000271000000001ULL)) >> 32;
    return x & 0xFFFFFFFFULL;
}

#endif
