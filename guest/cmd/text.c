/* cmd.exe's strings and output: wide helpers, the heap, and text written to the current standard
 * output or error in the console's output code page (what cmd writes to a file or a pipe). */
#include "cmd.h"

size_t wlen(const WCHAR *s) { size_t n = 0; while (s[n]) n++; return n; }
void wcopy(WCHAR *to, const WCHAR *from) { while ((*to++ = *from++)) {} }
void wcat(WCHAR *to, const WCHAR *from) { wcopy(to + wlen(to), from); }
WCHAR wupper(WCHAR c) { return c >= 'a' && c <= 'z' ? (WCHAR)(c - 32) : c; }
int is_space(WCHAR c) { return c == ' ' || c == '\t'; }

int wnieq(const WCHAR *a, const WCHAR *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (wupper(a[i]) != wupper(b[i]))
            return 0;
        if (!a[i])
            return 1;
    }
    return 1;
}

int wieq(const WCHAR *a, const WCHAR *b)
{
    while (*a && wupper(*a) == wupper(*b)) { a++; b++; }
    return wupper(*a) == wupper(*b);
}

void *cmd_alloc(size_t n) { return HeapAlloc(GetProcessHeap(), 8, n); }      /* HEAP_ZERO_MEMORY */
void cmd_free(void *p) { if (p) HeapFree(GetProcessHeap(), 0, p); }

WCHAR *wdup(const WCHAR *s, size_t n)
{
    WCHAR *d = cmd_alloc((n + 1) * sizeof(WCHAR));
    for (size_t i = 0; i < n; i++)
        d[i] = s[i];
    d[n] = 0;
    return d;
}

static void write_to(DWORD which, const WCHAR *s)
{
    char buf[4 * 512];
    size_t n = wlen(s);
    while (n) {
        int chunk = n > 512 ? 512 : (int)n;
        int bytes = WideCharToMultiByte(GetConsoleOutputCP(), 0, s, chunk, buf, sizeof buf, NULL, NULL);
        DWORD done;
        WriteFile(GetStdHandle(which), buf, (DWORD)bytes, &done, NULL);
        s += chunk;
        n -= (size_t)chunk;
    }
}

void out(const WCHAR *s) { write_to(STD_OUTPUT_HANDLE, s); }
void err(const WCHAR *s) { write_to(STD_ERROR_HANDLE, s); }

static void ascii_to(DWORD which, const char *s)
{
    DWORD done, n = 0;
    while (s[n])
        n++;
    WriteFile(GetStdHandle(which), s, n, &done, NULL);
}

void out_ascii(const char *s) { ascii_to(STD_OUTPUT_HANDLE, s); }
void err_ascii(const char *s) { ascii_to(STD_ERROR_HANDLE, s); }

void out_line(const WCHAR *s)
{
    out(s);
    out_ascii("\r\n");
}

void out_number(int v)
{
    char buf[16], *p = buf + 15;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    *p = 0;
    do *--p = (char)('0' + u % 10); while (u /= 10);
    if (v < 0)
        *--p = '-';
    out_ascii(p);
}

/* A decimal number (a sign allowed), the whole string; 0 if it is not one. */
int parse_number(const WCHAR *s, int *value)
{
    int neg = 0;
    unsigned v = 0;
    if (*s == '-' || *s == '+')
        neg = *s++ == '-';
    if (!*s)
        return 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return 0;
        v = v * 10 + (unsigned)(*s - '0');
    }
    *value = neg ? -(int)v : (int)v;
    return 1;
}
