/* wsprintfA/W and wvsprintfA/W: Windows' small printf (%c %C %d %i %u %x %X %s %S with -, #, 0,
 * width, precision and the h, l and I64 sizes; no floating point), at most 1024 characters. */
#define _USER32_
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <stdarg.h>

#define MAX_OUTPUT 1024

typedef struct { void *Buffer; int Wide, Length; } SINK;

static void Put(SINK *s, WCHAR c)
{
    if (s->Length >= MAX_OUTPUT - 1) return;
    if (s->Wide) ((WCHAR *)s->Buffer)[s->Length++] = c;
    else ((char *)s->Buffer)[s->Length++] = (char)c;
}

static int Format(SINK *s, const void *format, va_list args)
{
    const char *fa = format;
    const WCHAR *fw = format;
#define AT(i) (s->Wide ? fw[i] : (WCHAR)(BYTE)fa[i])
    for (int i = 0; AT(i); ) {
        if (AT(i) != '%') { Put(s, AT(i)); i++; continue; }
        i++;
        BOOL left = FALSE, zero = FALSE, alt = FALSE;
        for (;; i++) {
            if (AT(i) == '-') left = TRUE;
            else if (AT(i) == '0') zero = TRUE;
            else if (AT(i) == '#') alt = TRUE;
            else break;
        }
        int width = 0, precision = -1;
        while (AT(i) >= '0' && AT(i) <= '9') width = width * 10 + (AT(i++) - '0');
        if (AT(i) == '.') { precision = 0; i++; while (AT(i) >= '0' && AT(i) <= '9') precision = precision * 10 + (AT(i++) - '0'); }
        int size = 0;                           /* 'h' -1, 'l' 1, I64 2 */
        if (AT(i) == 'h') { size = -1; i++; }
        else if (AT(i) == 'l') { size = 1; i++; }
        else if (AT(i) == 'I' && AT(i + 1) == '6' && AT(i + 2) == '4') { size = 2; i += 3; }
        WCHAR type = AT(i);
        if (type == 0) break;
        i++;
        WCHAR text[64];
        int n = 0;
        const void *str = NULL;
        int str_wide = 0;
        if (type == 'c' || type == 'C') {
            text[n++] = (WCHAR)va_arg(args, int);
        } else if (type == 's' || type == 'S') {
            str = va_arg(args, const void *);
            str_wide = (type == 's') == s->Wide;
            if (size == -1) str_wide = 0;
            if (size == 1) str_wide = 1;
            if (str == NULL) { str = "(null)"; str_wide = 0; }
        } else if (type == 'd' || type == 'i' || type == 'u' || type == 'x' || type == 'X') {
            ULONG64 v = size == 2 ? va_arg(args, ULONG64) : (ULONG64)va_arg(args, unsigned int);
            BOOL negative = FALSE;
            if ((type == 'd' || type == 'i')) {
                LONG64 sv = size == 2 ? (LONG64)v : (LONG64)(int)v;
                negative = sv < 0;
                v = negative ? (ULONG64)-sv : (ULONG64)sv;
            }
            if (size == -1) v &= 0xFFFF;
            unsigned base = (type == 'x' || type == 'X') ? 16 : 10;
            const char *digits = type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
            WCHAR rev[24];
            int r = 0;
            do { rev[r++] = (WCHAR)digits[v % base]; v /= base; } while (v);
            while (r < precision) rev[r++] = '0';
            if (negative) text[n++] = '-';
            if (alt && base == 16) { text[n++] = '0'; text[n++] = type; }
            while (r) text[n++] = rev[--r];
        } else {
            Put(s, type);                       /* %% and anything unknown: the character itself */
            continue;
        }
        int len = n;
        if (str) {
            len = 0;
            if (str_wide) while (((const WCHAR *)str)[len] && (precision < 0 || len < precision)) len++;
            else while (((const char *)str)[len] && (precision < 0 || len < precision)) len++;
        }
        int pad = width > len ? width - len : 0;
        if (!left) for (int k = 0; k < pad; k++) Put(s, zero && !str ? '0' : ' ');
        for (int k = 0; k < len; k++) {
            if (!str) { Put(s, text[k]); continue; }
            if (str_wide) {
                WCHAR w = ((const WCHAR *)str)[k];
                if (s->Wide) Put(s, w);
                else { char a[4]; int m = WideCharToMultiByte(CP_ACP, 0, &w, 1, a, 4, NULL, NULL); for (int j = 0; j < m; j++) Put(s, (BYTE)a[j]); }
            } else {
                char a = ((const char *)str)[k];
                if (!s->Wide) Put(s, (BYTE)a);
                else { WCHAR w; MultiByteToWideChar(CP_ACP, 0, &a, 1, &w, 1); Put(s, w); }
            }
        }
        if (left) for (int k = 0; k < pad; k++) Put(s, ' ');
    }
#undef AT
    if (s->Wide) ((WCHAR *)s->Buffer)[s->Length] = 0;
    else ((char *)s->Buffer)[s->Length] = 0;
    return s->Length;
}

__declspec(dllexport) int WINAPI wvsprintfA(LPSTR out, LPCSTR format, va_list args)
{
    SINK s = {out, 0, 0};
    return Format(&s, format, args);
}

__declspec(dllexport) int WINAPI wvsprintfW(LPWSTR out, LPCWSTR format, va_list args)
{
    SINK s = {out, 1, 0};
    return Format(&s, format, args);
}

__declspec(dllexport) int WINAPIV wsprintfA(LPSTR out, LPCSTR format, ...)
{
    va_list args;
    va_start(args, format);
    int n = wvsprintfA(out, format, args);
    va_end(args);
    return n;
}

__declspec(dllexport) int WINAPIV wsprintfW(LPWSTR out, LPCWSTR format, ...)
{
    va_list args;
    va_start(args, format);
    int n = wvsprintfW(out, format, args);
    va_end(args);
    return n;
}
