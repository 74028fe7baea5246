/* GetUserNameExA/W and GetComputerObjectNameA/W (secext.h). The token's user is a local account
 * (NTMINI\user, kernel/se): NameSamCompatible is "DOMAIN\name" from LookupAccountSid; every other
 * format needs a domain, so it is ERROR_NONE_MAPPED, as Windows answers off a domain. A short
 * buffer is ERROR_MORE_DATA with the size needed (with the terminator); success gives the length
 * without it. */
#define WIN32_LEAN_AND_MEAN
#define SECURITY_WIN32
#include <windows.h>
#include <secext.h>

#define SECUR32 __declspec(dllexport)

/* "DOMAIN\name" of the process token's user into out (room for 300). */
static BOOL SamName(WCHAR *out)
{
    HANDLE token;
    union { TOKEN_USER user; BYTE raw[128]; } user;
    DWORD length;
    WCHAR name[128], domain[128];
    DWORD name_size = 128, domain_size = 128;
    SID_NAME_USE use;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        return FALSE;
    BOOL ok = GetTokenInformation(token, TokenUser, &user, sizeof(user), &length) &&
              LookupAccountSidW(NULL, user.user.User.Sid, name, &name_size, domain, &domain_size, &use);
    CloseHandle(token);
    if (!ok)
        return FALSE;
    lstrcpyW(out, domain);
    lstrcatW(out, L"\\");
    lstrcatW(out, name);
    return TRUE;
}

static BOOL Formatted(EXTENDED_NAME_FORMAT format, WCHAR *text)
{
    if (format == NameUnknown || format > NameSurname) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (format != NameSamCompatible) {
        SetLastError(ERROR_NONE_MAPPED);
        return FALSE;
    }
    return SamName(text);
}

SECUR32 BOOLEAN WINAPI GetUserNameExW(EXTENDED_NAME_FORMAT format, LPWSTR buffer, PULONG size)
{
    WCHAR text[300];
    if (!size) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!Formatted(format, text))
        return FALSE;
    ULONG n = (ULONG)lstrlenW(text);
    if (!buffer || *size < n + 1) {
        *size = n + 1;
        SetLastError(ERROR_MORE_DATA);
        return FALSE;
    }
    lstrcpyW(buffer, text);
    *size = n;
    return TRUE;
}

SECUR32 BOOLEAN WINAPI GetUserNameExA(EXTENDED_NAME_FORMAT format, LPSTR buffer, PULONG size)
{
    WCHAR text[300];
    char narrow[600];
    if (!size) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!Formatted(format, text))
        return FALSE;
    int bytes = WideCharToMultiByte(CP_ACP, 0, text, -1, narrow, sizeof(narrow), NULL, NULL);
    ULONG n = bytes > 0 ? (ULONG)bytes - 1 : 0;
    if (!buffer || *size < n + 1) {
        *size = n + 1;
        SetLastError(ERROR_MORE_DATA);
        return FALSE;
    }
    lstrcpyA(buffer, narrow);
    *size = n;
    return TRUE;
}

SECUR32 BOOLEAN WINAPI GetComputerObjectNameW(EXTENDED_NAME_FORMAT format, LPWSTR buffer, PULONG size)
{
    SetLastError(format == NameUnknown || format > NameSurname ? ERROR_INVALID_PARAMETER : ERROR_NONE_MAPPED);
    return FALSE;
}

SECUR32 BOOLEAN WINAPI GetComputerObjectNameA(EXTENDED_NAME_FORMAT format, LPSTR buffer, PULONG size)
{
    return GetComputerObjectNameW(format, (LPWSTR)buffer, size);
}

BOOL WINAPI Secur32DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    return TRUE;
}
