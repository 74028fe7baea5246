/* The registry API, wide forms, over the executive's key services (kernel/cm/services.py), in
 * kernelbase as on Windows 10 (advapi32 and kernel32 forward or jump here).
 * The predefined keys (HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER, ...) are opened the first time a
 * call names them, with MAXIMUM_ALLOWED, and kept for the process; closing one does nothing.
 * HKEY_CURRENT_USER is \Registry\User\<the token's user SID>. Every call returns a Win32 error
 * code (RtlNtStatusToDosError of the service's status) and leaves the thread's last error alone.
 * String data are returned as stored: with the terminator when the writer counted it. */
#include "registry.h"

#define MAX_PREDEFINED 7
static HANDLE predefined[MAX_PREDEFINED];

/* The HKEY_* values are 32-bit constants sign-extended (0xFFFFFFFF80000002 for HKLM). */
static int IsPredefined(HKEY key)
{
    ULONG_PTR value = (ULONG_PTR)key;
    return (value >> 32 == 0 || value >> 32 == 0xFFFFFFFF) && (DWORD)value >= 0x80000000
           && (DWORD)value < 0x80000000 + MAX_PREDEFINED;
}

static NTSTATUS OpenByName(const WCHAR *path, HANDLE *out)
{
    UNICODE_STRING name;
    OBJECT_ATTRIBUTES oa = {sizeof(oa), NULL, &name, OBJ_CASE_INSENSITIVE_, NULL, NULL};
    RegpInitString(&name, path);
    return NtOpenKeyEx(out, MAXIMUM_ALLOWED, &oa, 0);
}

/* Decimal digits of v at p; returns the end. */
static WCHAR *PutDecimal(WCHAR *p, ULONGLONG v)
{
    WCHAR digits[24];
    int n = 0;
    do { digits[n++] = (WCHAR)(L'0' + v % 10); v /= 10; } while (v);
    while (n) *p++ = digits[--n];
    return p;
}

/* \Registry\User\<SID> of the process token's user (RtlFormatCurrentUserKeyPath's name). */
static NTSTATUS CurrentUserPath(WCHAR *path, DWORD size)
{
    static const WCHAR prefix[] = L"\\Registry\\User\\S-1-";
    HANDLE token;
    union { TOKEN_USER user; BYTE raw[128]; } buffer;
    DWORD length;
    NTSTATUS status = NtOpenProcessToken((HANDLE)-1, TOKEN_QUERY, &token);
    if (!NT_SUCCESS(status))
        return status;
    status = NtQueryInformationToken(token, 1 /* TokenUser */, &buffer, sizeof(buffer), &length);
    NtClose(token);
    if (!NT_SUCCESS(status))
        return status;
    SID *sid = buffer.user.User.Sid;
    if (size < 20 + 11 * (DWORD)sid->SubAuthorityCount + 16)
        return STATUS_BUFFER_TOO_SMALL_;
    WCHAR *p = path;
    for (const WCHAR *q = prefix; *q; q++)
        *p++ = *q;
    const BYTE *a = sid->IdentifierAuthority.Value;      /* a user SID's authority fits 32 bits */
    p = PutDecimal(p, ((DWORD)a[2] << 24) | ((DWORD)a[3] << 16) | ((DWORD)a[4] << 8) | a[5]);
    for (BYTE i = 0; i < sid->SubAuthorityCount; i++) {
        *p++ = L'-';
        p = PutDecimal(p, sid->SubAuthority[i]);
    }
    *p = 0;
    return 0;
}

NTSTATUS RegpMapKey(HKEY key, HANDLE *out)
{
    if (!IsPredefined(key)) {
        if (!key)
            return (NTSTATUS)0xC0000008;                /* STATUS_INVALID_HANDLE */
        *out = (HANDLE)key;
        return 0;
    }
    unsigned index = (DWORD)(ULONG_PTR)key - 0x80000000;
    if (predefined[index]) {
        *out = predefined[index];
        return 0;
    }
    WCHAR path[128];
    const WCHAR *name = NULL;
    NTSTATUS status = 0;
    switch (index) {
    case 0: name = L"\\Registry\\Machine\\Software\\Classes"; break;        /* HKEY_CLASSES_ROOT */
    case 1: status = CurrentUserPath(path, 128); name = path; break;        /* HKEY_CURRENT_USER */
    case 2: name = L"\\Registry\\Machine"; break;                          /* HKEY_LOCAL_MACHINE */
    case 3: name = L"\\Registry\\User"; break;                             /* HKEY_USERS */
    case 5: name = L"\\Registry\\Machine\\System\\CurrentControlSet\\Hardware Profiles\\Current"; break;
    default: return (NTSTATUS)0xC0000008;           /* HKEY_PERFORMANCE_DATA and the rest: none here */
    }
    if (!NT_SUCCESS(status))
        return status;
    HANDLE handle;
    status = OpenByName(name, &handle);
    if (!NT_SUCCESS(status))
        return status;
    HANDLE previous = InterlockedCompareExchangePointer(&predefined[index], handle, NULL);
    if (previous) {
        NtClose(handle);
        handle = previous;
    }
    *out = handle;
    return 0;
}

