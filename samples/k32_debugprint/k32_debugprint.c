/* Family 10, OutputDebugStringA/W with no debugger: a vectored handler sees DBG_PRINTEXCEPTION_C
 * (length with the NUL, the string), and for the W form DBG_PRINTEXCEPTION_WIDE_C (wide length and
 * string, ANSI length and string) first, then the A fallback; a handler that continues the wide
 * one stops the fallback, as a debugger does. The caller goes on, its last error kept. Exit code:
 * failed checks. */
#include "../k32.h"

static DWORD codes[8];
static ULONG_PTR lengths[8];
static int seen, continue_wide;
static char text[64];

static LONG CALLBACK Watch(EXCEPTION_POINTERS *info)
{
    EXCEPTION_RECORD *r = info->ExceptionRecord;
    if (r->ExceptionCode != DBG_PRINTEXCEPTION_C && r->ExceptionCode != DBG_PRINTEXCEPTION_WIDE_C)
        return EXCEPTION_CONTINUE_SEARCH;
    if (seen < 8) {
        codes[seen] = r->ExceptionCode;
        lengths[seen] = r->ExceptionInformation[0];
        if (r->ExceptionCode == DBG_PRINTEXCEPTION_C) {
            const char *s = (const char *)r->ExceptionInformation[1];
            int i = 0;
            for (; i < 63 && s[i]; i++) text[i] = s[i];
            text[i] = 0;
        } else if (r->NumberParameters != 4 || ((WCHAR *)r->ExceptionInformation[1])[0] != 'w'
                   || ((char *)r->ExceptionInformation[3])[0] != 'w') {
            codes[seen] = 0;
        }
        seen++;
    }
    if (continue_wide && r->ExceptionCode == DBG_PRINTEXCEPTION_WIDE_C)
        return EXCEPTION_CONTINUE_EXECUTION;
    return EXCEPTION_CONTINUE_SEARCH;
}

static int Same(const char *a, const char *b)
{
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

void Entry(void)
{
    OutputDebugStringA("before any handler\n");
    Check(1, "OutputDebugStringA with no handler returns");
    PVOID veh = AddVectoredExceptionHandler(1, Watch);

    SetLastError(1234);
    OutputDebugStringA("hello");
    Check(seen == 1 && codes[0] == DBG_PRINTEXCEPTION_C && lengths[0] == 6 && Same(text, "hello"),
          "A: DBG_PRINTEXCEPTION_C, length 6 with the NUL, the string");
    Check(GetLastError() == 1234, "the last error is kept");

    seen = 0;
    OutputDebugStringW(L"wide text");
    Check(seen == 2 && codes[0] == DBG_PRINTEXCEPTION_WIDE_C && lengths[0] == 10, "W: DBG_PRINTEXCEPTION_WIDE_C first");
    Check(codes[1] == DBG_PRINTEXCEPTION_C && lengths[1] == 10 && Same(text, "wide text"), "then the A fallback");

    seen = 0;
    continue_wide = 1;
    OutputDebugStringW(L"wide taken");
    Check(seen == 1 && codes[0] == DBG_PRINTEXCEPTION_WIDE_C, "a handler that continues the wide form: no fallback");

    RemoveVectoredExceptionHandler(veh);
    OutputDebugStringW(L"after the handler\n");
    OutputDebugStringA(NULL);
    Check(1, "OutputDebugStringW and a NULL string return");
    ExitProcess(failures);
}
