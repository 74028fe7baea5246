/* FormatMessage's system texts as programs print them (FROM_SYSTEM | IGNORE_INSERTS, the way
 * Rust's io::Error, Go's Errno and C programs ask), HRESULT_FROM_WIN32 codes, the line width
 * (MAX_WIDTH_MASK n: wrapping) and FormatMessageA's insert conversions. Exit code: failed checks. */
#include "../k32.h"
#include <stdarg.h>

#ifndef ERROR_NO_WORK_DONE
#define ERROR_NO_WORK_DONE 235L
#endif

static const DWORD Codes[] = {
    0, 2, 3, 5, 6, 8, 14, 32, 34, 87, 109, 122, 123, 183, 193, 231, 267, 995, 1224, 1311, 1450, 1816,
    2250, 10004, 10013, 10035, 10048, 10049, 10053, 10054, 10060, 10061, 10065, 11001, 11004, 14001,
};

/* The text with its line breaks spelled out, so the output shows every byte. */
static void PrintText(const char *s)
{
    for (; *s; s++) {
        if (*s == '\r') Print("\\r");
        else if (*s == '\n') Print("\\n");
        else { char c[2] = {*s, 0}; Print(c); }
    }
}

static void Wrap(DWORD width, const char *in, const char *want)
{
    char out[300];
    DWORD n = FormatMessageA(FORMAT_MESSAGE_FROM_STRING | width, in, 0, 0, out, sizeof(out), NULL);
    int ok = n == (DWORD)Len(want) && lstrcmpA(out, want) == 0;
    Print(ok ? "ok   width " : "FAIL width ");
    PrintNum(width & FORMAT_MESSAGE_MAX_WIDTH_MASK, 0);
    Print(" [");
    PrintText(in);
    Print("] -> [");
    PrintText(out);
    Print("]\n");
    failures += !ok;
}

/* FormatMessageA over a va_list of the call's own arguments. */
static DWORD FromList(char *out, const char *format, ...)
{
    va_list list;
    va_start(list, format);
    DWORD n = FormatMessageA(FORMAT_MESSAGE_FROM_STRING, format, 0, 0, out, 256, &list);
    va_end(list);
    return n;
}