static LSTATUS Error(NTSTATUS status) { return (LSTATUS)RtlNtStatusToDosError(status); }

static NTSTATUS OpenRelative(HANDLE root, const WCHAR *sub, REGSAM sam, HANDLE *out)
{
    UNICODE_STRING name;
    OBJECT_ATTRIBUTES oa = {sizeof(oa), root, &name, OBJ_CASE_INSENSITIVE_, NULL, NULL};
    RegpInitString(&name, sub);
    return NtOpenKeyEx(out, sam & ~(KEY_WOW64_32KEY | KEY_WOW64_64KEY), &oa, 0);
}

KBAPI LSTATUS WINAPI RegOpenKeyExW(HKEY key, LPCWSTR sub, DWORD options, REGSAM sam, PHKEY result)
{
    HANDLE root, handle;
    if (!result)
        return ERROR_INVALID_PARAMETER;
    *result = NULL;
    NTSTATUS status = RegpMapKey(key, &root);
    if (NT_SUCCESS(status))
        status = OpenRelative(root, sub ? sub : L"", sam, &handle);
    if (!NT_SUCCESS(status))
        return Error(status);
    *result = (HKEY)handle;
    return ERROR_SUCCESS;
}

KBAPI LSTATUS WINAPI RegOpenCurrentUser(REGSAM sam, PHKEY result)
{
    WCHAR path[128];
    HANDLE handle;
    NTSTATUS status = CurrentUserPath(path, 128);
    if (NT_SUCCESS(status)) {
        UNICODE_STRING name;
        OBJECT_ATTRIBUTES oa = {sizeof(oa), NULL, &name, OBJ_CASE_INSENSITIVE_, NULL, NULL};
        RegpInitString(&name, path);
        status = NtOpenKeyEx(&handle, sam, &oa, 0);
    }
    if (!NT_SUCCESS(status))
        return Error(status);
    *result = (HKEY)handle;
    return ERROR_SUCCESS;
}

/* RegCreateKeyEx makes every missing key of the path, each under the one before. */
KBAPI LSTATUS WINAPI RegCreateKeyExW(HKEY key, LPCWSTR sub, DWORD reserved, LPWSTR class_name, DWORD options,
                                      REGSAM sam, LPSECURITY_ATTRIBUTES security, PHKEY result, LPDWORD disposition)
{
    HANDLE root, handle;
    UNICODE_STRING name, klass;
    ULONG how = 0;
    if (!result)
        return ERROR_INVALID_PARAMETER;
    if (options & ~(REG_OPTION_VOLATILE | REG_OPTION_CREATE_LINK | REG_OPTION_BACKUP_RESTORE | REG_OPTION_OPEN_LINK))
        return ERROR_INVALID_PARAMETER;
    NTSTATUS status = RegpMapKey(key, &root);
    if (!NT_SUCCESS(status))
        return Error(status);
    sam &= ~(KEY_WOW64_32KEY | KEY_WOW64_64KEY);
    RegpInitString(&klass, class_name);
    ULONG attributes = OBJ_CASE_INSENSITIVE_ | (security && security->bInheritHandle ? 0x2 /* OBJ_INHERIT */ : 0);
    OBJECT_ATTRIBUTES oa = {sizeof(oa), root, &name, attributes, NULL, NULL};
    RegpInitString(&name, sub ? sub : L"");
    status = NtCreateKey(&handle, sam, &oa, 0, class_name ? &klass : NULL, options, &how);
    if (status == STATUS_OBJECT_NAME_NOT_FOUND_ && sub) {
        /* a parent is missing: component by component from the root */
        const WCHAR *p = sub;
        HANDLE parent = root;
        for (;;) {
            const WCHAR *end = p;
            while (*end && *end != L'\\') end++;
            int last = !*end || !end[1];
            name.Buffer = (PWSTR)p;
            name.Length = name.MaximumLength = (USHORT)((end - p) * sizeof(WCHAR));
            oa.RootDirectory = parent;
            status = NtCreateKey(&handle, last ? sam : KEY_CREATE_SUB_KEY, &oa, 0, last && class_name ? &klass : NULL,
                                 options, &how);
            if (parent != root)
                NtClose(parent);
            if (!NT_SUCCESS(status) || last)
                break;
            parent = handle;
            p = end + 1;
        }
    }
    if (!NT_SUCCESS(status))
        return Error(status);
    *result = (HKEY)handle;
    if (disposition)
        *disposition = how;
    return ERROR_SUCCESS;
}

