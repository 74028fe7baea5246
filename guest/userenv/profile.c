/* GetUserProfileDirectoryW/A: the profile folder of the token's user, as Windows finds it: the
 * user's SID from the token (TokenUser), then ProfileImagePath (REG_EXPAND_SZ) under the registry's
 * ProfileList\<SID> key, expanded. The order of the checks is Windows': the token first
 * (ERROR_INVALID_HANDLE, also for NULL), then a missing size pointer or a missing buffer with a
 * non-zero size (ERROR_INVALID_PARAMETER), then the length: the characters with the terminator go
 * to *size and a short buffer is ERROR_INSUFFICIENT_BUFFER. */
#define WIN32_LEAN_AND_MEAN
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>

typedef LONG NTSTATUS;
#define NT_SUCCESS(s) ((NTSTATUS)(s) >= 0)
#define NTDLL __declspec(dllimport)
#define OBJ_CASE_INSENSITIVE 0x40
#define TOKEN_USER_CLASS 1              /* TOKEN_INFORMATION_CLASS TokenUser */
#define KEY_VALUE_PARTIAL_INFORMATION 2
#define PROFILE_LIST L"\\Registry\\Machine\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\"

typedef struct { USHORT Length, MaximumLength; PWSTR Buffer; } USTR;
typedef struct {
    ULONG Length; HANDLE RootDirectory; USTR *ObjectName; ULONG Attributes;
    PVOID SecurityDescriptor, SecurityQualityOfService;
} OBJATTR;
typedef struct { ULONG TitleIndex, Type, DataLength; UCHAR Data[1]; } VALUE_PARTIAL;

NTDLL NTSTATUS NTAPI NtQueryInformationToken(HANDLE, ULONG, PVOID, ULONG, ULONG *);
NTDLL NTSTATUS NTAPI NtOpenKey(HANDLE *, ACCESS_MASK, OBJATTR *);
NTDLL NTSTATUS NTAPI NtQueryValueKey(HANDLE, USTR *, ULONG, PVOID, ULONG, ULONG *);
NTDLL NTSTATUS NTAPI NtClose(HANDLE);
NTDLL ULONG NTAPI RtlNtStatusToDosError(NTSTATUS);

static BOOL Fail(DWORD error)
{
    SetLastError(error);
    return FALSE;
}

/* "S-1-5-21-..." appended at out (room for a full SID: 1 + 15 sub-authorities). */
static WCHAR *FormatSid(WCHAR *out, const SID *sid)
{
    ULONG64 authority = 0;
    for (int i = 0; i < 6; i++)
        authority = (authority << 8) | sid->IdentifierAuthority.Value[i];
    WCHAR digits[24];
    *out++ = L'S';
    for (int part = -2; part < (int)sid->SubAuthorityCount; part++) {
        ULONG64 v = part == -2 ? sid->Revision : part == -1 ? authority : sid->SubAuthority[part];
        int n = 0;
        do { digits[n++] = (WCHAR)(L'0' + v % 10); v /= 10; } while (v);
        *out++ = L'-';
        while (n)
            *out++ = digits[--n];
    }
    *out = 0;
    return out;
}

/* The expanded ProfileImagePath of the token's user into path (MAX_PATH); 0 or a Win32 error. */
static DWORD ProfilePath(HANDLE token, WCHAR *path)
{
    union { TOKEN_USER user; BYTE raw[sizeof(TOKEN_USER) + SECURITY_MAX_SID_SIZE]; } info;
    ULONG got;
    NTSTATUS status = NtQueryInformationToken(token, TOKEN_USER_CLASS, &info, sizeof(info), &got);
    if (!NT_SUCCESS(status))
        return RtlNtStatusToDosError(status);
    WCHAR key_name[ARRAYSIZE(PROFILE_LIST) + 200];
    lstrcpyW(key_name, PROFILE_LIST);
    WCHAR *end = FormatSid(key_name + lstrlenW(key_name), (const SID *)info.user.User.Sid);
    USTR name = {(USHORT)((end - key_name) * sizeof(WCHAR)), (USHORT)((end - key_name) * sizeof(WCHAR)), key_name};
    OBJATTR attributes = {sizeof(attributes), NULL, &name, OBJ_CASE_INSENSITIVE, NULL, NULL};
    HANDLE key;
    status = NtOpenKey(&key, KEY_QUERY_VALUE, &attributes);
    if (!NT_SUCCESS(status))
        return RtlNtStatusToDosError(status);
    union { VALUE_PARTIAL value; BYTE raw[sizeof(VALUE_PARTIAL) + MAX_PATH * sizeof(WCHAR)]; } data;
    WCHAR value_name[] = L"ProfileImagePath";
    USTR value = {sizeof(value_name) - sizeof(WCHAR), sizeof(value_name), value_name};
    status = NtQueryValueKey(key, &value, KEY_VALUE_PARTIAL_INFORMATION, &data, sizeof(data) - sizeof(WCHAR), &got);
    NtClose(key);
    if (!NT_SUCCESS(status))
        return RtlNtStatusToDosError(status);
    if (data.value.Type != REG_SZ && data.value.Type != REG_EXPAND_SZ)
        return ERROR_FILE_NOT_FOUND;
    WCHAR *raw = (WCHAR *)data.value.Data;
    raw[data.value.DataLength / sizeof(WCHAR)] = 0;
    DWORD n = ExpandEnvironmentStringsW(raw, path, MAX_PATH);
    return n && n <= MAX_PATH ? 0 : ERROR_INSUFFICIENT_BUFFER;
}

__declspec(dllexport) BOOL WINAPI GetUserProfileDirectoryW(HANDLE token, LPWSTR directory, LPDWORD size)
{
    WCHAR path[MAX_PATH];
    if (!token)
        return Fail(ERROR_INVALID_HANDLE);
    DWORD error = ProfilePath(token, path);
    if (error)
        return Fail(error);
    if (!size || (!directory && *size))
        return Fail(ERROR_INVALID_PARAMETER);
    DWORD need = (DWORD)lstrlenW(path) + 1;
    if (*size < need) {
        *size = need;
        return Fail(ERROR_INSUFFICIENT_BUFFER);
    }
    lstrcpyW(directory, path);
    *size = need;
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI GetUserProfileDirectoryA(HANDLE token, LPSTR directory, LPDWORD size)
{
    WCHAR path[MAX_PATH];
    if (!token)
        return Fail(ERROR_INVALID_HANDLE);
    DWORD error = ProfilePath(token, path);
    if (error)
        return Fail(error);
    if (!size || (!directory && *size))
        return Fail(ERROR_INVALID_PARAMETER);
    DWORD need = (DWORD)WideCharToMultiByte(CP_ACP, 0, path, -1, NULL, 0, NULL, NULL);
    if (*size < need) {
        *size = need;
        return Fail(ERROR_INSUFFICIENT_BUFFER);
    }
    WideCharToMultiByte(CP_ACP, 0, path, -1, directory, (int)*size, NULL, NULL);
    *size = need;
    return TRUE;
}

BOOL WINAPI UserenvDllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    return TRUE;
}
