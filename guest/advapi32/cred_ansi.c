/* The credential manager's ANSI entry points over the UTF-16 ones (cred.c): the strings converted
 * in the ANSI code page, blobs and attribute values passed as they are. */
#include "cred.h"

static SIZE_T WideSize(const char *s) { return s ? (SIZE_T)MultiByteToWideChar(CP_ACP, 0, s, -1, NULL, 0) * 2 : 0; }
static SIZE_T NarrowSize(const WCHAR *s) { return s ? (SIZE_T)WideCharToMultiByte(CP_ACP, 0, s, -1, NULL, 0, NULL, NULL) : 0; }

static WCHAR *ToWide(const char *s, BYTE **at)
{
    if (!s)
        return NULL;
    WCHAR *out = (WCHAR *)*at;
    int n = MultiByteToWideChar(CP_ACP, 0, s, -1, out, 0x7FFFFFFF / 2);
    *at += (SIZE_T)n * 2;
    return out;
}

static char *ToNarrow(const WCHAR *s, BYTE **at)
{
    if (!s)
        return NULL;
    char *out = (char *)*at;
    int n = WideCharToMultiByte(CP_ACP, 0, s, -1, out, 0x7FFFFFFF, NULL, NULL);
    *at += n;
    return out;
}

/* A CREDENTIALW in one block (AdvFree frees it) from a CREDENTIALA. */
static CREDENTIALW *Widen(const CREDENTIALA *a)
{
    SIZE_T size = sizeof(CREDENTIALW) + a->AttributeCount * sizeof(CREDENTIAL_ATTRIBUTEW) + WideSize(a->TargetName) +
                  WideSize(a->Comment) + WideSize(a->TargetAlias) + WideSize(a->UserName);
    for (DWORD i = 0; i < a->AttributeCount && a->Attributes; i++)
        size += WideSize(a->Attributes[i].Keyword);
    BYTE *block = AdvAlloc(size);
    if (!block)
        return NULL;
    CREDENTIALW *w = (CREDENTIALW *)block;
    BYTE *at = block + sizeof(CREDENTIALW) + a->AttributeCount * sizeof(CREDENTIAL_ATTRIBUTEW);
    memcpy(w, a, sizeof(*w));          /* the same layout, the strings' pointers aside */
    w->TargetName = ToWide(a->TargetName, &at);
    w->Comment = ToWide(a->Comment, &at);
    w->TargetAlias = ToWide(a->TargetAlias, &at);
    w->UserName = ToWide(a->UserName, &at);
    w->Attributes = a->AttributeCount && a->Attributes ? (CREDENTIAL_ATTRIBUTEW *)(w + 1) : NULL;
    for (DWORD i = 0; w->Attributes && i < a->AttributeCount; i++) {
        w->Attributes[i].Keyword = ToWide(a->Attributes[i].Keyword, &at);
        w->Attributes[i].Flags = a->Attributes[i].Flags;
        w->Attributes[i].ValueSize = a->Attributes[i].ValueSize;
        w->Attributes[i].Value = a->Attributes[i].Value;
    }
    return w;
}

/* The size of a CREDENTIALA copy of a CREDENTIALW, blob and values included. */
static SIZE_T NarrowedSize(const CREDENTIALW *w)
{
    SIZE_T size = sizeof(CREDENTIALA) + w->AttributeCount * sizeof(CREDENTIAL_ATTRIBUTEA) + NarrowSize(w->TargetName) +
                  NarrowSize(w->Comment) + NarrowSize(w->TargetAlias) + NarrowSize(w->UserName) +
                  w->CredentialBlobSize;
    for (DWORD i = 0; i < w->AttributeCount; i++)
        size += NarrowSize(w->Attributes[i].Keyword) + w->Attributes[i].ValueSize;
    return (size + 15) & ~(SIZE_T)15;
}

