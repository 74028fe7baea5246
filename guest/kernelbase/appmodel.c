/* The app model's package identity. A desktop process has none: the Get*Package* calls answer
 * APPMODEL_ERROR_NO_PACKAGE and the application user model id calls APPMODEL_ERROR_NO_APPLICATION,
 * and no package is installed (none by family, no path by full name). Package names themselves are
 * parsed and formatted for real: a full name is Name_Version_Architecture_ResourceId_PublisherId,
 * a family name Name_PublisherId, the publisher id the 13 base-32 digits of the first 64 bits of
 * SHA-256 over the publisher (UTF-16LE), a zero bit appended. */
#include "sha256.h"

#define APPMODEL_ERROR_NO_APPLICATION_ 15703L
#define PACKAGE_INFORMATION_FULL_ 0x100
#define NAME_MAX_ 50
#define PUBLISHER_ID_LENGTH 13

typedef struct {
    UINT32 reserved, processorArchitecture;
    union { UINT64 Version; struct { USHORT Revision, Build, Minor, Major; }; } version;
    PWSTR name, publisher, resourceId, publisherId;
} PACKAGE_ID_;

/* A full name taken apart: each part's start and length (in characters). */
typedef struct {
    const WCHAR *part[5];
    UINT32 len[5];
    UINT32 arch;
    USHORT version[4];
} PACKAGE_PARTS;

static const struct { const WCHAR *name; UINT32 arch; } Architectures[] = {
    { L"x86", 0 }, { L"arm", 5 }, { L"x64", 9 }, { L"neutral", 11 }, { L"arm64", 12 }, { L"x86a64", 14 },
};

static BOOL Same(const WCHAR *a, UINT32 len, const WCHAR *b)
{
    UINT32 i = 0;
    for (; i < len && b[i]; i++)
        if (RtlDowncaseUnicodeChar(a[i]) != b[i]) return FALSE;
    return i == len && b[i] == 0;
}

static BOOL NameChars(const WCHAR *s, UINT32 len, BOOL dots)
{
    if (len == 0) return FALSE;
    for (UINT32 i = 0; i < len; i++) {
        WCHAR c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              (dots && (c == '.' || c == '-'))))
            return FALSE;
    }
    return TRUE;
}

/* Splits `s` at '_' into exactly `count` parts. */
static BOOL Split(PCWSTR s, PACKAGE_PARTS *p, int count)
{
    if (s == NULL) return FALSE;
    int n = 0;
    p->part[0] = s;
    for (const WCHAR *c = s;; c++) {
        if (*c == '_' || *c == 0) {
            if (n >= count) return FALSE;
            p->len[n] = (UINT32)(c - p->part[n]);
            n++;
            if (*c == 0) break;
            if (n < count) p->part[n] = c + 1;
            else return FALSE;
        }
    }
    return n == count;
}

static BOOL ValidPublisherId(const WCHAR *s, UINT32 len)
{
    return len == PUBLISHER_ID_LENGTH && NameChars(s, len, FALSE);
}

/* Name_Version_Architecture_ResourceId_PublisherId, each part checked. */
static BOOL ParseFullName(PCWSTR full, PACKAGE_PARTS *p)
{
    if (!Split(full, p, 5) || p->len[0] > NAME_MAX_ || !NameChars(p->part[0], p->len[0], TRUE) ||
        !ValidPublisherId(p->part[4], p->len[4]))
        return FALSE;
    if (p->len[3] && !NameChars(p->part[3], p->len[3], TRUE)) return FALSE;
    int field = 0;
    ULONG value = 0;
    UINT32 digits = 0;
    for (UINT32 i = 0; i <= p->len[1]; i++) {
        WCHAR c = i < p->len[1] ? p->part[1][i] : '.';
        if (c == '.') {
            if (digits == 0 || field > 3 || value > 0xFFFF) return FALSE;
            p->version[field++] = (USHORT)value;
            value = digits = 0;
        } else if (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            digits++;
            if (digits > 5) return FALSE;
        } else return FALSE;
    }
    if (field != 4) return FALSE;
    for (UINT32 i = 0; i < sizeof(Architectures) / sizeof(Architectures[0]); i++)
        if (Same(p->part[2], p->len[2], Architectures[i].name)) { p->arch = Architectures[i].arch; return TRUE; }
    return FALSE;
}