KBAPI LSTATUS WINAPI RegCloseKey(HKEY key)
{
    if (IsPredefined(key))
        return ERROR_SUCCESS;
    if (!key)
        return ERROR_INVALID_HANDLE;
    return Error(NtClose((HANDLE)key));
}

KBAPI LSTATUS WINAPI RegFlushKey(HKEY key)
{
    HANDLE handle;
    NTSTATUS status = RegpMapKey(key, &handle);
    return Error(NT_SUCCESS(status) ? NtFlushKey(handle) : status);
}

/* A value's partial information, in `stack` when it fits, else on the heap (*info to free). */
static NTSTATUS QueryPartial(HANDLE handle, const WCHAR *value, BYTE *stack, ULONG size,
                             KEY_VALUE_PARTIAL_INFORMATION_ **info)
{
    UNICODE_STRING name;
    ULONG needed = 0;
    RegpInitString(&name, value ? value : L"");
    *info = (KEY_VALUE_PARTIAL_INFORMATION_ *)stack;
    NTSTATUS status = NtQueryValueKey(handle, &name, KeyValuePartialInformation_, stack, size, &needed);
    while (status == STATUS_BUFFER_OVERFLOW_ || status == STATUS_BUFFER_TOO_SMALL_) {
        if ((BYTE *)*info != stack)
            RegpFree(*info);
        *info = RegpAlloc(needed);
        if (!*info)
            return (NTSTATUS)0xC0000017;
        status = NtQueryValueKey(handle, &name, KeyValuePartialInformation_, *info, needed, &needed);
    }
    return status;
}

KBAPI LSTATUS WINAPI RegQueryValueExW(HKEY key, LPCWSTR value, LPDWORD reserved, LPDWORD type, LPBYTE data,
                                       LPDWORD size)
{
    HANDLE handle;
    BYTE stack[512];
    KEY_VALUE_PARTIAL_INFORMATION_ *info;
    if (reserved || (data && !size))
        return ERROR_INVALID_PARAMETER;
    NTSTATUS status = RegpMapKey(key, &handle);
    if (!NT_SUCCESS(status))
        return Error(status);
    status = QueryPartial(handle, value, stack, sizeof(stack), &info);
    LSTATUS result = ERROR_SUCCESS;
    if (NT_SUCCESS(status)) {
        if (type)
            *type = info->Type;
        if (data && *size < info->DataLength)
            result = ERROR_MORE_DATA;
        else if (data)
            memcpy(data, info->Data, info->DataLength);
        if (size)
            *size = info->DataLength;
    } else {
        result = Error(status);
    }
    if ((BYTE *)info != stack)
        RegpFree(info);
    return result;
}

KBAPI LSTATUS WINAPI RegSetValueExW(HKEY key, LPCWSTR value, DWORD reserved, DWORD type, const BYTE *data,
                                     DWORD size)
{
    HANDLE handle;
    UNICODE_STRING name;
    if (!data && size)
        return ERROR_NOACCESS;
    NTSTATUS status = RegpMapKey(key, &handle);
    if (!NT_SUCCESS(status))
        return Error(status);
    RegpInitString(&name, value ? value : L"");
    return Error(NtSetValueKey(handle, &name, 0, type, data, size));
}

KBAPI LSTATUS WINAPI RegDeleteValueW(HKEY key, LPCWSTR value)
{
    HANDLE handle;
    UNICODE_STRING name;
    NTSTATUS status = RegpMapKey(key, &handle);
    if (!NT_SUCCESS(status))
        return Error(status);
    RegpInitString(&name, value ? value : L"");
    return Error(NtDeleteValueKey(handle, &name));
}

KBAPI LSTATUS WINAPI RegDeleteKeyExW(HKEY key, LPCWSTR sub, REGSAM sam, DWORD reserved)
{
    HANDLE root, handle;
    if (!sub)
        return ERROR_INVALID_PARAMETER;
    NTSTATUS status = RegpMapKey(key, &root);
    if (NT_SUCCESS(status))
        status = OpenRelative(root, sub, DELETE | (sam & (KEY_WOW64_32KEY | KEY_WOW64_64KEY)), &handle);
    if (!NT_SUCCESS(status))
        return Error(status);
    status = NtDeleteKey(handle);
    NtClose(handle);
    return Error(status);
}

