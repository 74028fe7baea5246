/* CNG hashing: the generic Merkle-Damgard steps over hash_md5.c's and hash_sha.c's compression
 * functions, and the BCrypt calls on them. A hash object lives in the caller's buffer when one is
 * given (at least BCRYPT_OBJECT_LENGTH bytes: STATUS_BUFFER_TOO_SMALL otherwise), on the heap when
 * not; an algorithm opened with BCRYPT_ALG_HANDLE_HMAC_FLAG gives HMAC (RFC 2104) over the secret.
 * BCryptFinishHash wants exactly the digest length (STATUS_INVALID_PARAMETER) and leaves the
 * object ready for new data, as a reusable hash is. */
#define WIN32_LEAN_AND_MEAN
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <bcrypt.h>
#include "hash.h"

void *__cdecl memcpy(void *, const void *, size_t);
void *__cdecl memset(void *, int, size_t);

#define HASH_MAGIC 0x48534148u          /* "HASH" */

/* -- the generic steps */
void HashInit(const HASH_ALGORITHM *a, HASH_STATE *s)
{
    memset(s, 0, sizeof(*s));
    a->init(s);
}

void HashUpdate(const HASH_ALGORITHM *a, HASH_STATE *s, const unsigned char *data, unsigned long long n)
{
    s->length += n;
    while (n) {
        unsigned take = a->block_size - s->used;
        if (take > n)
            take = (unsigned)n;
        memcpy(s->block + s->used, data, take);
        s->used += take;
        data += take;
        n -= take;
        if (s->used == a->block_size) {
            a->compress(s, s->block);
            s->used = 0;
        }
    }
}

void HashFinal(const HASH_ALGORITHM *a, HASH_STATE *s, unsigned char *digest)
{
    /* pad: 0x80, zeros, then the length in bits (64 bits, 128 for the 128-byte blocks) */
    unsigned long long bits = s->length * 8;
    unsigned length_size = a->block_size == 128 ? 16 : 8;
    unsigned char pad[128 + 16] = {0x80};
    unsigned n = (s->used < a->block_size - length_size ? a->block_size : 2 * a->block_size) - s->used - length_size;
    unsigned char tail[16] = {0};
    for (int i = 0; i < 8; i++)
        tail[a->big_endian ? length_size - 1 - i : i] = (unsigned char)(bits >> (8 * i));
    unsigned long long length = s->length;
    HashUpdate(a, s, pad, n);
    HashUpdate(a, s, tail, length_size);
    s->length = length;
    /* output: 32-bit words (64-bit for the SHA-512 family), in the algorithm's byte order */
    unsigned word = a->block_size == 128 ? 8 : 4;
    for (unsigned i = 0; i < a->digest_size; i++) {
        unsigned long long v = s->h[i / word];
        unsigned at = i % word;
        digest[i] = (unsigned char)(v >> (8 * (a->big_endian ? word - 1 - at : at)));
    }
}

const HASH_ALGORITHM *HashAlgorithmOf(const WCHAR *id)
{
    static const HASH_ALGORITHM *all[] = {&HashMd5, &HashSha1, &HashSha256, &HashSha384, &HashSha512};
    for (int i = 0; i < 5; i++)
        if (CompareStringOrdinal(id, -1, all[i]->name, -1, TRUE) == CSTR_EQUAL)
            return all[i];
    return NULL;
}

/* -- hash objects */
typedef struct {
    ULONG magic;
    BOOL heap, hmac;
    const HASH_ALGORITHM *a;
    HASH_STATE state;
    unsigned char key[128];             /* HMAC: the secret, padded to a block (hashed first when longer) */
} HASH_OBJECT;

static HASH_OBJECT *HashOf(BCRYPT_HASH_HANDLE handle)
{
    HASH_OBJECT *h = handle;
    return h && h->magic == HASH_MAGIC ? h : NULL;
}