/* Copies len characters and a NUL when they fit in *size; *size is then the characters with the NUL. */
static LONG Give(const WCHAR *const *parts, const UINT32 *lens, int count, UINT32 *size, PWSTR out)
{
    UINT32 need = 1;
    for (int i = 0; i < count; i++) need += lens[i];
    if (*size < need || out == NULL) { *size = need; return ERROR_INSUFFICIENT_BUFFER; }
    for (int i = 0; i < count; i++) { memcpy(out, parts[i], lens[i] * 2); out += lens[i]; }
    *out = 0;
    *size = need;
    return ERROR_SUCCESS;
}

/* The publisher id of a publisher name, 13 characters and a NUL into out. */
static void PublisherId(PCWSTR publisher, WCHAR out[PUBLISHER_ID_LENGTH + 1])
{
    static const char digits[] = "0123456789abcdefghjkmnpqrstvwxyz";
    BYTE digest[32];
    BaseSha256((const BYTE *)publisher, wcslen(publisher) * 2, digest);
    ULONGLONG v = 0;
    for (int i = 0; i < 8; i++) v = v << 8 | digest[i];
    for (int i = 0; i < PUBLISHER_ID_LENGTH; i++) {
        int shift = 60 - 5 * i;            /* of the 65 bits: v and a zero bit after it */
        ULONG d = shift ? (ULONG)(v >> (shift - 1)) & 31 : (ULONG)(v << 1) & 31;
        out[i] = digits[d];
    }
    out[PUBLISHER_ID_LENGTH] = 0;
}

KBAPI LONG WINAPI PackageFamilyNameFromFullName(PCWSTR full, UINT32 *size, PWSTR family)
{
    PACKAGE_PARTS p;
    if (size == NULL || !ParseFullName(full, &p)) return ERROR_INVALID_PARAMETER;
    const WCHAR *parts[3] = { p.part[0], L"_", p.part[4] };
    UINT32 lens[3] = { p.len[0], 1, p.len[4] };
    return Give(parts, lens, 3, size, family);
}

KBAPI LONG WINAPI PackageNameAndPublisherIdFromFamilyName(PCWSTR family, UINT32 *name_size, PWSTR name,
                                                           UINT32 *id_size, PWSTR id)
{
    PACKAGE_PARTS p;
    if (name_size == NULL || id_size == NULL || !Split(family, &p, 2) || p.len[0] > NAME_MAX_ ||
        !NameChars(p.part[0], p.len[0], TRUE) || !ValidPublisherId(p.part[1], p.len[1]))
        return ERROR_INVALID_PARAMETER;
    LONG a = Give(&p.part[0], &p.len[0], 1, name_size, name);
    LONG b = Give(&p.part[1], &p.len[1], 1, id_size, id);
    return a != ERROR_SUCCESS ? a : b;
}

/* A PACKAGE_ID with its strings after it (the publisher is not in a full name: NULL). */
KBAPI LONG WINAPI PackageIdFromFullName(PCWSTR full, const UINT32 flags, UINT32 *size, BYTE *buffer)
{
    PACKAGE_PARTS p;
    if (size == NULL || !ParseFullName(full, &p)) return ERROR_INVALID_PARAMETER;
    if (flags & PACKAGE_INFORMATION_FULL_) return ERROR_NOT_FOUND;      /* no package is installed */
    UINT32 need = sizeof(PACKAGE_ID_) + (p.len[0] + 1 + p.len[3] + 1 + p.len[4] + 1) * 2;
    if (*size < need || buffer == NULL) { *size = need; return ERROR_INSUFFICIENT_BUFFER; }
    PACKAGE_ID_ *id = (PACKAGE_ID_ *)buffer;
    memset(id, 0, sizeof(*id));
    id->processorArchitecture = p.arch;
    id->version.Major = p.version[0];
    id->version.Minor = p.version[1];
    id->version.Build = p.version[2];
    id->version.Revision = p.version[3];
    WCHAR *at = (WCHAR *)(id + 1);
    int which[3] = { 0, 3, 4 };
    PWSTR *slot[3] = { &id->name, &id->resourceId, &id->publisherId };
    for (int i = 0; i < 3; i++) {
        *slot[i] = at;
        memcpy(at, p.part[which[i]], p.len[which[i]] * 2);
        at += p.len[which[i]];
        *at++ = 0;
    }
    *size = need;
    return ERROR_SUCCESS;
}

