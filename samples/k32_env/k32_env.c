/* Family 3, the command line and the environment: GetCommandLineA/W (printed, so a test can
 * check how arguments were quoted), Get/SetEnvironmentVariableA/W with their size rules and
 * errors, GetEnvironmentStringsW, ExpandEnvironmentStrings, and the value of NTMINI_SAMPLE when
 * the run sets one with --env. Exit code: failed checks. */
#include "../k32.h"

static int WideEquals(const WCHAR *a, const WCHAR *b)
{
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

static int Equals(const char *a, const char *b)
{
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

void Entry(void)
{
    Print("command line A: [");
    Print(GetCommandLineA());
    Print("]\n");
    char utf8[512];
    WideCharToMultiByte(CP_UTF8, 0, GetCommandLineW(), -1, utf8, sizeof(utf8), NULL, NULL);
    Check(Equals(utf8, GetCommandLineA()), "GetCommandLineW says the same");

    char buf[64];
    DWORD n = GetEnvironmentVariableA("SystemRoot", buf, sizeof(buf));
    Check(n == 10 && Equals(buf, "C:\\Windows"), "SystemRoot is C:\\Windows");
    Check(GetEnvironmentVariableA("systemroot", buf, sizeof(buf)) == 10, "names are case-insensitive");
    Check(GetEnvironmentVariableA("SystemRoot", buf, 5) == 11, "a short buffer gets the size needed, NUL included");
    SetLastError(0);
    CheckError(GetEnvironmentVariableA("NO_SUCH_VARIABLE", buf, sizeof(buf)) == 0, ERROR_ENVVAR_NOT_FOUND,
               "a missing variable -> 0, ERROR_ENVVAR_NOT_FOUND");
    WCHAR wbuf[64];
    Check(GetEnvironmentVariableW(L"OS", wbuf, 64) == 10 && WideEquals(wbuf, L"Windows_NT"), "GetEnvironmentVariableW(OS)");

    Check(SetEnvironmentVariableA("NTMINI_TEST", "one two"), "SetEnvironmentVariableA");
    Check(GetEnvironmentVariableA("NTMINI_TEST", buf, sizeof(buf)) == 7 && Equals(buf, "one two"), "reads back");
    Check(SetEnvironmentVariableW(L"NTMINI_TEST", L"three"), "SetEnvironmentVariableW replaces it");
    Check(GetEnvironmentVariableA("ntmini_test", buf, sizeof(buf)) == 5 && Equals(buf, "three"), "reads back the new value");
    CheckError(!SetEnvironmentVariableA("BAD=NAME", "x"), ERROR_INVALID_PARAMETER, "a name with '=' -> ERROR_INVALID_PARAMETER");
    Check(SetEnvironmentVariableA("NTMINI_TEST", NULL), "NULL deletes it");
    CheckError(GetEnvironmentVariableA("NTMINI_TEST", buf, sizeof(buf)) == 0, ERROR_ENVVAR_NOT_FOUND, "it is gone");
    Check(SetEnvironmentVariableA("NTMINI_NEVER_SET", NULL), "deleting a missing variable succeeds");

    SetEnvironmentVariableA("NTMINI_A", "alpha");
    WCHAR *block = GetEnvironmentStringsW();
    int found = 0, sorted = 1, count = 0;
    WCHAR previous[64] = {0};
    for (WCHAR *p = block; *p; p += lstrlenW(p) + 1) {
        count++;
        if (WideEquals(p, L"NTMINI_A=alpha")) found = 1;
        if (*p != '=' && previous[0] && CompareStringOrdinal(previous, -1, p, -1, TRUE) != CSTR_LESS_THAN) sorted = 0;
        int i = 0;
        for (; p[i] && p[i] != '=' && i < 63; i++) previous[i] = p[i];
        previous[i] = 0;
    }
    Check(found && count > 20, "GetEnvironmentStringsW has the new variable among the defaults");
    Check(sorted, "the block stays sorted by name");
    Check(FreeEnvironmentStringsW(block), "FreeEnvironmentStringsW");

    char expanded[128];
    DWORD need = ExpandEnvironmentStringsA("%SystemRoot%\\x;%NO_SUCH%;100%", expanded, sizeof(expanded));
    Check(Equals(expanded, "C:\\Windows\\x;%NO_SUCH%;100%") && need == 28, "ExpandEnvironmentStrings keeps unknown names, and counts the NUL");
    Check(ExpandEnvironmentStringsA("%OS%", expanded, 4) == 11, "a short buffer gets the size needed");

    n = GetEnvironmentVariableA("NTMINI_SAMPLE", buf, sizeof(buf));
    Print("NTMINI_SAMPLE: ");
    Print(n ? buf : "(not set)");
    Print("\n");
    ExitProcess(failures);
}
