/* The credential manager for the logged-on user: CredWriteW, CredReadW, CredEnumerateW, CredDeleteW,
 * CredFree, CredGetSessionTypes. A credential is keyed by its type and target name (without regard
 * to case); the store is the user's hive, HKCU\Software\NtMini\Credentials\<type>, one value per
 * target holding the record below, so other processes of the session see it. What Windows checks is
 * checked: a target name, a known type and persistence (ERROR_INVALID_PARAMETER), a user name for
 * the domain types (ERROR_BAD_USERNAME), the sizes (CRED_MAX_*), flags (ERROR_INVALID_FLAGS); a
 * missing target is ERROR_NOT_FOUND. The domain types' secret is the LSA's: CredRead gives it back
 * empty. Records: Flags, Persist, LastWritten (FILETIME), the blob's size and bytes, Comment,
 * TargetAlias and UserName (NUL-terminated UTF-16), the attribute count, and each attribute's
 * keyword, flags, value size and value. Windows encrypts the blob with DPAPI; here it is stored as is. */
#include "cred.h"

#define STORE L"Software\\NtMini\\Credentials"

static BOOL ValidType(DWORD type) { return type >= CRED_TYPE_GENERIC && type < CRED_TYPE_MAXIMUM_; }
static BOOL DomainType(DWORD type) { return type != CRED_TYPE_GENERIC && type != CRED_TYPE_GENERIC_CERTIFICATE_; }

static HKEY OpenStore(DWORD type, BOOL create)
{
    WCHAR path[64];
    HKEY key = NULL;
    memcpy(path, STORE L"\\", sizeof(STORE L"\\"));
    WCHAR *p = path + wcslen(path);
    *p++ = (WCHAR)(L'0' + type);
    *p = 0;
    LSTATUS s = create ? RegCreateKeyExW(HKEY_CURRENT_USER, path, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, NULL)
                       : RegOpenKeyExW(HKEY_CURRENT_USER, path, 0, KEY_ALL_ACCESS, &key);
    return s ? NULL : key;
}

/* -- the record */
typedef struct { BYTE *at, *end; } CURSOR;
static void Put(CURSOR *c, const void *data, SIZE_T n) { memcpy(c->at, data, n); c->at += n; }
static void PutDword(CURSOR *c, DWORD v) { Put(c, &v, 4); }
static void PutText(CURSOR *c, const WCHAR *s)
{
    if (s)
        Put(c, s, wcslen(s) * sizeof(WCHAR));
    PutDword(c, 0);                     /* a NUL character, and one more to keep DWORD alignment simple */
}
static BOOL Get(CURSOR *c, void *out, SIZE_T n)
{
    if ((SIZE_T)(c->end - c->at) < n)
        return FALSE;
    memcpy(out, c->at, n);
    c->at += n;
    return TRUE;
}
static const WCHAR *GetText(CURSOR *c)
{
    const WCHAR *s = (const WCHAR *)c->at;
    while (c->at + 4 <= c->end && (((WCHAR *)c->at)[0] || ((WCHAR *)c->at)[1]))
        c->at += 2;
    if (c->at + 4 > c->end)
        return NULL;
    c->at += 4;
    return s;
}
static SIZE_T TextSize(const WCHAR *s) { return (s ? wcslen(s) : 0) * sizeof(WCHAR) + 4; }

static SIZE_T RecordSize(const CREDENTIALW *c)
{
    SIZE_T n = 4 + 4 + 8 + 4 + c->CredentialBlobSize + TextSize(c->Comment) + TextSize(c->TargetAlias) +
               TextSize(c->UserName) + 4;
    for (DWORD i = 0; i < c->AttributeCount; i++)
        n += TextSize(c->Attributes[i].Keyword) + 8 + c->Attributes[i].ValueSize;
    return n;
}

static void Serialize(const CREDENTIALW *c, BYTE *out)
{
    CURSOR k = {out, NULL};
    PutDword(&k, c->Flags);
    PutDword(&k, c->Persist);
    Put(&k, &c->LastWritten, 8);
    PutDword(&k, c->CredentialBlobSize);
    Put(&k, c->CredentialBlob, c->CredentialBlobSize);
    PutText(&k, c->Comment);
    PutText(&k, c->TargetAlias);
    PutText(&k, c->UserName);
    PutDword(&k, c->AttributeCount);
    for (DWORD i = 0; i < c->AttributeCount; i++) {
        PutText(&k, c->Attributes[i].Keyword);
        PutDword(&k, c->Attributes[i].Flags);
        PutDword(&k, c->Attributes[i].ValueSize);
        Put(&k, c->Attributes[i].Value, c->Attributes[i].ValueSize);
    }
}

