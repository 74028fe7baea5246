/* MD5 (RFC 1321): four rounds of sixteen steps over a 512-bit block, little-endian words. */
#include "hash.h"

#define ROTL32(x, n) (((x) << (n)) | ((x) >> (32 - (n))))

static void Md5Init(HASH_STATE *s)
{
    s->h[0] = 0x67452301; s->h[1] = 0xefcdab89; s->h[2] = 0x98badcfe; s->h[3] = 0x10325476;
}

/* T[i] = floor(2^32 * abs(sin(i + 1))), the table of RFC 1321 section 3.4 */
static const DWORD md5_t[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};
static const BYTE md5_shift[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};

static void Md5Compress(HASH_STATE *s, const unsigned char *block)
{
    DWORD x[16], a = (DWORD)s->h[0], b = (DWORD)s->h[1], c = (DWORD)s->h[2], d = (DWORD)s->h[3];
    for (int i = 0; i < 16; i++)
        x[i] = block[4 * i] | (DWORD)block[4 * i + 1] << 8 | (DWORD)block[4 * i + 2] << 16 |
               (DWORD)block[4 * i + 3] << 24;
    for (int i = 0; i < 64; i++) {
        int round = i / 16;
        DWORD f, k;
        if (round == 0)
            f = (b & c) | (~b & d), k = i;
        else if (round == 1)
            f = (b & d) | (c & ~d), k = (5 * i + 1) & 15;
        else if (round == 2)
            f = b ^ c ^ d, k = (3 * i + 5) & 15;
        else
            f = c ^ (b | ~d), k = (7 * i) & 15;
        DWORD t = a + f + x[k] + md5_t[i];
        a = d;
        d = c;
        c = b;
        b = b + ROTL32(t, md5_shift[round][i & 3]);
    }
    s->h[0] = (DWORD)(s->h[0] + a); s->h[1] = (DWORD)(s->h[1] + b);
    s->h[2] = (DWORD)(s->h[2] + c); s->h[3] = (DWORD)(s->h[3] + d);
}

const HASH_ALGORITHM HashMd5 = {L"MD5", 64, 16, Md5Init, Md5Compress, FALSE};
