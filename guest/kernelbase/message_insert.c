/* One FormatMessage insert (%1!...!): its argument formatted by the printf conversion between
 * the '!'s: flags, width, precision, the size prefixes h l ll w I I32 I64, and the types s S c C
 * d i u x X o p. In FormatMessageA s and c are ANSI (S and C wide), in FormatMessageW the reverse;
 * h makes a string ANSI, l and w wide, whatever the type's case. */
#include "message.h"

/* One insert: its value formatted by a printf conversion (flags, width, precision, size, type). */
void BaseMsgInsert(MSGBUF *o, const WCHAR *spec, ULONG_PTR value, BOOL ansi_strings)
{
    BOOL left = FALSE, zero = FALSE, wide_string = !ansi_strings;
    int width = 0, precision = -1;
    const WCHAR *p = spec;
    for (; *p == '-' || *p == '0' || *p == '+' || *p == ' ' || *p == '#'; p++) {
        if (*p == '-') left = TRUE;
        if (*p == '0') zero = TRUE;
    }
    while (*p >= '0' && *p <= '9') width = width * 10 + (*p++ - '0');
    if (*p == '.') { precision = 0; p++; while (*p >= '0' && *p <= '9') precision = precision * 10 + (*p++ - '0'); }
    BOOL size64 = FALSE, sized = TRUE;          /* I64, ll and I (pointer-sized) are 64-bit; l and h are not */
    if (*p == 'h') { wide_string = FALSE; p++; }
    else if (p[0] == 'l' && p[1] == 'l') { size64 = TRUE; p += 2; }
    else if (*p == 'l') { wide_string = TRUE; p++; }
    else if (p[0] == 'I' && p[1] == '6' && p[2] == '4') { size64 = TRUE; p += 3; }
    else if (p[0] == 'I' && p[1] == '3' && p[2] == '2') p += 3;
    else if (*p == 'I') { size64 = TRUE; p++; }
    else if (*p == 'w') { wide_string = TRUE; p++; }
    else sized = FALSE;                         /* h, l and w fix a string's width; S then flips nothing */
    WCHAR digits[40];
    int n = 0;
    const WCHAR *text = digits;
    char type = (char)*p;
    if (type == 's' || type == 'S') {
        if (type == 'S' && !sized) wide_string = !wide_string;
        if (value == 0) { text = L"(null)"; n = 6; }
        else if (wide_string) { text = (const WCHAR *)value; n = (int)wcslen(text); }
        else {                                  /* an ANSI string, in UTF-16 for the output */
            const char *a = (const char *)value;
            int len = (int)strlen(a);
            if (precision >= 0 && len > precision) len = precision;
            WCHAR *w = len ? RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (SIZE_T)len * 2) : NULL;
            n = w ? MultiByteToWideChar(CP_ACP, 0, a, len, w, len) : 0;
            int pad = width > n ? width - n : 0;
            if (!left) for (int i = 0; i < pad; i++) BaseMsgPut(o, ' ');
            for (int i = 0; i < n; i++) BaseMsgPut(o, w[i]);
            if (left) for (int i = 0; i < pad; i++) BaseMsgPut(o, ' ');
            RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w);
            return;
        }
        if (precision >= 0 && n > precision) n = precision;
    } else if (type == 'c' || type == 'C') {
        if (type == 'C' && !sized) wide_string = !wide_string;
        char byte = (char)value;                /* an ANSI character through the ACP */
        if (wide_string || !MultiByteToWideChar(CP_ACP, 0, &byte, 1, digits, 1)) digits[0] = (WCHAR)value;
        n = 1;
    } else {
        if (type == 'p') size64 = TRUE;
        ULONG64 v = size64 ? value : (ULONG)value;
        BOOL negative = FALSE;
        unsigned base = (type == 'x' || type == 'X' || type == 'p') ? 16 : type == 'o' ? 8 : 10;
        if (type == 'd' || type == 'i') {
            LONG64 sv = size64 ? (LONG64)value : (LONG64)(LONG)value;
            negative = sv < 0;
            v = negative ? (ULONG64)-sv : (ULONG64)sv;
        }
        if (type == 'p') { zero = TRUE; width = 16; }
        WCHAR rev[24];
        int r = 0;
        do { rev[r++] = (WCHAR)"0123456789abcdef0123456789ABCDEF"[(v % base) + (type == 'X' || type == 'p' ? 16 : 0)]; v /= base; } while (v);
        if (negative) digits[n++] = '-';
        while (precision > r) { rev[r++] = '0'; }
        while (r) digits[n++] = rev[--r];
    }
    int pad = width > n ? width - n : 0;
    if (!left) for (int i = 0; i < pad; i++) BaseMsgPut(o, zero ? '0' : ' ');
    for (int i = 0; i < n; i++) BaseMsgPut(o, text[i]);
    if (left) for (int i = 0; i < pad; i++) BaseMsgPut(o, ' ');
}