/* HMAC's inner start: the key XOR ipad absorbed; the outer pass uses opad in HashFinish. */
static void HashStart(HASH_OBJECT *h)
{
    HashInit(h->a, &h->state);
    if (h->hmac) {
        unsigned char pad[128];
        for (unsigned i = 0; i < h->a->block_size; i++)
            pad[i] = h->key[i] ^ 0x36;
        HashUpdate(h->a, &h->state, pad, h->a->block_size);
    }
}

__declspec(dllexport) NTSTATUS WINAPI BCryptCreateHash(BCRYPT_ALG_HANDLE algorithm, BCRYPT_HASH_HANDLE *out,
                                                       PUCHAR object, ULONG object_size, PUCHAR secret,
                                                       ULONG secret_size, ULONG flags)
{
    ALGORITHM *alg = algorithm;
    if (!BcryptIsOpen(algorithm) || (ULONG_PTR)algorithm < 0x10000 || !alg->hash)
        return STATUS_INVALID_HANDLE;
    if (!out || (flags & ~BCRYPT_HASH_REUSABLE_FLAG))
        return STATUS_INVALID_PARAMETER;
    if (object && object_size < sizeof(HASH_OBJECT))
        return STATUS_BUFFER_TOO_SMALL;
    HASH_OBJECT *h = object ? (HASH_OBJECT *)object : HeapAlloc(GetProcessHeap(), 0, sizeof(HASH_OBJECT));
    if (!h)
        return STATUS_NO_MEMORY;
    memset(h, 0, sizeof(*h));
    h->magic = HASH_MAGIC;
    h->heap = !object;
    h->a = alg->hash;
    h->hmac = !!(alg->flags & BCRYPT_ALG_HANDLE_HMAC_FLAG);
    if (h->hmac) {
        if (secret_size > h->a->block_size) {
            HashInit(h->a, &h->state);
            HashUpdate(h->a, &h->state, secret, secret_size);
            HashFinal(h->a, &h->state, h->key);
        } else if (secret_size) {
            memcpy(h->key, secret, secret_size);
        }
    }
    HashStart(h);
    *out = h;
    return STATUS_SUCCESS;
}

__declspec(dllexport) NTSTATUS WINAPI BCryptHashData(BCRYPT_HASH_HANDLE handle, PUCHAR data, ULONG size, ULONG flags)
{
    HASH_OBJECT *h = HashOf(handle);
    if (!h)
        return STATUS_INVALID_HANDLE;
    if (size && !data)
        return STATUS_INVALID_PARAMETER;
    HashUpdate(h->a, &h->state, data, size);
    return STATUS_SUCCESS;
}

__declspec(dllexport) NTSTATUS WINAPI BCryptFinishHash(BCRYPT_HASH_HANDLE handle, PUCHAR digest, ULONG size,
                                                       ULONG flags)
{
    HASH_OBJECT *h = HashOf(handle);
    if (!h)
        return STATUS_INVALID_HANDLE;
    if (!digest || size != h->a->digest_size || flags)
        return STATUS_INVALID_PARAMETER;
    unsigned char inner[64];
    HashFinal(h->a, &h->state, inner);
    if (h->hmac) {
        unsigned char pad[128];
        for (unsigned i = 0; i < h->a->block_size; i++)
            pad[i] = h->key[i] ^ 0x5c;
        HashInit(h->a, &h->state);
        HashUpdate(h->a, &h->state, pad, h->a->block_size);
        HashUpdate(h->a, &h->state, inner, h->a->digest_size);
        HashFinal(h->a, &h->state, inner);
    }
    memcpy(digest, inner, size);
    HashStart(h);
    return STATUS_SUCCESS;
}

