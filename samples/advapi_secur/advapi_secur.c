/* secur32's user names: GetUserNameEx in the SAM-compatible form (the only one for an account off a
 * domain), the size protocol and the documented errors, GetComputerObjectName off a domain. Exit
 * code: failed checks. */
#include "../k32.h"
#define SECURITY_WIN32
#include <secext.h>

void Entry(void)
{
    WCHAR wide[64];
    char narrow[64];
    ULONG size = 0;
    CheckError(!GetUserNameExW(NameSamCompatible, NULL, &size) && size == 12, ERROR_MORE_DATA,
               "GetUserNameExW with no buffer: ERROR_MORE_DATA and the size");
    size = 64;
    Check(GetUserNameExW(NameSamCompatible, wide, &size) && size == 11 && !lstrcmpW(wide, L"NTMINI\\user"),
          "GetUserNameExW(NameSamCompatible)");
    size = 64;
    Check(GetUserNameExA(NameSamCompatible, narrow, &size) && size == 11, "GetUserNameExA(NameSamCompatible)");
    Print("sam: ");
    Print(narrow);
    Print("\n");
    size = 5;
    CheckError(!GetUserNameExA(NameSamCompatible, narrow, &size) && size == 12, ERROR_MORE_DATA,
               "GetUserNameExA short: ERROR_MORE_DATA and the size");
    size = 64;
    CheckError(!GetUserNameExW(NameDisplay, wide, &size), ERROR_NONE_MAPPED,
               "NameDisplay off a domain: ERROR_NONE_MAPPED");
    size = 64;
    CheckError(!GetUserNameExW(NameUserPrincipal, wide, &size), ERROR_NONE_MAPPED,
               "NameUserPrincipal off a domain: ERROR_NONE_MAPPED");
    size = 64;
    CheckError(!GetComputerObjectNameW(NameFullyQualifiedDN, wide, &size), ERROR_NONE_MAPPED,
               "GetComputerObjectNameW off a domain: ERROR_NONE_MAPPED");
    ExitProcess(failures);
}
