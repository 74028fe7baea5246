/* CryptoAPI's hashes over CNG's (bcrypt.dll, whose hash objects do the work): CryptCreateHash for
 * CALG_MD5, CALG_SHA1 and, on the AES provider (PROV_RSA_AES) only, CALG_SHA_256/384/512
 * (NTE_BAD_ALGID otherwise, as the RSA providers answer); CryptHashData, CryptGetHashParam
 * (HP_ALGID, HP_HASHSIZE, HP_HASHVAL: the value ends the hash, more data is NTE_BAD_HASH_STATE;
 * a short buffer is ERROR_MORE_DATA with the size), CryptDuplicateHash, CryptDestroyHash. */
#include "advapi32.h"
#define WINIMPM                         /* wincrypt.h: this DLL implements them */
#include <wincrypt.h>
#include <bcrypt.h>

#define HASH_MAGIC 0x48505243u          /* 'CRPH' */
typedef struct {
    DWORD magic;
    ALG_ID algid;
    DWORD size;
    BOOL finished;
    BCRYPT_ALG_HANDLE algorithm;
    BCRYPT_HASH_HANDLE hash;
    BYTE value[64];
} CRYPT_HASH;

static const struct { ALG_ID algid; const WCHAR *name; DWORD size; BOOL aes_only; } hash_algorithms[] = {
    {CALG_MD5, BCRYPT_MD5_ALGORITHM, 16, FALSE}, {CALG_SHA1, BCRYPT_SHA1_ALGORITHM, 20, FALSE},
    {CALG_SHA_256, BCRYPT_SHA256_ALGORITHM, 32, TRUE}, {CALG_SHA_384, BCRYPT_SHA384_ALGORITHM, 48, TRUE},
    {CALG_SHA_512, BCRYPT_SHA512_ALGORITHM, 64, TRUE},
};

static CRYPT_HASH *HashOf(HCRYPTHASH handle)
{
    CRYPT_HASH *h = (CRYPT_HASH *)handle;
    return h && h->magic == HASH_MAGIC ? h : NULL;
}

ADVAPI BOOL WINAPI CryptCreateHash(HCRYPTPROV provider, ALG_ID algid, HCRYPTKEY key, DWORD flags, HCRYPTHASH *out)
{
    DWORD type;
    if (!AdvCryptProviderType(provider, &type))
        return AdvFailError((DWORD)NTE_BAD_UID);
    if (flags)
        return AdvFailError((DWORD)NTE_BAD_FLAGS);
    if (!out)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    unsigned i = 0;
    while (i < sizeof(hash_algorithms) / sizeof(hash_algorithms[0]) && hash_algorithms[i].algid != algid)
        i++;
    if (i == sizeof(hash_algorithms) / sizeof(hash_algorithms[0]) ||
        (hash_algorithms[i].aes_only && type != PROV_RSA_AES))
        return AdvFailError((DWORD)NTE_BAD_ALGID);
    if (key)
        return AdvFailError((DWORD)NTE_BAD_KEY);
    CRYPT_HASH *h = AdvAlloc(sizeof(*h));
    if (!h)
        return AdvFailError((DWORD)NTE_NO_MEMORY);
    memset(h, 0, sizeof(*h));
    h->algid = algid;
    h->size = hash_algorithms[i].size;
    NTSTATUS status = BCryptOpenAlgorithmProvider(&h->algorithm, hash_algorithms[i].name, NULL, 0);
    if (!status)
        status = BCryptCreateHash(h->algorithm, &h->hash, NULL, 0, NULL, 0, 0);
    if (status) {
        if (h->algorithm)
            BCryptCloseAlgorithmProvider(h->algorithm, 0);
        AdvFree(h);
        return AdvFailError((DWORD)NTE_NO_MEMORY);
    }
    h->magic = HASH_MAGIC;
    *out = (HCRYPTHASH)h;
    return TRUE;
}

ADVAPI BOOL WINAPI CryptHashData(HCRYPTHASH handle, const BYTE *data, DWORD length, DWORD flags)
{
    CRYPT_HASH *h = HashOf(handle);
    if (!h)
        return AdvFailError((DWORD)NTE_BAD_HASH);
    if (flags & ~CRYPT_USERDATA)
        return AdvFailError((DWORD)NTE_BAD_FLAGS);
    if (h->finished)
        return AdvFailError((DWORD)NTE_BAD_HASH_STATE);
    BCryptHashData(h->hash, (PUCHAR)data, length, 0);
    return TRUE;
}

ADVAPI BOOL WINAPI CryptGetHashParam(HCRYPTHASH handle, DWORD param, BYTE *data, DWORD *length, DWORD flags)
{
    CRYPT_HASH *h = HashOf(handle);
    if (!h)
        return AdvFailError((DWORD)NTE_BAD_HASH);
    if (flags)
        return AdvFailError((DWORD)NTE_BAD_FLAGS);
    if (!length)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    DWORD value;
    const void *source = &value;
    DWORD need = sizeof(DWORD);
    if (param == HP_ALGID) {
        value = h->algid;
    } else if (param == HP_HASHSIZE) {
        value = h->size;
    } else if (param == HP_HASHVAL) {
        need = h->size;
        source = h->value;
        if (data && *length >= need && !h->finished) {
            BCryptFinishHash(h->hash, h->value, h->size, 0);
            h->finished = TRUE;
        }
    } else {
        return AdvFailError((DWORD)NTE_BAD_TYPE);
    }
    if (!data) {
        *length = need;
        return TRUE;
    }
    if (*length < need) {
        *length = need;
        return AdvFailError(ERROR_MORE_DATA);
    }
    memcpy(data, source, need);
    *length = need;
    return TRUE;
}

ADVAPI BOOL WINAPI CryptDuplicateHash(HCRYPTHASH handle, DWORD *reserved, DWORD flags, HCRYPTHASH *out)
{
    CRYPT_HASH *h = HashOf(handle);
    if (!h)
        return AdvFailError((DWORD)NTE_BAD_HASH);
    if (reserved || !out)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    if (flags)
        return AdvFailError((DWORD)NTE_BAD_FLAGS);
    CRYPT_HASH *copy = AdvAlloc(sizeof(*copy));
    if (!copy)
        return AdvFailError((DWORD)NTE_NO_MEMORY);
    memcpy(copy, h, sizeof(*copy));
    copy->algorithm = NULL;
    for (unsigned i = 0; i < sizeof(hash_algorithms) / sizeof(hash_algorithms[0]); i++)
        if (hash_algorithms[i].algid == h->algid)
            BCryptOpenAlgorithmProvider(&copy->algorithm, hash_algorithms[i].name, NULL, 0);
    if (!copy->algorithm || BCryptDuplicateHash(h->hash, &copy->hash, NULL, 0, 0)) {
        if (copy->algorithm)
            BCryptCloseAlgorithmProvider(copy->algorithm, 0);
        AdvFree(copy);
        return AdvFailError((DWORD)NTE_NO_MEMORY);
    }
    *out = (HCRYPTHASH)copy;
    return TRUE;
}

ADVAPI BOOL WINAPI CryptDestroyHash(HCRYPTHASH handle)
{
    CRYPT_HASH *h = HashOf(handle);
    if (!h)
        return AdvFailError((DWORD)NTE_BAD_HASH);
    h->magic = 0;
    BCryptDestroyHash(h->hash);
    BCryptCloseAlgorithmProvider(h->algorithm, 0);
    AdvFree(h);
    return TRUE;
}
