/* Family 8 (system information): the machine's names, GetComputerNameA/W and GetComputerNameExA/W.
 * The emulated machine is NTMINI (the COMPUTERNAME of the default environment, kernel/ps/params.py),
 * in no domain: its DNS host name is the same, its DNS domain empty. The name does not come from the
 * environment (a program's own COMPUTERNAME changes nothing, as on Windows). */
#include "kernelbase.h"

static const WCHAR computer_name[] = L"NTMINI";

/* The name of one type; FALSE (ERROR_INVALID_PARAMETER) for a type that does not exist. */
static BOOL NameOf(COMPUTER_NAME_FORMAT type, const WCHAR **name)
{
    switch (type) {
    case ComputerNameNetBIOS: case ComputerNameDnsHostname: case ComputerNameDnsFullyQualified:
    case ComputerNamePhysicalNetBIOS: case ComputerNamePhysicalDnsHostname:
    case ComputerNamePhysicalDnsFullyQualified:
        *name = computer_name;
        return TRUE;
    case ComputerNameDnsDomain: case ComputerNamePhysicalDnsDomain:
        *name = L"";
        return TRUE;
    default:
        return FALSE;
    }
}

/* Copies name into buffer (size characters, the terminator included); `short_error` when it does not fit. */
static BOOL Answer(const WCHAR *name, LPWSTR buffer, LPDWORD size, DWORD short_error)
{
    DWORD n = (DWORD)wcslen(name);
    if (buffer == NULL || *size <= n) {
        *size = n + 1;
        SetLastError(short_error);
        return FALSE;
    }
    memcpy(buffer, name, (n + 1) * sizeof(WCHAR));
    *size = n;
    return TRUE;
}

KBAPI BOOL WINAPI GetComputerNameExW(COMPUTER_NAME_FORMAT type, LPWSTR buffer, LPDWORD size)
{
    const WCHAR *name;
    if (size == NULL || !NameOf(type, &name)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return Answer(name, buffer, size, ERROR_MORE_DATA);
}

KBAPI BOOL WINAPI GetComputerNameW(LPWSTR buffer, LPDWORD size)
{
    if (size == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return Answer(computer_name, buffer, size, ERROR_BUFFER_OVERFLOW);
}

/* The ANSI forms: the name is ASCII, so its characters are its bytes. */
static BOOL AnswerA(const WCHAR *name, LPSTR buffer, LPDWORD size, DWORD short_error)
{
    DWORD n = (DWORD)wcslen(name);
    if (buffer == NULL || *size <= n) {
        *size = n + 1;
        SetLastError(short_error);
        return FALSE;
    }
    for (DWORD i = 0; i <= n; i++)
        buffer[i] = (char)name[i];
    *size = n;
    return TRUE;
}

KBAPI BOOL WINAPI GetComputerNameExA(COMPUTER_NAME_FORMAT type, LPSTR buffer, LPDWORD size)
{
    const WCHAR *name;
    if (size == NULL || !NameOf(type, &name)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return AnswerA(name, buffer, size, ERROR_MORE_DATA);
}

KBAPI BOOL WINAPI GetComputerNameA(LPSTR buffer, LPDWORD size)
{
    if (size == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return AnswerA(computer_name, buffer, size, ERROR_BUFFER_OVERFLOW);
}

/* DnsHostnameToComputerNameExW/W/A: the NetBIOS computer name a DNS host name stands for, its
 * first label cut to MAX_COMPUTERNAME_LENGTH characters and upper-cased. A short buffer gets the
 * size needed (the terminator included) and ERROR_MORE_DATA. */
KBAPI BOOL WINAPI DnsHostnameToComputerNameExW(LPCWSTR hostname, LPWSTR buffer, LPDWORD size)
{
    WCHAR label[MAX_COMPUTERNAME_LENGTH], name[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD n = 0;
    if (hostname == NULL || size == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    for (; n < MAX_COMPUTERNAME_LENGTH && hostname[n] && hostname[n] != L'.'; n++)
        label[n] = hostname[n];
    if (n)
        LCMapStringW(LOCALE_INVARIANT, LCMAP_UPPERCASE, label, (int)n, name, (int)n);
    name[n] = 0;
    return Answer(name, buffer, size, ERROR_MORE_DATA);
}

KBAPI BOOL WINAPI DnsHostnameToComputerNameW(LPCWSTR hostname, LPWSTR buffer, LPDWORD size)
{
    return DnsHostnameToComputerNameExW(hostname, buffer, size);
}

KBAPI BOOL WINAPI DnsHostnameToComputerNameA(LPCSTR hostname, LPSTR buffer, LPDWORD size)
{
    WCHAR wide[256], name[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD n = MAX_COMPUTERNAME_LENGTH + 1;
    if (hostname == NULL || size == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!MultiByteToWideChar(CP_ACP, 0, hostname, -1, wide, 256)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    DnsHostnameToComputerNameExW(wide, name, &n);
    char narrow[(MAX_COMPUTERNAME_LENGTH + 1) * 2];
    int bytes = WideCharToMultiByte(CP_ACP, 0, name, -1, narrow, sizeof narrow, NULL, NULL);
    if (buffer == NULL || *size < (DWORD)bytes) {
        *size = (DWORD)bytes;
        SetLastError(ERROR_MORE_DATA);
        return FALSE;
    }
    memcpy(buffer, narrow, (size_t)bytes);
    *size = (DWORD)bytes - 1;
    return TRUE;
}
