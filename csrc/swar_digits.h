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

/* The n bytes at p (0 < n < 8), the first in the low byte, zero above: two overlapping loads of
   fixed size (a memcpy of n bytes is a library call). */
static inline uint64_t swar_short_word(const unsigned char *p, Py_ssize_t n) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    uint64_t w = 0;
    for (Py_ssize_t i = 0; i < n; i++) w |= (uint64_t)p[i] << (8 * i);
    return w;
#else
    if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, p, 4);
        memcpy(&b, p + n - 4, 4);
        return a | ((uint64_t)b << (8 * (n - 4)));
    }
    if (n >= 2) {
        uint16_t c, d;
        memcpy(&c, p, 2);
        memcpy(&d, p + n - 2, 2);
        return c | ((uint64_t)d << (8 * (n - 2)));
    }
    return p[0];
#endif
}

/* Bytes p[i:min(i + 8, end)], the first in the low byte, zero above, read without touching
   anything outside p[0:end]: one load at i, else the last 8 bytes shifted down, else short
   loads. */
static inline uint64_t swar_cell_word(const unsigned char *p, Py_ssize_t i, Py_ssize_t end) {
    if (i + 8 <= end) return swar_load8(p + i);
    if (i >= end) return 0;
    if (end >= 8) return swar_load8(p + end - 8) >> (8 * (i + 8 - end));
    return swar_short_word(p + i, end - i);
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

/* 10**k, k <= 22: exact doubles (5**22 < 2**53) */
static const double swar_pow10_exact[23] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
    1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
static inline __attribute__((always_inline)) Py_ssize_t
swar_digits(const unsigned char *p, Py_ssize_t i, Py_ssize_t m, Py_ssize_t avail,
            uint64_t *w) {
    /* where the run of digits from p[i] ends; *w gets them appended (mod 2**64) */
    uint64_t x;
    int n;
    while (i < m) {
        x = swar_window8(p, i, avail);
        n = swar_digit_run8(x);
        *w = *w * swar_pow10_u64[n] + swar_digits8(x, n);
        i += n;
        if (n < 8) break;
    }
    return i;
}
/* The decimal [+-]digits[.digits] (1 to 19 digits) that starts at p, where bytes up to
   avail >= 8 may be read: 1 with its length, digits w, how many, digits after the point
   (-1: no point) and sign; 0 if p starts no such decimal. What follows it is the caller's
   to check: a cell's text is this decimal only if a separator (or the cell's end) is next. */
static inline __attribute__((always_inline)) int
swar_lead_decimal(const unsigned char *p, Py_ssize_t avail, Py_ssize_t *len, uint64_t *wp,
                  int *ndigitsp, int *fracp, int *negp) {
    Py_ssize_t i = 0, start, int_end, ndigits;
    uint64_t w = 0;
    int neg = 0, frac = -1;
    if (p[0] == 45 || p[0] == 43) { neg = p[0] == 45; i = 1; }
    start = i;
    i = swar_digits(p, i, avail, avail, &w);
    int_end = i;
    if (i < avail && p[i] == 46) {
        i = swar_digits(p, i + 1, avail, avail, &w);
        frac = (int)(i - int_end - 1);
    }
    ndigits = int_end - start + (frac > 0 ? frac : 0);
    if (ndigits == 0 || ndigits > 19) return 0;
    *len = i; *wp = w; *ndigitsp = (int)ndigits; *fracp = frac; *negp = neg;
    return 1;
}
/* The value of [-]w / 10**frac (w of at most 19 digits, frac >= 0): 1 with *out when it is
   zero or Clinger's exact division settles it, 2 with *w, *q, *neg when w * 10**q needs
   Eisel-Lemire. */
static inline __attribute__((always_inline)) int
swar_decimal_value(uint64_t w, int frac, int neg, double *out, uint64_t *wp, int *qp,
                   int *negp) {
    if (w == 0) { *out = neg ? -0.0 : 0.0; return 1; }
    if (w <= ((uint64_t)1 << 53) && frac <= 22) {
        double d = (double)w / swar_pow10_exact[frac];
        *out = neg ? -d : d;
        return 1;
    }
    *wp = w; *qp = -frac; *negp = neg;
    return 2;
}


#endif
