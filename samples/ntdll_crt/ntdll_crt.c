/* The C library subset ntdll exports, imported from ntdll itself: the printf family with
 * _snprintf's truncation rules and the _s forms, the string, case and conversion functions,
 * qsort/bsearch and RtlCompareMemory. Exit code: failed checks. */
#include "../k32.h"

#define NT __declspec(dllimport)
NT int __cdecl _snprintf(char *, size_t, const char *, ...);
NT int __cdecl sprintf(char *, const char *, ...);
NT int __cdecl _snwprintf(WCHAR *, size_t, const WCHAR *, ...);
NT int __cdecl swprintf(WCHAR *, const WCHAR *, ...);
NT int __cdecl _snprintf_s(char *, size_t, size_t, const char *, ...);
NT int __cdecl sprintf_s(char *, size_t, const char *, ...);
NT int __cdecl _vscprintf(const char *, va_list);
NT int __cdecl strcmp(const char *, const char *);
NT int __cdecl _stricmp(const char *, const char *);
NT int __cdecl _wcsicmp(const WCHAR *, const WCHAR *);
NT char *__cdecl strstr(const char *, const char *);
NT char *__cdecl strrchr(const char *, int);
NT long __cdecl strtol(const char *, char **, int);
NT unsigned long __cdecl strtoul(const char *, char **, int);
NT char *__cdecl _itoa(int, char *, int);
NT char *__cdecl _ui64toa(unsigned long long, char *, int);
NT void __cdecl qsort(void *, size_t, size_t, int (__cdecl *)(const void *, const void *));
NT void *__cdecl bsearch(const void *, const void *, size_t, size_t, int (__cdecl *)(const void *, const void *));
NT SIZE_T NTAPI RtlCompareMemory(const void *, const void *, SIZE_T);
NT int __cdecl toupper(int);
NT int __cdecl isspace(int);

static int Counted(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = _vscprintf(fmt, ap);
    va_end(ap);
    return n;
}

static int __cdecl Cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

void Entry(void)
{
    char buf[64], small[4];
    sprintf(buf, "%d %s %x %I64d %ws %.3f %5.1e|%-4c|", -42, "str", 0xBEEFu, -1234567890123ll, L"wide", 3.14159, 12345.678, 'z');
    Print(buf);
    Print("\n");
    Check(strcmp(buf, "-42 str beef -1234567890123 wide 3.142 1.2e+004|z   |") == 0, "sprintf: the msvcrt engine's output");
    Check(_snprintf(small, 4, "abc") == 3 && small[3] == 0, "_snprintf with room: terminated");
    small[3] = 'X';
    Check(_snprintf(small, 3, "abc") == 3 && small[2] == 'c' && small[3] == 'X', "_snprintf filling the buffer: no terminator");
    Check(_snprintf(small, 2, "abc") == -1 && small[0] == 'a' && small[1] == 'b', "_snprintf too long: -1");
    Check(_snprintf_s(small, 4, (size_t)-1, "abcdef") == -1 && strcmp(small, "abc") == 0, "_snprintf_s(_TRUNCATE): cut, -1");
    Check(sprintf_s(buf, sizeof buf, "%05d", 42) == 5 && strcmp(buf, "00042") == 0, "sprintf_s");
    WCHAR w[32];
    Check(swprintf(w, L"%d-%s", 7, L"x") == 3 && w[0] == '7' && w[2] == 'x' && w[3] == 0, "swprintf (the count-less form)");
    Check(_snwprintf(w, 2, L"%d", 12345) == -1, "_snwprintf too long: -1");
    Check(Counted("%s=%d", "abc", 1000) == 8, "_vscprintf counts");
    Check(_stricmp("Hello", "hELLO") == 0 && _wcsicmp(L"ABC", L"abd") < 0, "_stricmp and _wcsicmp");
    Check(strstr("needle in haystack", "hay") != NULL && strrchr("a/b/c", '/')[1] == 'c', "strstr, strrchr");
    char *end;
    Check(strtol("  -0x1F rest", &end, 0) == -31 && *end == ' ', "strtol base 0 with 0x");
    Check(strtol("99999999999", NULL, 10) == 0x7FFFFFFF && strtoul("0xFFFFFFFF", NULL, 16) == 0xFFFFFFFFul, "strtol saturates");
    Check(strcmp(_itoa(-255, buf, 16), "ffffff01") == 0 && strcmp(_itoa(-255, buf, 10), "-255") == 0,
          "_itoa: negative only in base 10");
    Check(strcmp(_ui64toa(18446744073709551615ull, buf, 10), "18446744073709551615") == 0, "_ui64toa");
    int v[6] = {5, 3, 9, 1, 7, 3};
    qsort(v, 6, sizeof(int), Cmp);
    int key = 7;
    Check(v[0] == 1 && v[1] == 3 && v[2] == 3 && v[5] == 9 && *(int *)bsearch(&key, v, 6, sizeof(int), Cmp) == 7,
          "qsort and bsearch");
    Check(RtlCompareMemory("abcdef", "abcxef", 6) == 3, "RtlCompareMemory: bytes equal before the first difference");
    Check(toupper('q') == 'Q' && isspace('\t') && !isspace('x'), "toupper, isspace");
    ExitProcess((UINT)failures);
}