/* A record back as a CREDENTIALW in one CredFree-able block: the structure, the attributes, the
 * target, the record's bytes (its strings point into them). */
static CREDENTIALW *Deserialize(DWORD type, const WCHAR *target, const BYTE *record, DWORD size)
{
    SIZE_T target_size = (wcslen(target) + 1) * sizeof(WCHAR);
    CURSOR k;
    DWORD count;
    /* step 1: the attribute count, to size the block */
    CURSOR probe = {(BYTE *)record, (BYTE *)record + size};
    DWORD skip[5];
    if (!Get(&probe, skip, 20) || probe.at + skip[4] > probe.end)
        return NULL;
    probe.at += skip[4];
    if (!GetText(&probe) || !GetText(&probe) || !GetText(&probe) || !Get(&probe, &count, 4) ||
        count > CRED_MAX_ATTRIBUTES)
        return NULL;
    SIZE_T head = sizeof(CREDENTIALW) + count * sizeof(CREDENTIAL_ATTRIBUTEW);
    BYTE *block = AdvAlloc(head + target_size + size + 4);
    if (!block)
        return NULL;
    CREDENTIALW *c = (CREDENTIALW *)block;
    memset(c, 0, sizeof(*c));
    WCHAR *name = (WCHAR *)(block + head);
    memcpy(name, target, target_size);
    BYTE *copy = block + head + target_size;
    memcpy(copy, record, size);
    /* step 2: the fields, the strings in place */
    k.at = copy;
    k.end = copy + size;
    c->Type = type;
    c->TargetName = name;
    Get(&k, &c->Flags, 4);
    Get(&k, &c->Persist, 4);
    Get(&k, &c->LastWritten, 8);
    Get(&k, &c->CredentialBlobSize, 4);
    c->CredentialBlob = c->CredentialBlobSize ? k.at : NULL;
    k.at += c->CredentialBlobSize;
    const WCHAR *comment = GetText(&k), *alias = GetText(&k), *user = GetText(&k);
    c->Comment = *comment ? (LPWSTR)comment : NULL;
    c->TargetAlias = *alias ? (LPWSTR)alias : NULL;
    c->UserName = *user ? (LPWSTR)user : NULL;
    Get(&k, &c->AttributeCount, 4);
    c->Attributes = count ? (CREDENTIAL_ATTRIBUTEW *)(block + sizeof(CREDENTIALW)) : NULL;
    for (DWORD i = 0; i < count; i++) {
        CREDENTIAL_ATTRIBUTEW *a = &c->Attributes[i];
        a->Keyword = (LPWSTR)GetText(&k);
        Get(&k, &a->Flags, 4);
        Get(&k, &a->ValueSize, 4);
        a->Value = a->ValueSize ? k.at : NULL;
        k.at += a->ValueSize;
    }
    if (DomainType(type)) {             /* the LSA keeps the domain types' secret to itself */
        c->CredentialBlobSize = 0;
        c->CredentialBlob = NULL;
    }
    return c;
}

static BYTE *ReadRecord(HKEY key, const WCHAR *target, DWORD *size)
{
    DWORD kind;
    *size = 0;
    if (RegQueryValueExW(key, target, NULL, &kind, NULL, size) || kind != REG_BINARY)
        return NULL;
    BYTE *record = AdvAlloc(*size + 4);
    if (record && RegQueryValueExW(key, target, NULL, &kind, record, size)) {
        AdvFree(record);
        record = NULL;
    }
    return record;
}

/* -- the API */
static BOOL Matches(const WCHAR *filter, const WCHAR *name);
static BOOL Length(const WCHAR *s, SIZE_T most) { return !s || wcslen(s) <= most; }

