/* CryptoAPI's provider contexts as console programs use them to draw random bytes:
 * CryptAcquireContext (the Microsoft RSA and AES providers; CRYPT_VERIFYCONTEXT for no key
 * container, which is what such programs ask for; a named or default key container does not
 * exist, NTE_BAD_KEYSET, unless CRYPT_NEWKEYSET makes it, for this process), CryptGenRandom over
 * RtlGenRandom (random.c), CryptReleaseContext. */
#include "advapi32.h"
#define WINIMPM                         /* wincrypt.h: this DLL implements them */
#include <wincrypt.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

#define PROVIDER_MAGIC 0x56525043       /* 'CPRV' */
typedef struct { DWORD magic, type; } PROVIDER;

static const WCHAR *const provider_names[] = {
    L"Microsoft Base Cryptographic Provider v1.0", L"Microsoft Enhanced Cryptographic Provider v1.0",
    L"Microsoft Strong Cryptographic Provider", L"Microsoft Enhanced RSA and AES Cryptographic Provider",
};

static int KnownProvider(const WCHAR *name)
{
    for (unsigned i = 0; i < sizeof(provider_names) / sizeof(provider_names[0]); i++) {
        const WCHAR *a = name, *b = provider_names[i];
        while (*a && RtlUpcaseUnicodeChar(*a) == RtlUpcaseUnicodeChar(*b)) { a++; b++; }
        if (!*a && !*b)
            return 1;
    }
    return 0;
}

ADVAPI BOOL WINAPI CryptAcquireContextW(HCRYPTPROV *out, LPCWSTR container, LPCWSTR provider, DWORD type,
                                        DWORD flags)
{
    if (!out)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    *out = 0;
    if (type != PROV_RSA_FULL && type != PROV_RSA_AES)
        return AdvFailError((DWORD)NTE_PROV_TYPE_NOT_DEF);
    if (provider && !KnownProvider(provider))
        return AdvFailError((DWORD)NTE_KEYSET_NOT_DEF);
    if (flags & ~(CRYPT_VERIFYCONTEXT | CRYPT_NEWKEYSET | CRYPT_MACHINE_KEYSET | CRYPT_SILENT | CRYPT_DELETEKEYSET))
        return AdvFailError((DWORD)NTE_BAD_FLAGS);
    if (flags & CRYPT_DELETEKEYSET)
        return AdvFailError((DWORD)NTE_BAD_KEYSET);
    if (!(flags & (CRYPT_VERIFYCONTEXT | CRYPT_NEWKEYSET)))
        return AdvFailError((DWORD)NTE_BAD_KEYSET);
    PROVIDER *p = AdvAlloc(sizeof(*p));
    if (!p)
        return AdvFailError(ERROR_NOT_ENOUGH_MEMORY);
    p->magic = PROVIDER_MAGIC;
    p->type = type;
    *out = (HCRYPTPROV)p;
    return TRUE;
}

ADVAPI BOOL WINAPI CryptAcquireContextA(HCRYPTPROV *out, LPCSTR container, LPCSTR provider, DWORD type, DWORD flags)
{
    WCHAR *c = AdvAnsiToWide(container), *p = AdvAnsiToWide(provider);
    BOOL ok = CryptAcquireContextW(out, c, p, type, flags);
    DWORD error = GetLastError();
    AdvFree(c);
    AdvFree(p);
    SetLastError(error);
    return ok;
}

static PROVIDER *Provider(HCRYPTPROV handle)
{
    PROVIDER *p = (PROVIDER *)handle;
    return p && p->magic == PROVIDER_MAGIC ? p : NULL;
}

BOOL AdvCryptProviderType(HCRYPTPROV handle, DWORD *type)
{
    PROVIDER *p = Provider(handle);
    if (p)
        *type = p->type;
    return p != NULL;
}

ADVAPI BOOL WINAPI CryptGenRandom(HCRYPTPROV handle, DWORD length, BYTE *buffer)
{
    if (!Provider(handle))
        return AdvFailError((DWORD)NTE_BAD_UID);
    SystemFunction036(buffer, length);
    return TRUE;
}

ADVAPI BOOL WINAPI CryptReleaseContext(HCRYPTPROV handle, DWORD flags)
{
    PROVIDER *p = Provider(handle);
    if (!p)
        return AdvFailError((DWORD)NTE_BAD_UID);
    if (flags)
        return AdvFailError((DWORD)NTE_BAD_FLAGS);
    p->magic = 0;
    AdvFree(p);
    return TRUE;
}
