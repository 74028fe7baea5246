/* FormatMessage(FROM_HMODULE) over the image's own message table (k32_msgtable.mc: English UTF-16
 * entries by windmc; k32_msgtable_de.rc: German ANSI ones): languages, inserts, blocks, a full
 * 32-bit id, FROM_SYSTEM after the module, the width, and the errors. Exit code: failed checks. */
#include "../k32.h"

#define MSG_HELLO 1
#define MSG_TWO_LINES 2
#define MSG_IN_SECOND_BLOCK 0x100
#define MSG_SAMPLE_ERROR 0xC1230005
#define GERMAN MAKELANGID(LANG_GERMAN, SUBLANG_GERMAN)

static int SameW(const WCHAR *a, const WCHAR *b)
{
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

void Entry(void)
{
    WCHAR w[256];
    char a[256];
    const DWORD flags = FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_ARGUMENT_ARRAY;

    DWORD_PTR hello_w[] = {(DWORD_PTR)L"Ann", 3};
    DWORD n = FormatMessageW(flags, NULL, MSG_HELLO, 0, w, 256, (va_list *)hello_w);
    Check(n == 38 && SameW(w, L"Hello, Ann. You have 3 new messages.\r\n"), "W: language 0 takes en-US, with inserts");
    DWORD_PTR hello_a[] = {(DWORD_PTR)"Ann", 3};
    n = FormatMessageA(flags, NULL, MSG_HELLO, MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US), a, 256, (va_list *)hello_a);
    Check(n == 38 && lstrcmpA(a, "Hello, Ann. You have 3 new messages.\r\n") == 0, "A: the UTF-16 entry in the ACP");

    n = FormatMessageA(flags, GetModuleHandleW(NULL), MSG_HELLO, GERMAN, a, 256, (va_list *)hello_a);
    Check(n == 13 && lstrcmpA(a, "Hallo, Ann.\r\n") == 0, "A: the German ANSI entry, module = the image's handle");
    DWORD_PTR von[] = {(DWORD_PTR)L"Bob"};
    n = FormatMessageW(flags, NULL, 2, GERMAN, w, 256, (va_list *)von);
    Check(n == 16 && SameW(w, L"Gr\x00fc\x00df" L"e von Bob.\r\n"), "W: an ANSI entry's bytes through the ACP (1252)");

    DWORD_PTR two[] = {(DWORD_PTR)L"an insert"};
    n = FormatMessageW(flags, NULL, MSG_TWO_LINES, 0, w, 256, (va_list *)two);
    Check(SameW(w, L"The first line of the message,\r\nand the second with an insert.\r\n"), "a two-line message");
    n = FormatMessageW(flags | FORMAT_MESSAGE_MAX_WIDTH_MASK, NULL, MSG_TWO_LINES, 0, w, 256, (va_list *)two);
    Check(SameW(w, L"The first line of the message, and the second with an insert. "), "MAX_WIDTH_MASK: one line");
    n = FormatMessageW(flags | 24, NULL, MSG_TWO_LINES, 0, w, 256, (va_list *)two);
    Check(SameW(w, L"The first line of the\r\nmessage, and the second\r\nwith an insert. "), "width 24: wrapped at spaces");

    n = FormatMessageW(FORMAT_MESSAGE_FROM_HMODULE, NULL, MSG_IN_SECOND_BLOCK, 0, w, 256, NULL);
    Check(n == 28 && SameW(w, L"A message in a second block."), "an id of the second block, %0 ends it");
    DWORD_PTR err[] = {0xBEEF, (DWORD_PTR)L"the end"};
    n = FormatMessageW(flags, NULL, MSG_SAMPLE_ERROR, 0, w, 256, (va_list *)err);
    Check(SameW(w, L"The sample's error 0000BEEF happened at the end.\r\n"), "a full 32-bit id (severity, facility)");
    n = FormatMessageW(FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, MSG_SAMPLE_ERROR, 0, w, 256, NULL);
    Check(SameW(w, L"The sample's error %1!08X! happened at %2.\r\n"), "IGNORE_INSERTS keeps %1!08X!");

    n = FormatMessageA(FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_FROM_SYSTEM, NULL, ERROR_ACCESS_DENIED, 0, a, 256, NULL);
    Check(lstrcmpA(a, "Access is denied.\r\n") == 0, "FROM_HMODULE | FROM_SYSTEM: the system's after the module's");
    n = FormatMessageA(flags | FORMAT_MESSAGE_FROM_SYSTEM, NULL, MSG_HELLO, 0, a, 256, (va_list *)hello_a);
    Check(lstrcmpA(a, "Hello, Ann. You have 3 new messages.\r\n") == 0, "FROM_HMODULE | FROM_SYSTEM: the module's first");

    CheckError(FormatMessageW(FORMAT_MESSAGE_FROM_HMODULE, NULL, 3, 0, w, 256, NULL) == 0, ERROR_MR_MID_NOT_FOUND,
               "an id of no block -> ERROR_MR_MID_NOT_FOUND");
    CheckError(FormatMessageW(FORMAT_MESSAGE_FROM_HMODULE, NULL, 0x101, GERMAN, w, 256, NULL) == 0, ERROR_MR_MID_NOT_FOUND,
               "an id the German table lacks -> ERROR_MR_MID_NOT_FOUND");
    CheckError(FormatMessageW(FORMAT_MESSAGE_FROM_HMODULE, NULL, MSG_HELLO, MAKELANGID(LANG_FRENCH, SUBLANG_FRENCH), w,
                              256, NULL) == 0, ERROR_RESOURCE_LANG_NOT_FOUND, "a language not there -> ERROR_RESOURCE_LANG_NOT_FOUND");
    ExitProcess((UINT)failures);
}
