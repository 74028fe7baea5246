/* SHA-1, SHA-256, SHA-384 and SHA-512 (FIPS 180-4): big-endian words; SHA-384 is SHA-512 with
 * its own initial values, output cut to 48 bytes. */
#include "hash.h"

#define ROTL32(x, n) (((x) << (n)) | ((x) >> (32 - (n))))
#define ROTR32(x, n) (((x) >> (n)) | ((x) << (32 - (n))))
#define ROTR64(x, n) (((x) >> (n)) | ((x) << (64 - (n))))

static DWORD Be32(const unsigned char *p)
{
    return (DWORD)p[0] << 24 | (DWORD)p[1] << 16 | (DWORD)p[2] << 8 | p[3];
}

static unsigned long long Be64(const unsigned char *p)
{
    return (unsigned long long)Be32(p) << 32 | Be32(p + 4);
}

/* -- SHA-1 (section 6.1) */
static void Sha1Init(HASH_STATE *s)
{
    static const DWORD iv[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    for (int i = 0; i < 5; i++)
        s->h[i] = iv[i];
}

static void Sha1Compress(HASH_STATE *s, const unsigned char *block)
{
    DWORD w[80], v[5];
    for (int i = 0; i < 16; i++)
        w[i] = Be32(block + 4 * i);
    for (int i = 16; i < 80; i++)
        w[i] = ROTL32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    for (int i = 0; i < 5; i++)
        v[i] = (DWORD)s->h[i];
    for (int i = 0; i < 80; i++) {
        DWORD f, k;
        if (i < 20)
            f = (v[1] & v[2]) | (~v[1] & v[3]), k = 0x5A827999;
        else if (i < 40)
            f = v[1] ^ v[2] ^ v[3], k = 0x6ED9EBA1;
        else if (i < 60)
            f = (v[1] & v[2]) | (v[1] & v[3]) | (v[2] & v[3]), k = 0x8F1BBCDC;
        else
            f = v[1] ^ v[2] ^ v[3], k = 0xCA62C1D6;
        DWORD t = ROTL32(v[0], 5) + f + v[4] + k + w[i];
        v[4] = v[3];
        v[3] = v[2];
        v[2] = ROTL32(v[1], 30);
        v[1] = v[0];
        v[0] = t;
    }
    for (int i = 0; i < 5; i++)
        s->h[i] = (DWORD)(s->h[i] + v[i]);
}

/* -- SHA-256 (section 6.2); K: the first 32 bits of the cube roots' fractions of the first 64 primes */
static const DWORD k256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static void Sha256Init(HASH_STATE *s)
{
    static const DWORD iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    for (int i = 0; i < 8; i++)
        s->h[i] = iv[i];
}

static void Sha256Compress(HASH_STATE *s, const unsigned char *block)
{
    DWORD w[64], v[8];
    for (int i = 0; i < 16; i++)
        w[i] = Be32(block + 4 * i);
    for (int i = 16; i < 64; i++) {
        DWORD s0 = ROTR32(w[i - 15], 7) ^ ROTR32(w[i - 15], 18) ^ (w[i - 15] >> 3);
        DWORD s1 = ROTR32(w[i - 2], 17) ^ ROTR32(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    for (int i = 0; i < 8; i++)
        v[i] = (DWORD)s->h[i];
    for (int i = 0; i < 64; i++) {
        DWORD t1 = v[7] + (ROTR32(v[4], 6) ^ ROTR32(v[4], 11) ^ ROTR32(v[4], 25)) +
                   ((v[4] & v[5]) ^ (~v[4] & v[6])) + k256[i] + w[i];
        DWORD t2 = (ROTR32(v[0], 2) ^ ROTR32(v[0], 13) ^ ROTR32(v[0], 22)) +
                   ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
        for (int j = 7; j > 0; j--)
            v[j] = v[j - 1];
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++)
        s->h[i] = (DWORD)(s->h[i] + v[i]);
}

/* -- SHA-512 and SHA-384 (sections 6.4, 6.5); K: 64 bits of the cube roots of the first 80 primes */
static const unsigned long long k512[80] = {
    0x428a2f98d728ae22ull, 0x7137449123ef65cdull, 0xb5c0fbcfec4d3b2full, 0xe9b5dba58189dbbcull,
    0x3956c25bf348b538ull, 0x59f111f1b605d019ull, 0x923f82a4af194f9bull, 0xab1c5ed5da6d8118ull,
    0xd807aa98a3030242ull, 0x12835b0145706fbeull, 0x243185be4ee4b28cull, 0x550c7dc3d5ffb4e2ull,
    0x72be5d74f27b896full, 0x80deb1fe3b1696b1ull, 0x9bdc06a725c71235ull, 0xc19bf174cf692694ull,
    0xe49b69c19ef14ad2ull, 0xefbe4786384f25e3ull, 0x0fc19dc68b8cd5b5ull, 0x240ca1cc77ac9c65ull,
    0x2de92c6f592b0275ull, 0x4a7484aa6ea6e483ull, 0x5cb0a9dcbd41fbd4ull, 0x76f988da831153b5ull,
    0x983e5152ee66dfabull, 0xa831c66d2db43210ull, 0xb00327c898fb213full, 0xbf597fc7beef0ee4ull,
    0xc6e00bf33da88fc2ull, 0xd5a79147930aa725ull, 0x06ca6351e003826full, 0x142929670a0e6e70ull,
    0x27b70a8546d22ffcull, 0x2e1b21385c26c926ull, 0x4d2c6dfc5ac42aedull, 0x53380d139d95b3dfull,
    0x650a73548baf63deull, 0x766a0abb3c77b2a8ull, 0x81c2c92e47edaee6ull, 0x92722c851482353bull,
    0xa2bfe8a14cf10364ull, 0xa81a664bbc423001ull, 0xc24b8b70d0f89791ull, 0xc76c51a30654be30ull,
    0xd192e819d6ef5218ull, 0xd69906245565a910ull, 0xf40e35855771202aull, 0x106aa07032bbd1b8ull,
    0x19a4c116b8d2d0c8ull, 0x1e376c085141ab53ull, 0x2748774cdf8eeb99ull, 0x34b0bcb5e19b48a8ull,
    0x391c0cb3c5c95a63ull, 0x4ed8aa4ae3418acbull, 0x5b9cca4f7763e373ull, 0x682e6ff3d6b2b8a3ull,
    0x748f82ee5defb2fcull, 0x78a5636f43172f60ull, 0x84c87814a1f0ab72ull, 0x8cc702081a6439ecull,
    0x90befffa23631e28ull, 0xa4506cebde82bde9ull, 0xbef9a3f7b2c67915ull, 0xc67178f2e372532bull,
    0xca273eceea26619cull, 0xd186b8c721c0c207ull, 0xeada7dd6cde0eb1eull, 0xf57d4f7fee6ed178ull,
    0x06f067aa72176fbaull, 0x0a637dc5a2c898a6ull, 0x113f9804bef90daeull, 0x1b710b35131c471bull,
    0x28db77f523047d84ull, 0x32caab7b40c72493ull, 0x3c9ebe0a15c9bebcull, 0x431d67c49c100d4cull,
    0x4cc5d4becb3e42b6ull, 0x597f299cfc657e2aull, 0x5fcb6fab3ad6faecull, 0x6c44198c4a475817ull,
};

static void Sha512Init(HASH_STATE *s)
{
    static const unsigned long long iv[8] = {
        0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
        0x510e527fade682d1ull, 0x9b05688c2b3e6c1full, 0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull};
    for (int i = 0; i < 8; i++)
        s->h[i] = iv[i];
}

static void Sha384Init(HASH_STATE *s)
{
    static const unsigned long long iv[8] = {
        0xcbbb9d5dc1059ed8ull, 0x629a292a367cd507ull, 0x9159015a3070dd17ull, 0x152fecd8f70e5939ull,
        0x67332667ffc00b31ull, 0x8eb44a8768581511ull, 0xdb0c2e0d64f98fa7ull, 0x47b5481dbefa4fa4ull};
    for (int i = 0; i < 8; i++)
        s->h[i] = iv[i];
}

static void Sha512Compress(HASH_STATE *s, const unsigned char *block)
{
    unsigned long long w[80], v[8];
    for (int i = 0; i < 16; i++)
        w[i] = Be64(block + 8 * i);
    for (int i = 16; i < 80; i++) {
        unsigned long long s0 = ROTR64(w[i - 15], 1) ^ ROTR64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        unsigned long long s1 = ROTR64(w[i - 2], 19) ^ ROTR64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    for (int i = 0; i < 8; i++)
        v[i] = s->h[i];
    for (int i = 0; i < 80; i++) {
        unsigned long long t1 = v[7] + (ROTR64(v[4], 14) ^ ROTR64(v[4], 18) ^ ROTR64(v[4], 41)) +
                                ((v[4] & v[5]) ^ (~v[4] & v[6])) + k512[i] + w[i];
        unsigned long long t2 = (ROTR64(v[0], 28) ^ ROTR64(v[0], 34) ^ ROTR64(v[0], 39)) +
                                ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
        for (int j = 7; j > 0; j--)
            v[j] = v[j - 1];
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++)
        s->h[i] += v[i];
}

const HASH_ALGORITHM HashSha1 = {L"SHA1", 64, 20, Sha1Init, Sha1Compress, TRUE};
const HASH_ALGORITHM HashSha256 = {L"SHA256", 64, 32, Sha256Init, Sha256Compress, TRUE};
const HASH_ALGORITHM HashSha384 = {L"SHA384", 128, 48, Sha384Init, Sha512Compress, TRUE};
const HASH_ALGORITHM HashSha512 = {L"SHA512", 128, 64, Sha512Init, Sha512Compress, TRUE};