ADVAPI BOOL WINAPI CredWriteW(PCREDENTIALW credential, DWORD flags)
{
    if (!credential || !credential->TargetName || !*credential->TargetName || !ValidType(credential->Type))
        return AdvFailError(ERROR_INVALID_PARAMETER);
    if (flags & ~CRED_PRESERVE_CREDENTIAL_BLOB_)
        return AdvFailError(ERROR_INVALID_FLAGS);
    CREDENTIALW c = *credential;
    if (c.Persist < CRED_PERSIST_SESSION || c.Persist > CRED_PERSIST_ENTERPRISE ||
        c.CredentialBlobSize > CRED_MAX_BLOB_ || (c.CredentialBlobSize && !c.CredentialBlob) ||
        c.AttributeCount > CRED_MAX_ATTRIBUTES || (c.AttributeCount && !c.Attributes) ||
        !Length(c.TargetName, DomainType(c.Type) ? CRED_MAX_DOMAIN_TARGET_NAME_LENGTH
                                                 : CRED_MAX_GENERIC_TARGET_NAME_LENGTH) ||
        !Length(c.Comment, CRED_MAX_STRING_LENGTH) || !Length(c.TargetAlias, CRED_MAX_STRING_LENGTH))
        return AdvFailError(ERROR_INVALID_PARAMETER);
    for (DWORD i = 0; i < c.AttributeCount; i++)
        if (!c.Attributes[i].Keyword || !Length(c.Attributes[i].Keyword, CRED_MAX_KEYWORD_) ||
            c.Attributes[i].ValueSize > CRED_MAX_VALUE_SIZE || (c.Attributes[i].ValueSize && !c.Attributes[i].Value))
            return AdvFailError(ERROR_INVALID_PARAMETER);
    if (!Length(c.UserName, CRED_MAX_USERNAME_LENGTH) || (DomainType(c.Type) && (!c.UserName || !*c.UserName)))
        return AdvFailError(ERROR_BAD_USERNAME);
    HKEY key = OpenStore(c.Type, TRUE);
    if (!key)
        return AdvFailError(ERROR_NO_SUCH_LOGON_SESSION);
    /* CRED_PRESERVE_CREDENTIAL_BLOB: the secret of the credential written before */
    BYTE *old = NULL;
    CREDENTIALW *previous = NULL;
    if (flags & CRED_PRESERVE_CREDENTIAL_BLOB_) {
        DWORD size;
        old = ReadRecord(key, c.TargetName, &size);
        previous = old ? Deserialize(CRED_TYPE_GENERIC, c.TargetName, old, size) : NULL;
        if (!previous) {
            AdvFree(old);
            RegCloseKey(key);
            return AdvFailError(ERROR_NOT_FOUND);
        }
        c.CredentialBlobSize = previous->CredentialBlobSize;
        c.CredentialBlob = previous->CredentialBlob;
    }
    GetSystemTimeAsFileTime(&c.LastWritten);
    c.Flags &= CRED_FLAGS_PROMPT_NOW | CRED_FLAGS_USERNAME_TARGET;
    SIZE_T size = RecordSize(&c);
    BYTE *record = AdvAlloc(size);
    LSTATUS s = ERROR_NOT_ENOUGH_MEMORY;
    if (record) {
        Serialize(&c, record);
        s = RegSetValueExW(key, c.TargetName, 0, REG_BINARY, record, (DWORD)size);
    }
    AdvFree(record);
    AdvFree(previous);
    AdvFree(old);
    RegCloseKey(key);
    return s ? AdvFailError((DWORD)s) : TRUE;
}

ADVAPI BOOL WINAPI CredReadW(LPCWSTR target, DWORD type, DWORD flags, PCREDENTIALW *out)
{
    if (!target || !*target || !out || !ValidType(type))
        return AdvFailError(ERROR_INVALID_PARAMETER);
    if (flags)
        return AdvFailError(ERROR_INVALID_FLAGS);
    *out = NULL;
    HKEY key = OpenStore(type, FALSE);
    DWORD size;
    BYTE *record = key ? ReadRecord(key, target, &size) : NULL;
    if (key)
        RegCloseKey(key);
    if (!record)
        return AdvFailError(ERROR_NOT_FOUND);
    /* the target as it was written: the value's own name */
    WCHAR *stored = AdvAlloc((CRED_MAX_GENERIC_TARGET_NAME_LENGTH + 1) * sizeof(WCHAR));
    const WCHAR *name = target;
    key = stored ? OpenStore(type, FALSE) : NULL;
    for (DWORD i = 0; key; i++) {
        DWORD chars = CRED_MAX_GENERIC_TARGET_NAME_LENGTH + 1;
        if (RegEnumValueW(key, i, stored, &chars, NULL, NULL, NULL, NULL))
            break;
        if (Matches(target, stored)) {
            name = stored;
            break;
        }
    }
    if (key)
        RegCloseKey(key);
    *out = Deserialize(type, name, record, size);
    AdvFree(stored);
    AdvFree(record);
    return *out ? TRUE : AdvFailError(ERROR_NOT_FOUND);
}

ADVAPI BOOL WINAPI CredDeleteW(LPCWSTR target, DWORD type, DWORD flags)
{
    if (!target || !*target || !ValidType(type))
        return AdvFailError(ERROR_INVALID_PARAMETER);
    if (flags)
        return AdvFailError(ERROR_INVALID_FLAGS);
    HKEY key = OpenStore(type, FALSE);
    LSTATUS s = key ? RegDeleteValueW(key, target) : ERROR_FILE_NOT_FOUND;
    if (key)
        RegCloseKey(key);
    return s ? AdvFailError(ERROR_NOT_FOUND) : TRUE;
}

