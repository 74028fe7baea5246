/* The small companions: user32's wsprintf, Char* calls and MessageBox (a line on stderr),
 * shell32's CommandLineToArgvW and its quoting rules, psapi's module queries (forwarded to
 * kernel32's K32* calls), oleaut32's BSTRs. Exit code: failed checks. */
#include "../k32.h"
#include <shellapi.h>
#define PSAPI_VERSION 1
#include <psapi.h>

__declspec(dllimport) WCHAR *WINAPI SysAllocString(const WCHAR *);
__declspec(dllimport) WCHAR *WINAPI SysAllocStringLen(const WCHAR *, UINT);
__declspec(dllimport) void WINAPI SysFreeString(WCHAR *);
__declspec(dllimport) UINT WINAPI SysStringLen(WCHAR *);
__declspec(dllimport) UINT WINAPI SysStringByteLen(WCHAR *);

static int Same(const WCHAR *a, const WCHAR *b)
{
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

void Entry(void)
{
    char a[128];
    WCHAR w[128];
    int n = wsprintfA(a, "%d|%5u|%-4x|%04X|%s|%c|%ls|%I64d|%%", -42, 7u, 0xabu, 0x1fu, "str", 'Z', L"wide", -5000000000LL);
    Print(a);
    Print("\n");
    Check(n == lstrlenA(a) && lstrcmpA(a, "-42|    7|ab  |001F|str|Z|wide|-5000000000|%") == 0, "wsprintfA");
    n = wsprintfW(w, L"%s=%d %S", L"x", 3, "narrow");
    Check(n == 10 && Same(w, L"x=3 narrow"), "wsprintfW, %S for an ANSI string");

    char s[] = "Hello, World";
    Check(CharUpperA(s) == s && lstrcmpA(s, "HELLO, WORLD") == 0, "CharUpperA in place");
    Check((WCHAR)(ULONG_PTR)CharLowerW((LPWSTR)(ULONG_PTR)L'\x00C9') == L'\x00E9', "CharLowerW of one character");
    Check(IsCharAlphaA('q') && !IsCharAlphaA('1') && IsCharUpperW(L'Q'), "IsCharAlpha, IsCharUpper");
    Check(CharNextA(s) == s + 1 && CharPrevA(s, s) == s, "CharNext, CharPrev");
    Check(MessageBoxA(NULL, "a message box", "k32_companions", MB_OK) == IDOK, "MessageBoxA answers IDOK");

    int argc = 0;
    LPWSTR *argv = CommandLineToArgvW(L"C:\\app\\x.exe a \"b c\" d\\\\\"e f\" g\\\"h i\\\\j \"k\"\"l\"", &argc);
    Check(argv && argc == 7 && argv[7] == NULL, "CommandLineToArgvW: seven arguments");
    Check(argv && Same(argv[0], L"C:\\app\\x.exe") && Same(argv[1], L"a") && Same(argv[2], L"b c")
          && Same(argv[3], L"d\\e f") && Same(argv[4], L"g\"h") && Same(argv[5], L"i\\\\j") && Same(argv[6], L"k\"l"),
          "backslashes and quotes by the documented rules");
    Check(LocalFree(argv) == NULL, "one LocalAlloc block");
    argv = CommandLineToArgvW(L"\"C:\\a b\\p.exe\"x y", &argc);
    Check(argv && argc == 3 && Same(argv[0], L"C:\\a b\\p.exe") && Same(argv[1], L"x") && Same(argv[2], L"y"),
          "the program name ends at its quote");
    LocalFree(argv);
    argv = CommandLineToArgvW(L"", &argc);
    Check(argv && argc == 1 && argv[0][0] == 'C', "an empty line gives the program's path");
    LocalFree(argv);
    CheckError(CommandLineToArgvW(L"x", NULL) == NULL, ERROR_INVALID_PARAMETER, "no count -> ERROR_INVALID_PARAMETER");

    HMODULE modules[32];
    DWORD needed = 0;
    Check(EnumProcessModules(GetCurrentProcess(), modules, sizeof(modules), &needed) && needed >= 6 * sizeof(HMODULE)
          && modules[0] == GetModuleHandleW(NULL), "EnumProcessModules: the image first");
    Check(GetModuleBaseNameA(GetCurrentProcess(), GetModuleHandleW(L"user32"), a, sizeof(a)) == 10
          && lstrcmpiA(a, "user32.dll") == 0, "GetModuleBaseName");
    MODULEINFO mi;
    Check(GetModuleInformation(GetCurrentProcess(), NULL, &mi, sizeof(mi)) && mi.lpBaseOfDll == GetModuleHandleW(NULL)
          && mi.SizeOfImage > 0, "GetModuleInformation");

    WCHAR *b = SysAllocString(L"bstr");
    Check(b && SysStringLen(b) == 4 && SysStringByteLen(b) == 8 && ((DWORD *)b)[-1] == 8 && b[4] == 0,
          "SysAllocString: the byte length before the string");
    SysFreeString(b);
    b = SysAllocStringLen(NULL, 3);
    Check(b && SysStringLen(b) == 3 && b[3] == 0, "SysAllocStringLen(NULL, 3)");
    SysFreeString(b);
    SysFreeString(NULL);
    ExitProcess(failures);
}