__declspec(dllexport) NTSTATUS WINAPI BCryptDuplicateHash(BCRYPT_HASH_HANDLE handle, BCRYPT_HASH_HANDLE *out,
                                                          PUCHAR object, ULONG object_size, ULONG flags)
{
    HASH_OBJECT *h = HashOf(handle);
    if (!h)
        return STATUS_INVALID_HANDLE;
    if (!out)
        return STATUS_INVALID_PARAMETER;
    if (object && object_size < sizeof(HASH_OBJECT))
        return STATUS_BUFFER_TOO_SMALL;
    HASH_OBJECT *copy = object ? (HASH_OBJECT *)object : HeapAlloc(GetProcessHeap(), 0, sizeof(HASH_OBJECT));
    if (!copy)
        return STATUS_NO_MEMORY;
    memcpy(copy, h, sizeof(*copy));
    copy->heap = !object;
    *out = copy;
    return STATUS_SUCCESS;
}

__declspec(dllexport) NTSTATUS WINAPI BCryptDestroyHash(BCRYPT_HASH_HANDLE handle)
{
    HASH_OBJECT *h = HashOf(handle);
    if (!h)
        return STATUS_INVALID_HANDLE;
    h->magic = 0;
    if (h->heap)
        HeapFree(GetProcessHeap(), 0, h);
    return STATUS_SUCCESS;
}

/* BCryptHash (Windows 10): create, hash, finish and destroy in one call. */
__declspec(dllexport) NTSTATUS WINAPI BCryptHash(BCRYPT_ALG_HANDLE algorithm, PUCHAR secret, ULONG secret_size,
                                                 PUCHAR input, ULONG input_size, PUCHAR digest, ULONG digest_size)
{
    BCRYPT_HASH_HANDLE h;
    NTSTATUS status = BCryptCreateHash(algorithm, &h, NULL, 0, secret, secret_size, 0);
    if (status)
        return status;
    status = BCryptHashData(h, input, input_size, 0);
    if (!status)
        status = BCryptFinishHash(h, digest, digest_size, 0);
    BCryptDestroyHash(h);
    return status;
}

/* BCryptGetProperty: on an algorithm or a hash handle, the DWORD sizes and the algorithm name. */
__declspec(dllexport) NTSTATUS WINAPI BCryptGetProperty(BCRYPT_HANDLE handle, LPCWSTR property, PUCHAR out,
                                                        ULONG size, ULONG *result, ULONG flags)
{
    const HASH_ALGORITHM *a = NULL;
    HASH_OBJECT *h = HashOf(handle);
    if (h)
        a = h->a;
    else if ((ULONG_PTR)handle >= 0x10000 && BcryptIsOpen(handle))
        a = ((ALGORITHM *)handle)->hash;
    else
        return STATUS_INVALID_HANDLE;
    if (!property || !result)
        return STATUS_INVALID_PARAMETER;
    DWORD value;
    const void *data = &value;
    ULONG need = sizeof(DWORD);
    if (a && CompareStringOrdinal(property, -1, BCRYPT_OBJECT_LENGTH, -1, FALSE) == CSTR_EQUAL && !h)
        value = sizeof(HASH_OBJECT);
    else if (a && CompareStringOrdinal(property, -1, BCRYPT_HASH_LENGTH, -1, FALSE) == CSTR_EQUAL)
        value = a->digest_size;
    else if (a && CompareStringOrdinal(property, -1, BCRYPT_HASH_BLOCK_LENGTH, -1, FALSE) == CSTR_EQUAL)
        value = a->block_size;
    else if (CompareStringOrdinal(property, -1, BCRYPT_ALGORITHM_NAME, -1, FALSE) == CSTR_EQUAL) {
        data = a ? a->name : BCRYPT_RNG_ALGORITHM;
        need = (ULONG)(lstrlenW(data) + 1) * sizeof(WCHAR);
    } else
        return STATUS_NOT_SUPPORTED;
    *result = need;
    if (!out)
        return STATUS_SUCCESS;
    if (size < need)
        return STATUS_BUFFER_TOO_SMALL;
    memcpy(out, data, need);
    return STATUS_SUCCESS;
}