ADVAPI VOID WINAPI CredFree(PVOID buffer)
{
    AdvFree(buffer);
}

/* "prefix*" matches the names that start with prefix, anything else the name itself (no case). */
static BOOL Matches(const WCHAR *filter, const WCHAR *name)
{
    if (!filter)
        return TRUE;
    for (;; filter++, name++) {
        if (*filter == L'*' && !filter[1])
            return TRUE;
        if (RtlUpcaseUnicodeChar(*filter) != RtlUpcaseUnicodeChar(*name))
            return FALSE;
        if (!*filter)
            return TRUE;
    }
}

/* Every credential matching, by type then in the store's order: an array of pointers in one block
 * with the credentials' own blocks after it. CredFree frees the array; the credentials are copied
 * into the same block so that one CredFree frees everything. */
ADVAPI BOOL WINAPI CredEnumerateW(LPCWSTR filter, DWORD flags, DWORD *count, PCREDENTIALW **out)
{
    if (!count || !out)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    if (flags & ~CRED_ENUMERATE_ALL_CREDENTIALS_)
        return AdvFailError(ERROR_INVALID_FLAGS);
    if ((flags & CRED_ENUMERATE_ALL_CREDENTIALS_) && filter)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    *count = 0;
    *out = NULL;
    CREDENTIALW *found[256];
    SIZE_T sizes[256], total = 0;
    DWORD n = 0;
    for (DWORD type = CRED_TYPE_GENERIC; type < CRED_TYPE_MAXIMUM_; type++) {
        HKEY key = OpenStore(type, FALSE);
        WCHAR name[CRED_MAX_DOMAIN_TARGET_NAME_LENGTH + 1];
        for (DWORD i = 0; key && n < 256; i++) {
            DWORD chars = sizeof(name) / sizeof(WCHAR), size;
            if (RegEnumValueW(key, i, name, &chars, NULL, NULL, NULL, NULL))
                break;
            if (!Matches(filter, name))
                continue;
            BYTE *record = ReadRecord(key, name, &size);
            CREDENTIALW *c = record ? Deserialize(type, name, record, size) : NULL;
            AdvFree(record);
            if (!c)
                continue;
            sizes[n] = HeapSize(AdvProcessHeap(), 0, c);
            total += sizes[n];
            found[n++] = c;
        }
        if (key)
            RegCloseKey(key);
    }
    if (!n)
        return AdvFailError(ERROR_NOT_FOUND);
    /* one block: the pointers, then each credential moved in with its pointers rebased */
    BYTE *block = AdvAlloc(n * sizeof(PCREDENTIALW) + total + 16 * n);
    if (!block) {
        for (DWORD i = 0; i < n; i++)
            AdvFree(found[i]);
        return AdvFailError(ERROR_NOT_ENOUGH_MEMORY);
    }
    PCREDENTIALW *list = (PCREDENTIALW *)block;
    BYTE *at = block + n * sizeof(PCREDENTIALW);
    for (DWORD i = 0; i < n; i++) {
        at = (BYTE *)(((ULONG_PTR)at + 15) & ~(ULONG_PTR)15);
        BYTE *from = (BYTE *)found[i];
        memcpy(at, from, sizes[i]);
        CREDENTIALW *c = (CREDENTIALW *)at;
#define REBASE(p) do { if (p) (p) = (void *)(at + ((BYTE *)(p) - from)); } while (0)
        REBASE(c->TargetName);
        REBASE(c->Comment);
        REBASE(c->TargetAlias);
        REBASE(c->UserName);
        REBASE(c->CredentialBlob);
        REBASE(c->Attributes);
        for (DWORD j = 0; j < c->AttributeCount; j++) {
            REBASE(c->Attributes[j].Keyword);
            REBASE(c->Attributes[j].Value);
        }
#undef REBASE
        list[i] = c;
        at += sizes[i];
        AdvFree(from);
    }
    *count = n;
    *out = list;
    return TRUE;
}

/* The most persistent each type may be, by type: none for type 0, the enterprise for the rest. */
ADVAPI BOOL WINAPI CredGetSessionTypes(DWORD count, LPDWORD persist)
{
    if (!persist)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    for (DWORD i = 0; i < count; i++)
        persist[i] = i && i < CRED_TYPE_MAXIMUM_ ? CRED_PERSIST_ENTERPRISE : CRED_PERSIST_NONE;
    return TRUE;
}
