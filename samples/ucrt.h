/* What the UCRT samples call in ucrtbase.dll, declared as the UCRT's headers reach it: the
 * inline printf family calls __stdio_common_v*printf with option bits. Freestanding: Entry. */
#pragma once
typedef __SIZE_TYPE__ size_t;
typedef __builtin_va_list va_list;
#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_end(ap) __builtin_va_end(ap)
#define CRTIMP __declspec(dllimport)
typedef struct { void *placeholder; } FILE;
#define PRINTF_LEGACY_VSPRINTF_NULL_TERMINATION 1ull
#define PRINTF_STANDARD_SNPRINTF_BEHAVIOR 2ull
#define PRINTF_LEGACY_WIDE_SPECIFIERS 4ull
CRTIMP int __stdio_common_vfprintf(unsigned long long, FILE *, const char *, void *, va_list);
CRTIMP int __stdio_common_vsprintf(unsigned long long, char *, size_t, const char *, void *, va_list);
CRTIMP FILE *__acrt_iob_func(unsigned);
CRTIMP __attribute__((noreturn)) void exit(int);
CRTIMP void *memcpy(void *, const void *, size_t);

/* printf and _snprintf as the UCRT's headers define them inline. */
static inline int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = __stdio_common_vfprintf(PRINTF_LEGACY_WIDE_SPECIFIERS, __acrt_iob_func(1), fmt, 0, ap);
    va_end(ap);
    return r;
}

static inline int _snprintf(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = __stdio_common_vsprintf(PRINTF_LEGACY_WIDE_SPECIFIERS | PRINTF_LEGACY_VSPRINTF_NULL_TERMINATION, buf, n,
                                    fmt, 0, ap);
    va_end(ap);
    return r;
}
