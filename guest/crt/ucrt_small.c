/* Small UCRT exports: __strncnt and __wcsncnt (the characters before the terminator, at most
 * count of them: strnlen's count) and __fpe_flt_rounds (FLT_ROUNDS from the SSE rounding control:
 * 0 toward zero, 1 to nearest, 2 upward, 3 downward). */
#include "crtbase.h"

#ifdef CRT_UCRT
CRTEXP size_t __strncnt(const char *s, size_t count)
{
    size_t n = 0;
    while (n < count && s[n])
        n++;
    return n;
}

CRTEXP size_t __wcsncnt(const crt_wchar *s, size_t count)
{
    size_t n = 0;
    while (n < count && s[n])
        n++;
    return n;
}

CRTEXP int __fpe_flt_rounds(void)
{
    unsigned int mxcsr;
    __asm__ volatile ("stmxcsr %0" : "=m"(mxcsr));
    static const int ROUNDS[4] = { 1, 3, 2, 0 };   /* RC: nearest, down, up, toward zero */
    return ROUNDS[(mxcsr >> 13) & 3];
}
#endif
