/* <uchar.h>: mbrtoc16, c16rtomb, mbrtoc32, c32rtomb. The UCRT's take the multibyte side as UTF-8
 * whatever the locale. The state (mbstate_t, 8 bytes) keeps a sequence cut short across calls
 * (its value so far and the bytes still wanted) and, for the UTF-16 forms, the second half of a
 * pair still to give (mbrtoc16 returns it next, with (size_t)-3) or the first half seen
 * (c16rtomb waits for the second). Invalid input is EILSEQ, (size_t)-1. */
#include "secure.h"

#ifdef CRT_UCRT

typedef struct { uint32_t value; uint16_t need; uint16_t half; } u8_state;
static u8_state own_state;

static size_t eilseq(u8_state *st)
{
    st->value = st->need = st->half = 0;
    crt_errno = CRT_EILSEQ;
    return (size_t)-1;
}

/* The first byte's share: the bits it gives and the bytes that follow (-1: not a first byte). */
static int lead(unsigned char b, uint32_t *v)
{
    if (b < 0x80) { *v = b; return 0; }
    if (b >= 0xC2 && b <= 0xDF) { *v = b & 0x1F; return 1; }
    if (b >= 0xE0 && b <= 0xEF) { *v = b & 0x0F; return 2; }
    if (b >= 0xF0 && b <= 0xF4) { *v = b & 0x07; return 3; }
    return -1;
}

CRTEXP size_t mbrtoc32(uint32_t *pc, const char *s, size_t n, void *state)
{
    u8_state *st = state ? state : &own_state;
    if (s == NULL) {
        s = "";
        n = 1;
        pc = NULL;
    }
    if (n == 0)
        return (size_t)-2;
    size_t used = 0;
    uint32_t v = st->value;
    int need = st->need & 0xFF, seq_len = st->need >> 8;     /* bytes still wanted; the sequence's */
    if (need == 0) {
        need = lead((unsigned char)s[0], &v);
        if (need < 0)
            return eilseq(st);
        seq_len = need + 1;
        used = 1;
    }
    while (need && used < n) {
        unsigned char b = (unsigned char)s[used++];
        if ((b & 0xC0) != 0x80)
            return eilseq(st);
        v = v << 6 | (b & 0x3F);
        need--;
    }
    if (need) {
        st->value = v;
        st->need = (uint16_t)(need | seq_len << 8);
        return (size_t)-2;
    }
    st->value = st->need = 0;
    /* The value's bits, once all in, show the overlong three- and four-byte forms. */
    int shortest = v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4;
    if (shortest != seq_len || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF)
        return eilseq(st);
    if (pc)
        *pc = v;
    return v == 0 ? 0 : used;
}

CRTEXP size_t mbrtoc16(uint16_t *pc, const char *s, size_t n, void *state)
{
    u8_state *st = state ? state : &own_state;
    if (st->half && s != NULL) {
        if (pc)
            *pc = st->half;
        st->half = 0;
        return (size_t)-3;
    }
    uint32_t c;
    size_t r = mbrtoc32(&c, s, n, st);
    if (r >= (size_t)-2 || s == NULL)
        return r;
    if (c > 0xFFFF) {
        c -= 0x10000;
        if (pc)
            *pc = (uint16_t)(0xD800 | c >> 10);
        st->half = (uint16_t)(0xDC00 | (c & 0x3FF));
    } else if (pc)
        *pc = (uint16_t)c;
    return r;
}

static size_t encode(char *s, uint32_t c, u8_state *st)
{
    if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
        return eilseq(st);
    if (c < 0x80) {
        s[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        s[0] = (char)(0xC0 | c >> 6);
        s[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        s[0] = (char)(0xE0 | c >> 12);
        s[1] = (char)(0x80 | (c >> 6 & 0x3F));
        s[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    s[0] = (char)(0xF0 | c >> 18);
    s[1] = (char)(0x80 | (c >> 12 & 0x3F));
    s[2] = (char)(0x80 | (c >> 6 & 0x3F));
    s[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

CRTEXP size_t c32rtomb(char *s, uint32_t c, void *state)
{
    u8_state *st = state ? state : &own_state;
    char buf[4];
    if (s == NULL) {
        s = buf;
        c = 0;
    }
    st->half = 0;
    return encode(s, c, st);
}

CRTEXP size_t c16rtomb(char *s, uint16_t c, void *state)
{
    u8_state *st = state ? state : &own_state;
    char buf[4];
    if (s == NULL) {
        s = buf;
        c = 0;
        st->half = 0;
    }
    if (c >= 0xD800 && c <= 0xDBFF) {
        if (st->half)
            return eilseq(st);
        st->half = c;
        return 0;
    }
    uint32_t full = c;
    if (c >= 0xDC00 && c <= 0xDFFF) {
        if (!st->half)
            return eilseq(st);
        full = 0x10000 + ((uint32_t)(st->half - 0xD800) << 10) + (c - 0xDC00);
    } else if (st->half)
        return eilseq(st);
    st->half = 0;
    return encode(s, full, st);
}
#endif