void Entry(void)
{
    char a[1024];
    WCHAR w[1024];
    for (unsigned i = 0; i < sizeof(Codes) / sizeof(Codes[0]); i++) {
        DWORD n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, Codes[i],
                                 MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT), a, sizeof(a), NULL);
        PrintNum(Codes[i], 0);
        Print(" (");
        PrintNum(n, 0);
        Print("): ");
        PrintText(n ? a : "<failed>");
        Print("\n");
    }

    DWORD n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM, NULL, 0x80070002, 0, w, 1024, NULL);
    DWORD m = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM, NULL, 2, 0, a, sizeof(a), NULL);
    int same = n == m;
    for (DWORD i = 0; same && i <= n; i++) same = w[i] == (WCHAR)a[i];
    Check(same && n == 44, "HRESULT_FROM_WIN32(2) has ERROR_FILE_NOT_FOUND's text");
    CheckError(FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM, NULL, 0x80040002, 0, a, sizeof(a), NULL) == 0,
               ERROR_MR_MID_NOT_FOUND, "another facility's HRESULT -> ERROR_MR_MID_NOT_FOUND");
    CheckError(FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM, NULL, 2, MAKELANGID(LANG_GERMAN, SUBLANG_GERMAN), a,
                              sizeof(a), NULL) == 0, ERROR_RESOURCE_LANG_NOT_FOUND, "a language not installed");
    DWORD_PTR disk[] = {(DWORD_PTR)"A:", (DWORD_PTR)"Disk 2", (DWORD_PTR)"1234-ABCD"};
    FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_ARGUMENT_ARRAY, NULL, ERROR_WRONG_DISK, 0, a,
                   sizeof(a), (va_list *)disk);
    Check(lstrcmpA(a, "The wrong diskette is in the drive.\r\nInsert Disk 2 (Volume Serial Number: 1234-ABCD) "
                      "into drive A:.\r\n") == 0, "ERROR_WRONG_DISK's two lines and three inserts");

    /* The width: a line holds fewer than n characters; it breaks at its last space run. */
    Wrap(20, "short long line", "short long line");
    Wrap(11, "short long line", "short long\r\nline");
    Wrap(20, "short long long line", "short long long\r\nline");
    Wrap(10, "short long line", "short\r\nlong line");
    Wrap(16, "short long    line", "short long\r\nline");
    Wrap(16, "short long    wordlongerthanaline", "short long\r\nwordlongerthanal\r\nine");
    Wrap(12, "short long    line", "short long\r\n  line");
    Wrap(12, "short long    wordlongerthanaline", "short long\r\n\r\nwordlongerth\r\nanaline");
    Wrap(15, "   short line", "   short line");
    Wrap(11, "   shortlong line", "\r\nshortlong\r\nline");
    Wrap(11, "l1%n   shortlong line", "l1\r\n\r\nshortlong\r\nline");
    Wrap(5, "                ", "\r\n\r\n\r\n ");
    Wrap(5, "l1               ", "l1\r\n\r\n\r\n  ");
    Wrap(8, "shortlon", "shortlon\r\n");
    Wrap(8, "shortlongline", "shortlon\r\ngline");
    Wrap(7, "short long line", "short\r\nlong\r\nline");
    Wrap(11, "short\nlong line", "short long\r\nline");
    Wrap(8, "shortlon%n", "shortlon\r\n\r\n");
    Wrap(10, "short%nlong line", "short\r\nlong line");
    Wrap(8, "short%nlong line", "short\r\nlong\r\nline");
    Wrap(10, "short%rlong line", "short\rlong line");
    Wrap(8, "short%rlong line", "short\rlong\r\nline");
    Wrap(11, "short long\tline", "short\r\nlong\tline");
    Wrap(FORMAT_MESSAGE_IGNORE_INSERTS | 8, "short%nlong line%1", "short\r\nlong\r\nline%1");

    /* FormatMessageA's inserts: s is ANSI, S and ls wide, hs ANSI; c a byte, C a wide character. */
    DWORD_PTR args[] = {(DWORD_PTR)"ansi", (DWORD_PTR)L"wide", (DWORD_PTR)L"long", (DWORD_PTR)"short",
                        'x', L'y', (DWORD_PTR)"\xe9t\xe9"};
    FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY, "%1 %2!S! %3!ls! %4!hs! %5!c! %6!C! %7",
                   0, 0, a, sizeof(a), (va_list *)args);
    Check(lstrcmpA(a, "ansi wide long short x y \xe9t\xe9") == 0, "A: %1 %2!S! %3!ls! %4!hs! %5!c! %6!C!, ACP bytes");
    DWORD_PTR wargs[] = {(DWORD_PTR)L"wide", (DWORD_PTR)"ansi", (DWORD_PTR)"short", (DWORD_PTR)L"long",
                         L'y', 'x', (DWORD_PTR)"\xe9t\xe9"};
    FormatMessageW(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY, L"%1 %2!S! %3!hs! %4!ls! %5!c! %6!C! %7!S!",
                   0, 0, w, 1024, (va_list *)wargs);
    static const WCHAR want[] = L"wide ansi short long y x \x00e9t\x00e9";
    same = 1;
    for (int i = 0; same && (i == 0 || want[i - 1]); i++) same = w[i] == want[i];
    Check(same, "W: %1 %2!S! %3!hs! %4!ls! %5!c! %6!C! %7!S! through the ACP");
    DWORD_PTR sized[] = {(DWORD_PTR)"narrow", 0xE9, 0xE9};
    FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY, "%1!hS! %2!c! %3!C!", 0, 0, a, sizeof(a),
                   (va_list *)sized);
    Check(lstrcmpA(a, "narrow \xe9 \xe9") == 0, "A: h wins over S; a byte 0xE9 and L'\\xe9' both give 0xE9");
    DWORD_PTR wsized[] = {(DWORD_PTR)L"wide", 0xE9};
    FormatMessageW(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY, L"%1!lS! %2!C!", 0, 0, w, 1024,
                   (va_list *)wsized);
    Check(w[0] == 'w' && w[4] == ' ' && w[5] == 0xE9 && w[6] == 0, "W: l wins over S; %2!C! is an ACP byte");

    /* A * width or precision takes arguments: the insert's own, then those after the last taken. */
    char o[256];
    Check(FromList(o, "%1!*.*u!", 5, 3, 1) == 5 && lstrcmpA(o, "  001") == 0, "va_list: %1!*.*u! (5, 3, 1)");
    Check(FromList(o, "%1!*.*u!,%1!*.*u!", 5, 3, 1, 4, 2) == 11 && lstrcmpA(o, "  001, 0002") == 0,
          "va_list: %1!*.*u! twice reads 1 2 3, then 1 4 5");
    Check(FromList(o, "%1!*s!", 4, "t") == 4 && lstrcmpA(o, "   t") == 0, "va_list: %1!*s!");
    Check(FromList(o, "%1!4.2u!", 3) == 4 && lstrcmpA(o, "  03") == 0, "%1!4.2u!");
    DWORD_PTR stars[] = {6, 4, 2, 5, 3, 1};
    FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY, "%1!*.*u!,%1!*.*u!", 0, 0, o, 256,
                   (va_list *)stars);
    Check(lstrcmpA(o, "  0002, 00003") == 0, "array: %1!*.*u! twice");
    FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY, "%1!*.*u!,%4!*.*u!", 0, 0, o, 256,
                   (va_list *)stars);
    Check(lstrcmpA(o, "  0002,  001") == 0, "array: %1!*.*u!,%4!*.*u!");

    /* The output buffer: an empty message allocates nothing; W truncates, A leaves a short buffer. */
    char *block = (char *)1;
    CheckError(FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ALLOCATE_BUFFER, "", 0, 0, (char *)&block, 0,
                              NULL) == 0 && block == NULL, ERROR_NO_WORK_DONE, "A: ALLOCATE_BUFFER of \"\" -> NULL, ERROR_NO_WORK_DONE");
    WCHAR *wblock = (WCHAR *)1;
    CheckError(FormatMessageW(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ALLOCATE_BUFFER, L"", 0, 0, (WCHAR *)&wblock,
                              0, NULL) == 0 && wblock == NULL, ERROR_NO_WORK_DONE, "W: ALLOCATE_BUFFER of \"\" -> NULL, ERROR_NO_WORK_DONE");
    WCHAR small[6] = L"xxxxx";
    CheckError(FormatMessageW(FORMAT_MESSAGE_FROM_STRING, L"test", 0, 0, small, 4, NULL) == 0 && small[0] == 't' &&
               small[2] == 's' && small[3] == 0 && small[4] == 'x', ERROR_INSUFFICIENT_BUFFER, "W: 4 characters hold \"tes\"");
    char asmall[6] = "xxxxx";
    CheckError(FormatMessageA(FORMAT_MESSAGE_FROM_STRING, "test", 0, 0, asmall, 4, NULL) == 0 &&
               lstrcmpA(asmall, "xxxxx") == 0, ERROR_INSUFFICIENT_BUFFER, "A: a short buffer stays as it was");
    CheckError(FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM, NULL, 0, 0, NULL, 0, NULL) == 0, ERROR_INSUFFICIENT_BUFFER,
               "A: no buffer of size 0 -> ERROR_INSUFFICIENT_BUFFER");
    CheckError(FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_ALLOCATE_BUFFER, NULL, 0, 0, NULL, 0, NULL) == 0,
               ERROR_NOT_ENOUGH_MEMORY, "A: ALLOCATE_BUFFER to NULL -> ERROR_NOT_ENOUGH_MEMORY");
    CheckError(FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM, NULL, 0, 0, NULL, 256, NULL) == 0, ERROR_INVALID_PARAMETER,
               "W: no buffer -> ERROR_INVALID_PARAMETER");
    CheckError(FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM, NULL, ERROR_BAD_EXE_FORMAT, 0, a, sizeof(a), NULL) == 0,
               ERROR_INVALID_PARAMETER, "an insert without arguments -> ERROR_INVALID_PARAMETER");
    ExitProcess((UINT)failures);
}
