/* The CNG random number generator. BCryptOpenAlgorithmProvider gives a handle for the "RNG"
 * algorithm or a hash one (hash.c: MD5, SHA1, SHA256, SHA384, SHA512, with the HMAC flag too) (the name compared without case; the implementation NULL or "Microsoft Primitive
 * Provider"), other algorithms are not provided (STATUS_NOT_FOUND). BCryptGenRandom fills the
 * buffer from ProcessPrng: with BCRYPT_USE_SYSTEM_PREFERRED_RNG the algorithm handle must be NULL,
 * without it the handle must be an open RNG one or the RNG pseudo-handle (STATUS_INVALID_HANDLE
 * otherwise); a NULL buffer with a non-zero length is STATUS_INVALID_PARAMETER. Handles live in a
 * table, so a stale or foreign one is recognised instead of dereferenced. */
#define WIN32_LEAN_AND_MEAN
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <bcrypt.h>
#include "hash.h"

#define RNG_PSEUDO_HANDLE ((BCRYPT_ALG_HANDLE)(ULONG_PTR)0x81)   /* BCRYPT_RNG_ALG_HANDLE */
#define OPEN_FLAGS (BCRYPT_PROV_DISPATCH | BCRYPT_ALG_HANDLE_HMAC_FLAG | BCRYPT_HASH_REUSABLE_FLAG)
#define RNG_MAGIC 0x31474E52u           /* "RNG1" */
#define SLOTS 256

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length);

static ALGORITHM *open_handles[SLOTS];
static SRWLOCK lock = SRWLOCK_INIT;

BOOL BcryptIsOpen(BCRYPT_ALG_HANDLE handle)
{
    BOOL found = FALSE;
    if (handle == RNG_PSEUDO_HANDLE)
        return TRUE;
    AcquireSRWLockShared(&lock);
    for (int i = 0; i < SLOTS && !found; i++)
        found = handle && open_handles[i] == handle;
    ReleaseSRWLockShared(&lock);
    return found;
}

__declspec(dllexport) NTSTATUS WINAPI BCryptOpenAlgorithmProvider(BCRYPT_ALG_HANDLE *algorithm, LPCWSTR id,
                                                                  LPCWSTR implementation, ULONG flags)
{
    if (!algorithm || !id || (flags & ~OPEN_FLAGS))
        return STATUS_INVALID_PARAMETER;
    const HASH_ALGORITHM *hash = HashAlgorithmOf(id);
    if (!hash && (CompareStringOrdinal(id, -1, BCRYPT_RNG_ALGORITHM, -1, TRUE) != CSTR_EQUAL
                  || (flags & BCRYPT_ALG_HANDLE_HMAC_FLAG)))
        return STATUS_NOT_FOUND;
    if (implementation && CompareStringOrdinal(implementation, -1, MS_PRIMITIVE_PROVIDER, -1, TRUE) != CSTR_EQUAL)
        return STATUS_NOT_FOUND;
    ALGORITHM *object = HeapAlloc(GetProcessHeap(), 0, sizeof(*object));
    if (!object)
        return STATUS_NO_MEMORY;
    object->magic = RNG_MAGIC;
    object->flags = flags;
    object->hash = hash;
    NTSTATUS status = STATUS_NO_MEMORY;
    AcquireSRWLockExclusive(&lock);
    for (int i = 0; i < SLOTS; i++) {
        if (!open_handles[i]) {
            open_handles[i] = object;
            status = STATUS_SUCCESS;
            break;
        }
    }
    ReleaseSRWLockExclusive(&lock);
    if (status != STATUS_SUCCESS) {
        HeapFree(GetProcessHeap(), 0, object);
        return status;
    }
    *algorithm = object;
    return STATUS_SUCCESS;
}

__declspec(dllexport) NTSTATUS WINAPI BCryptCloseAlgorithmProvider(BCRYPT_ALG_HANDLE algorithm, ULONG flags)
{
    ALGORITHM *found = NULL;
    AcquireSRWLockExclusive(&lock);
    for (int i = 0; i < SLOTS && !found; i++) {
        if (algorithm && open_handles[i] == algorithm) {
            found = open_handles[i];
            open_handles[i] = NULL;
        }
    }
    ReleaseSRWLockExclusive(&lock);
    if (!found)
        return STATUS_INVALID_HANDLE;
    found->magic = 0;
    HeapFree(GetProcessHeap(), 0, found);
    return STATUS_SUCCESS;
}

__declspec(dllexport) NTSTATUS WINAPI BCryptGenRandom(BCRYPT_ALG_HANDLE algorithm, PUCHAR buffer, ULONG length,
                                                      ULONG flags)
{
    if (flags & ~(BCRYPT_RNG_USE_ENTROPY_IN_BUFFER | BCRYPT_USE_SYSTEM_PREFERRED_RNG))
        return STATUS_INVALID_PARAMETER;
    if (flags & BCRYPT_USE_SYSTEM_PREFERRED_RNG) {
        if (algorithm)
            return STATUS_INVALID_PARAMETER;
    } else if (!BcryptIsOpen(algorithm) || (algorithm != RNG_PSEUDO_HANDLE && ((ALGORITHM *)algorithm)->hash)) {
        return STATUS_INVALID_HANDLE;
    }
    if (!length)
        return STATUS_SUCCESS;
    if (!buffer)
        return STATUS_INVALID_PARAMETER;
    ProcessPrng(buffer, length);       /* the entropy-in-buffer hint adds nothing to this generator */
    return STATUS_SUCCESS;
}

BOOL WINAPI BcryptDllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    return TRUE;
}
