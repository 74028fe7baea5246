/* What the kernel32 samples share (they import kernel32 only, no C runtime): output through
 * WriteFile on the standard output, numbers, and a check that counts failures. */
#pragma once
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

static int failures;

static inline int Len(const char *s) { int n = 0; while (s[n]) n++; return n; }

static inline void Print(const char *s)
{
    DWORD done;
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), s, (DWORD)Len(s), &done, NULL);
}

/* Decimal, or hex with hex != 0. */
static inline void PrintNum(unsigned long long v, int hex)
{
    char buf[32];
    int i = 31;
    buf[i] = 0;
    do { buf[--i] = "0123456789abcdef"[v % (hex ? 16 : 10)]; v /= hex ? 16 : 10; } while (v);
    if (hex) { buf[--i] = 'x'; buf[--i] = '0'; }
    Print(buf + i);
}

static inline void Check(int ok, const char *what)
{
    Print(ok ? "ok   " : "FAIL ");
    Print(what);
    Print("\n");
    failures += !ok;
}

/* A call that must fail with a given last error. */
static inline void CheckError(int failed, DWORD expected, const char *what)
{
    DWORD error = GetLastError();
    Check(failed && error == expected, what);
    if (!failed || error != expected) {
        Print("     last error ");
        PrintNum(error, 0);
        Print("\n");
    }
}
