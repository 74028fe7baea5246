/* Family 8, the machine's names: GetComputerNameA/W and GetComputerNameExA/W for each
 * COMPUTER_NAME_FORMAT, the sizes they report, and the documented errors. Exit code: failed checks. */
#include "../k32.h"

static int Same(const WCHAR *a, const char *b)
{
    while (*a && *a == (WCHAR)*b) { a++; b++; }
    return *a == 0 && *b == 0;
}

void Entry(void)
{
    WCHAR w[64];
    char a[64];
    DWORD n = 64;
    Check(GetComputerNameW(w, &n) && n == 6 && Same(w, "NTMINI"), "GetComputerNameW: NTMINI, 6 characters");
    n = 64;
    Check(GetComputerNameA(a, &n) && n == 6 && a[0] == 'N' && a[6] == 0, "GetComputerNameA agrees");
    n = 3;
    CheckError(!GetComputerNameW(w, &n), ERROR_BUFFER_OVERFLOW, "a short buffer -> ERROR_BUFFER_OVERFLOW");
    Check(n == 7, "and the size it needs, with the terminator");
    n = 64;
    Check(GetComputerNameExW(ComputerNameDnsHostname, w, &n) && Same(w, "NTMINI"), "the DNS host name");
    n = 64;
    Check(GetComputerNameExW(ComputerNameDnsDomain, w, &n) && n == 0 && w[0] == 0, "no DNS domain");
    n = 64;
    Check(GetComputerNameExW(ComputerNamePhysicalDnsFullyQualified, w, &n) && Same(w, "NTMINI"),
          "the fully qualified name is the host name");
    n = 64;
    Check(GetComputerNameExA(ComputerNameNetBIOS, a, &n) && n == 6, "GetComputerNameExA");
    n = 2;
    CheckError(!GetComputerNameExW(ComputerNameNetBIOS, w, &n), ERROR_MORE_DATA, "...Ex short -> ERROR_MORE_DATA");
    Check(n == 7, "and the size it needs");
    n = 0;
    CheckError(!GetComputerNameExW(ComputerNameNetBIOS, NULL, &n), ERROR_MORE_DATA, "a NULL buffer asks the size");
    Check(n == 7, "7");
    n = 64;
    CheckError(!GetComputerNameExW(ComputerNameMax, w, &n), ERROR_INVALID_PARAMETER,
               "ComputerNameMax -> ERROR_INVALID_PARAMETER");
    ExitProcess(failures);
}