/* RegEnumKeyEx: the name's size in characters, the terminator counted on the way in only. */
KBAPI LSTATUS WINAPI RegEnumKeyExW(HKEY key, DWORD index, LPWSTR name, LPDWORD name_size, LPDWORD reserved,
                                    LPWSTR class_name, LPDWORD class_size, PFILETIME written)
{
    HANDLE handle;
    ULONG needed;
    union { KEY_NODE_INFORMATION_ info; BYTE raw[sizeof(KEY_NODE_INFORMATION_) + 2 * 2 * 256]; } buffer;
    if (reserved || !name || !name_size || (class_name && !class_size))
        return ERROR_INVALID_PARAMETER;
    NTSTATUS status = RegpMapKey(key, &handle);
    if (NT_SUCCESS(status))
        status = NtEnumerateKey(handle, index, KeyNodeInformation_, &buffer, sizeof(buffer), &needed);
    if (!NT_SUCCESS(status))
        return Error(status);
    KEY_NODE_INFORMATION_ *info = &buffer.info;
    DWORD chars = info->NameLength / sizeof(WCHAR), class_chars = info->ClassLength / sizeof(WCHAR);
    if (chars >= *name_size || (class_name && class_chars >= *class_size))
        return ERROR_MORE_DATA;
    memcpy(name, info->Name, info->NameLength);
    name[chars] = 0;
    *name_size = chars;
    if (class_name) {
        memcpy(class_name, (BYTE *)info + info->ClassOffset, info->ClassLength);
        class_name[class_chars] = 0;
        *class_size = class_chars;
    }
    if (written)
        *(LARGE_INTEGER *)written = info->LastWriteTime;
    return ERROR_SUCCESS;
}

/* The full information of value `index`, on the heap (RegpFree it). */
static NTSTATUS EnumFull(HANDLE handle, DWORD index, KEY_VALUE_FULL_INFORMATION_ **out)
{
    ULONG size = 512, needed = 0;
    NTSTATUS status;
    for (;;) {
        *out = RegpAlloc(size);
        if (!*out)
            return (NTSTATUS)0xC0000017;
        status = NtEnumerateValueKey(handle, index, KeyValueFullInformation_, *out, size, &needed);
        if (status != STATUS_BUFFER_OVERFLOW_ && status != STATUS_BUFFER_TOO_SMALL_)
            break;
        RegpFree(*out);
        size = needed;
    }
    if (!NT_SUCCESS(status)) {
        RegpFree(*out);
        *out = NULL;
    }
    return status;
}

KBAPI LSTATUS WINAPI RegEnumValueW(HKEY key, DWORD index, LPWSTR name, LPDWORD name_size, LPDWORD reserved,
                                    LPDWORD type, LPBYTE data, LPDWORD size)
{
    HANDLE handle;
    KEY_VALUE_FULL_INFORMATION_ *info;
    if (reserved || !name || !name_size || (data && !size))
        return ERROR_INVALID_PARAMETER;
    NTSTATUS status = RegpMapKey(key, &handle);
    if (NT_SUCCESS(status))
        status = EnumFull(handle, index, &info);
    if (!NT_SUCCESS(status))
        return Error(status);
    LSTATUS result = ERROR_SUCCESS;
    DWORD chars = info->NameLength / sizeof(WCHAR);
    if (chars >= *name_size) {
        result = ERROR_MORE_DATA;
    } else {
        memcpy(name, info->Name, info->NameLength);
        name[chars] = 0;
        *name_size = chars;
        if (type)
            *type = info->Type;
        if (data && *size < info->DataLength)
            result = ERROR_MORE_DATA;
        else if (data)
            memcpy(data, (BYTE *)info + info->DataOffset, info->DataLength);
        if (size)
            *size = info->DataLength;
    }
    RegpFree(info);
    return result;
}