static CREDENTIALA *Narrow(const CREDENTIALW *w, BYTE *block)
{
    CREDENTIALA *a = (CREDENTIALA *)block;
    BYTE *at = block + sizeof(CREDENTIALA) + w->AttributeCount * sizeof(CREDENTIAL_ATTRIBUTEA);
    memcpy(a, w, sizeof(*a));
    a->TargetName = ToNarrow(w->TargetName, &at);
    a->Comment = ToNarrow(w->Comment, &at);
    a->TargetAlias = ToNarrow(w->TargetAlias, &at);
    a->UserName = ToNarrow(w->UserName, &at);
    if (w->CredentialBlobSize) {
        a->CredentialBlob = at;
        memcpy(at, w->CredentialBlob, w->CredentialBlobSize);
        at += w->CredentialBlobSize;
    }
    a->Attributes = w->AttributeCount ? (CREDENTIAL_ATTRIBUTEA *)(a + 1) : NULL;
    for (DWORD i = 0; i < w->AttributeCount; i++) {
        a->Attributes[i].Keyword = ToNarrow(w->Attributes[i].Keyword, &at);
        a->Attributes[i].Flags = w->Attributes[i].Flags;
        a->Attributes[i].ValueSize = w->Attributes[i].ValueSize;
        a->Attributes[i].Value = w->Attributes[i].ValueSize ? at : NULL;
        memcpy(at, w->Attributes[i].Value, w->Attributes[i].ValueSize);
        at += w->Attributes[i].ValueSize;
    }
    return a;
}

ADVAPI BOOL WINAPI CredWriteA(PCREDENTIALA credential, DWORD flags)
{
    if (!credential)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    CREDENTIALW *w = Widen(credential);
    if (!w)
        return AdvFailError(ERROR_NOT_ENOUGH_MEMORY);
    BOOL ok = CredWriteW(w, flags);
    DWORD error = GetLastError();
    AdvFree(w);
    SetLastError(error);
    return ok;
}

ADVAPI BOOL WINAPI CredReadA(LPCSTR target, DWORD type, DWORD flags, PCREDENTIALA *out)
{
    PCREDENTIALW w;
    if (!out)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    *out = NULL;
    WCHAR *name = AdvAnsiToWide(target);
    BOOL ok = CredReadW(name, type, flags, &w);
    DWORD error = GetLastError();
    AdvFree(name);
    if (!ok)
        return AdvFailError(error);
    BYTE *block = AdvAlloc(NarrowedSize(w));
    if (block)
        *out = Narrow(w, block);
    CredFree(w);
    return block ? TRUE : AdvFailError(ERROR_NOT_ENOUGH_MEMORY);
}

ADVAPI BOOL WINAPI CredEnumerateA(LPCSTR filter, DWORD flags, DWORD *count, PCREDENTIALA **out)
{
    PCREDENTIALW *list;
    if (!count || !out)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    *out = NULL;
    WCHAR *wide = AdvAnsiToWide(filter);
    BOOL ok = CredEnumerateW(wide, flags, count, &list);
    DWORD error = GetLastError();
    AdvFree(wide);
    if (!ok)
        return AdvFailError(error);
    SIZE_T size = *count * sizeof(PCREDENTIALA);
    for (DWORD i = 0; i < *count; i++)
        size += NarrowedSize(list[i]);
    BYTE *block = AdvAlloc(size + 16);
    if (!block) {
        CredFree(list);
        *count = 0;
        return AdvFailError(ERROR_NOT_ENOUGH_MEMORY);
    }
    PCREDENTIALA *narrow = (PCREDENTIALA *)block;
    BYTE *at = (BYTE *)(((ULONG_PTR)(block + *count * sizeof(PCREDENTIALA)) + 15) & ~(ULONG_PTR)15);
    for (DWORD i = 0; i < *count; i++) {
        narrow[i] = Narrow(list[i], at);
        at += NarrowedSize(list[i]);
    }
    CredFree(list);
    *out = narrow;
    return TRUE;
}

ADVAPI BOOL WINAPI CredDeleteA(LPCSTR target, DWORD type, DWORD flags)
{
    WCHAR *name = AdvAnsiToWide(target);
    BOOL ok = CredDeleteW(name, type, flags);
    DWORD error = GetLastError();
    AdvFree(name);
    SetLastError(error);
    return ok;
}
