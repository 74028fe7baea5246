/* The hash algorithms bcrypt provides (hash_md5.c, hash_sha.c) and the state one hash object
 * keeps (hash.c): MD5 (RFC 1321), SHA-1, SHA-256, SHA-384 and SHA-512 (FIPS 180-4), written from
 * those specifications. advapi32's CryptCreateHash reaches them through the BCrypt* calls. */
#pragma once
#include <windows.h>

typedef struct {
    unsigned long long h[8];            /* the chaining state (32-bit words in the low halves for MD5, SHA-1, SHA-256) */
    unsigned char block[128];
    unsigned long long length;          /* bytes hashed so far */
    unsigned used;                      /* bytes waiting in block */
} HASH_STATE;

typedef struct {
    const WCHAR *name;                  /* BCRYPT_*_ALGORITHM */
    unsigned block_size, digest_size;
    void (*init)(HASH_STATE *);
    void (*compress)(HASH_STATE *, const unsigned char *block);
    BOOL big_endian;                    /* SHA: big-endian words and length; MD5: little-endian */
} HASH_ALGORITHM;

extern const HASH_ALGORITHM HashMd5, HashSha1, HashSha256, HashSha384, HashSha512;

/* hash.c: the generic steps (absorb, pad and output) over an algorithm's compression function. */
void HashInit(const HASH_ALGORITHM *a, HASH_STATE *s);
void HashUpdate(const HASH_ALGORITHM *a, HASH_STATE *s, const unsigned char *data, unsigned long long n);
void HashFinal(const HASH_ALGORITHM *a, HASH_STATE *s, unsigned char *digest);
/* The algorithm a BCrypt identifier names (without case), or NULL. */
const HASH_ALGORITHM *HashAlgorithmOf(const WCHAR *id);

/* rng.c: an algorithm handle (RNG when hash is NULL), and whether a handle is an open one. */
typedef struct { ULONG magic; ULONG flags; const HASH_ALGORITHM *hash; } ALGORITHM;
BOOL BcryptIsOpen(void *handle);