static const WCHAR *ArchitectureName(UINT32 arch)
{
    for (UINT32 i = 0; i < sizeof(Architectures) / sizeof(Architectures[0]); i++)
        if (Architectures[i].arch == arch) return Architectures[i].name;
    return NULL;
}

static int FormatUshort(USHORT v, WCHAR *out)
{
    WCHAR tmp[6];
    int n = 0;
    do { tmp[n++] = (WCHAR)('0' + v % 10); v /= 10; } while (v);
    for (int i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    return n;
}

KBAPI LONG WINAPI PackageFamilyNameFromId(const PACKAGE_ID_ *id, UINT32 *size, PWSTR family)
{
    if (id == NULL || size == NULL || id->name == NULL || id->publisher == NULL ||
        !NameChars(id->name, (UINT32)wcslen(id->name), TRUE) || wcslen(id->name) > NAME_MAX_)
        return ERROR_INVALID_PARAMETER;
    WCHAR publisher_id[PUBLISHER_ID_LENGTH + 1];
    PublisherId(id->publisher, publisher_id);
    const WCHAR *parts[3] = { id->name, L"_", publisher_id };
    UINT32 lens[3] = { (UINT32)wcslen(id->name), 1, PUBLISHER_ID_LENGTH };
    return Give(parts, lens, 3, size, family);
}

KBAPI LONG WINAPI PackageFullNameFromId(const PACKAGE_ID_ *id, UINT32 *size, PWSTR full)
{
    if (id == NULL || size == NULL || id->name == NULL || id->publisher == NULL ||
        !NameChars(id->name, (UINT32)wcslen(id->name), TRUE) || wcslen(id->name) > NAME_MAX_)
        return ERROR_INVALID_PARAMETER;
    const WCHAR *arch = ArchitectureName(id->processorArchitecture);
    if (arch == NULL) return ERROR_INVALID_PARAMETER;
    WCHAR version[24], publisher_id[PUBLISHER_ID_LENGTH + 1];
    int n = 0;
    USHORT v[4] = { id->version.Major, id->version.Minor, id->version.Build, id->version.Revision };
    for (int i = 0; i < 4; i++) {
        n += FormatUshort(v[i], version + n);
        if (i < 3) version[n++] = '.';
    }
    PublisherId(id->publisher, publisher_id);
    const WCHAR *resource = id->resourceId ? id->resourceId : L"";
    const WCHAR *parts[9] = { id->name, L"_", version, L"_", arch, L"_", resource, L"_", publisher_id };
    UINT32 lens[9] = { (UINT32)wcslen(id->name), 1, (UINT32)n, 1, (UINT32)wcslen(arch), 1, (UINT32)wcslen(resource),
                       1, PUBLISHER_ID_LENGTH };
    return Give(parts, lens, 9, size, full);
}

/* The calling process: no package identity. */
KBAPI LONG WINAPI GetCurrentPackageFullName(UINT32 *size, PWSTR name)
{
    (void)name;
    return size ? APPMODEL_ERROR_NO_PACKAGE : ERROR_INVALID_PARAMETER;
}

KBAPI LONG WINAPI GetCurrentPackageFamilyName(UINT32 *size, PWSTR name)
{
    (void)name;
    return size ? APPMODEL_ERROR_NO_PACKAGE : ERROR_INVALID_PARAMETER;
}

KBAPI LONG WINAPI GetCurrentPackageId(UINT32 *size, BYTE *buffer)
{
    (void)buffer;
    return size ? APPMODEL_ERROR_NO_PACKAGE : ERROR_INVALID_PARAMETER;
}

KBAPI LONG WINAPI GetCurrentPackageInfo(const UINT32 flags, UINT32 *size, BYTE *buffer, UINT32 *count)
{
    (void)flags; (void)buffer; (void)count;
    return size ? APPMODEL_ERROR_NO_PACKAGE : ERROR_INVALID_PARAMETER;
}

KBAPI LONG WINAPI GetCurrentPackagePath(UINT32 *size, PWSTR path)
{
    (void)path;
    return size ? APPMODEL_ERROR_NO_PACKAGE : ERROR_INVALID_PARAMETER;
}

KBAPI LONG WINAPI GetCurrentApplicationUserModelId(UINT32 *size, PWSTR id)
{
    (void)id;
    return size ? APPMODEL_ERROR_NO_APPLICATION_ : ERROR_INVALID_PARAMETER;
}

/* Another process (a handle with query access): none has package identity here either. */
static LONG NoIdentity(HANDLE process, UINT32 *size, LONG error)
{
    if (size == NULL) return ERROR_INVALID_PARAMETER;
    BYTE basic[0x30];
    NTSTATUS status = NtQueryInformationProcess(process, 0, basic, sizeof(basic), NULL);
    return NT_SUCCESS(status) ? error : (LONG)RtlNtStatusToDosError(status);
}

KBAPI LONG WINAPI GetPackageFullName(HANDLE process, UINT32 *size, PWSTR name)
{
    (void)name;
    return NoIdentity(process, size, APPMODEL_ERROR_NO_PACKAGE);
}

KBAPI LONG WINAPI GetPackageFamilyName(HANDLE process, UINT32 *size, PWSTR name)
{
    (void)name;
    return NoIdentity(process, size, APPMODEL_ERROR_NO_PACKAGE);
}

KBAPI LONG WINAPI GetPackageId(HANDLE process, UINT32 *size, BYTE *buffer)
{
    (void)buffer;
    return NoIdentity(process, size, APPMODEL_ERROR_NO_PACKAGE);
}

KBAPI LONG WINAPI GetApplicationUserModelId(HANDLE process, UINT32 *size, PWSTR id)
{
    (void)id;
    return NoIdentity(process, size, APPMODEL_ERROR_NO_APPLICATION_);
}

/* No package is installed: a well-formed family has no members, a full name no path. */
KBAPI LONG WINAPI GetPackagesByPackageFamily(PCWSTR family, UINT32 *count, PWSTR *names, UINT32 *size, WCHAR *buffer)
{
    (void)names; (void)buffer;
    PACKAGE_PARTS p;
    if (count == NULL || size == NULL || !Split(family, &p, 2) || !NameChars(p.part[0], p.len[0], TRUE) ||
        !ValidPublisherId(p.part[1], p.len[1]))
        return ERROR_INVALID_PARAMETER;
    *count = 0;
    *size = 0;
    return ERROR_SUCCESS;
}

KBAPI LONG WINAPI GetPackagePathByFullName(PCWSTR full, UINT32 *size, PWSTR path)
{
    (void)path;
    PACKAGE_PARTS p;
    if (size == NULL || !ParseFullName(full, &p)) return ERROR_INVALID_PARAMETER;
    return ERROR_NOT_FOUND;
}

KBAPI LONG WINAPI GetStagedPackagePathByFullName(PCWSTR full, UINT32 *size, PWSTR path)
{
    return GetPackagePathByFullName(full, size, path);
}

/* LoadPackagedLibrary: a DLL of the calling process's package graph; a process without a package
 * has none (APPMODEL_ERROR_NO_PACKAGE). Reserved must be 0. */
KBAPI HMODULE WINAPI LoadPackagedLibrary(LPCWSTR name, DWORD reserved)
{
    (void)name;
    SetLastError(reserved ? ERROR_INVALID_PARAMETER : APPMODEL_ERROR_NO_PACKAGE);
    return NULL;
}