KBAPI LSTATUS WINAPI RegQueryInfoKeyW(HKEY key, LPWSTR class_name, LPDWORD class_size, LPDWORD reserved,
                                       LPDWORD subkeys, LPDWORD max_subkey, LPDWORD max_class, LPDWORD values,
                                       LPDWORD max_value_name, LPDWORD max_value, LPDWORD security, PFILETIME written)
{
    HANDLE handle;
    ULONG needed;
    union { KEY_FULL_INFORMATION_ info; BYTE raw[sizeof(KEY_FULL_INFORMATION_) + 512]; } buffer;
    if (reserved || (class_name && !class_size))
        return ERROR_INVALID_PARAMETER;
    NTSTATUS status = RegpMapKey(key, &handle);
    if (NT_SUCCESS(status))
        status = NtQueryKey(handle, KeyFullInformation_, &buffer, sizeof(buffer), &needed);
    if (!NT_SUCCESS(status))
        return Error(status);
    KEY_FULL_INFORMATION_ *info = &buffer.info;
    LSTATUS result = ERROR_SUCCESS;
    if (class_name || class_size) {
        DWORD chars = info->ClassLength / sizeof(WCHAR);
        if (class_name && chars >= *class_size) {
            result = ERROR_MORE_DATA;
        } else if (class_name) {
            memcpy(class_name, info->Class, info->ClassLength);
            class_name[chars] = 0;
        }
        *class_size = chars;
    }
    if (subkeys) *subkeys = info->SubKeys;
    if (max_subkey) *max_subkey = info->MaxNameLen / sizeof(WCHAR);
    if (max_class) *max_class = info->MaxClassLen / sizeof(WCHAR);
    if (values) *values = info->Values;
    if (max_value_name) *max_value_name = info->MaxValueNameLen / sizeof(WCHAR);
    if (max_value) *max_value = info->MaxValueDataLen;
    if (security) *security = 0x90;     /* the size of a key's self-relative security descriptor */
    if (written) *(LARGE_INTEGER *)written = info->LastWriteTime;
    return result;
}

/* RegDeleteTree: every subkey (depth first) and, for a named subkey, the key itself; without
 * one, the key's values too. */
static LSTATUS DeleteSubkeys(HANDLE handle)
{
    WCHAR name[256];
    for (;;) {
        DWORD size = 256;
        LSTATUS result = RegEnumKeyExW((HKEY)handle, 0, name, &size, NULL, NULL, NULL, NULL);
        if (result == ERROR_NO_MORE_ITEMS)
            return ERROR_SUCCESS;
        if (result)
            return result;
        HANDLE child;
        NTSTATUS status = OpenRelative(handle, name, KEY_ENUMERATE_SUB_KEYS | KEY_QUERY_VALUE | DELETE, &child);
        if (!NT_SUCCESS(status))
            return Error(status);
        result = DeleteSubkeys(child);
        if (!result)
            result = Error(NtDeleteKey(child));
        NtClose(child);
        if (result)
            return result;
    }
}

KBAPI LSTATUS WINAPI RegDeleteTreeW(HKEY key, LPCWSTR sub)
{
    HANDLE root, handle;
    NTSTATUS status = RegpMapKey(key, &root);
    if (!NT_SUCCESS(status))
        return Error(status);
    ACCESS_MASK access = KEY_ENUMERATE_SUB_KEYS | KEY_QUERY_VALUE | (sub ? DELETE : KEY_SET_VALUE);
    status = OpenRelative(root, sub ? sub : L"", access, &handle);
    if (!NT_SUCCESS(status))
        return Error(status);
    LSTATUS result = DeleteSubkeys(handle);
    if (!result && sub) {
        result = Error(NtDeleteKey(handle));
    } else if (!result) {
        KEY_VALUE_FULL_INFORMATION_ *info;
        while (NT_SUCCESS(status = EnumFull(handle, 0, &info))) {
            UNICODE_STRING name = {(USHORT)info->NameLength, (USHORT)info->NameLength, info->Name};
            status = NtDeleteValueKey(handle, &name);
            RegpFree(info);
            if (!NT_SUCCESS(status))
                break;
        }
        result = status == (NTSTATUS)0x8000001A ? ERROR_SUCCESS : Error(status);
    }
    NtClose(handle);
    return result;
}

/* RegNotifyChangeKeyValue: synchronous, it returns at the next change; asynchronous, the event
 * is signalled then (an event is required). The service's I/O status block for an asynchronous
 * request must outlive the call: one per process, never read. */
static IO_STATUS_BLOCK notify_sink;

KBAPI LSTATUS WINAPI RegNotifyChangeKeyValue(HKEY key, BOOL subtree, DWORD filter, HANDLE event, BOOL asynchronous)
{
    HANDLE handle;
    IO_STATUS_BLOCK iosb;
    if (asynchronous && !event)
        return ERROR_INVALID_PARAMETER;
    NTSTATUS status = RegpMapKey(key, &handle);
    if (!NT_SUCCESS(status))
        return Error(status);
    status = NtNotifyChangeKey(handle, asynchronous ? event : NULL, NULL, NULL, asynchronous ? &notify_sink : &iosb,
                               filter, (BOOLEAN)subtree, NULL, 0, (BOOLEAN)asynchronous);
    if (status == 0x103)                /* STATUS_PENDING: the asynchronous request is registered */
        return ERROR_SUCCESS;
    return Error(status);
}
