/* The locale facts old programs read from the runtime: ___lc_collate_cp_func (both runtimes),
 * the UCRT's ___lc_locale_name_func, and
 * msvcrt.dll's data __lc_codepage, __lc_collate_cp and __lc_handle (an LCID per category, indexed
 * by LC_ number) with ___lc_handle_func, kept as setlocale leaves them ("C": 0 everywhere). And
 * msvcrt's __crt* wrappers of the NLS calls: __crtLCMapStringA maps through the code page it is
 * given (0: LC_CTYPE's, then the ANSI one) as LCMapStringW does, the others pass straight on. */
#include "crtwin.h"
#include "locstate.h"

CRTEXP int ___lc_collate_cp_func(void) { return (int)crt_locale.collate_cp; }

#ifndef CRT_MSVCRT
/* The UCRT's ___lc_locale_name_func: a locale name per category, indexed by LC_ number, NULL
 * where the category is "C" (the one named locale is English (United States): L"en-US"). */
static crt_wchar en_us[] = { 'e', 'n', '-', 'U', 'S', 0 };
static crt_wchar *locale_names[6];

void crt_locale_data_changed(void)
{
    for (int i = 0; i < 6; i++)
        locale_names[i] = crt_locale.lcid[i] ? en_us : NULL;
}

CRTEXP crt_wchar **___lc_locale_name_func(void) { return locale_names; }
#else
typedef crt_wchar W;
WINBASEAPI int WINAPI LCMapStringW(DWORD, DWORD, const W *, int, W *, int);
WINBASEAPI int WINAPI CompareStringA(DWORD, DWORD, const char *, int, const char *, int);
WINBASEAPI int WINAPI CompareStringW(DWORD, DWORD, const W *, int, const W *, int);
WINBASEAPI int WINAPI GetLocaleInfoW(DWORD, DWORD, W *, int);
WINBASEAPI BOOL WINAPI GetStringTypeW(DWORD, const W *, int, unsigned short *);
WINBASEAPI int WINAPI MultiByteToWideChar(unsigned, DWORD, const char *, int, W *, int);
WINBASEAPI int WINAPI WideCharToMultiByte(unsigned, DWORD, const W *, int, char *, int, const char *, BOOL *);
void *malloc(size_t);
void free(void *);
#define LCMAP_SORTKEY 0x400

CRTEXP unsigned int __lc_codepage;
CRTEXP int __lc_collate_cp;
CRTEXP unsigned long __lc_handle[6];

void crt_locale_data_changed(void)
{
    __lc_codepage = crt_locale.codepage;
    __lc_collate_cp = (int)crt_locale.collate_cp;
    for (int i = 0; i < 6; i++)
        __lc_handle[i] = crt_locale.lcid[i];
}

CRTEXP unsigned long *___lc_handle_func(void) { return __lc_handle; }

/* The source (srclen characters, -1: up to its NUL) widened through the code page, mapped, and
 * narrowed back; a sort key is bytes already. dstlen 0 asks for the size needed. */
CRTEXP int __crtLCMapStringA(DWORD lcid, DWORD flags, const char *src, int srclen, char *dst, int dstlen,
                             unsigned codepage, int xflag)
{
    (void)xflag;
    if (codepage == 0)
        codepage = crt_locale.codepage;
    int wlen = MultiByteToWideChar(codepage, 0, src, srclen, NULL, 0);
    W *wsrc = wlen > 0 ? malloc((size_t)wlen * sizeof(W)) : NULL;
    int r = 0;
    if (wsrc && MultiByteToWideChar(codepage, 0, src, srclen, wsrc, wlen)) {
        if (flags & LCMAP_SORTKEY) {
            r = LCMapStringW(lcid, flags, wsrc, wlen, (W *)dst, dstlen);
        } else {
            int mlen = LCMapStringW(lcid, flags, wsrc, wlen, NULL, 0);
            W *mapped = mlen > 0 ? malloc((size_t)mlen * sizeof(W)) : NULL;
            if (mapped && LCMapStringW(lcid, flags, wsrc, wlen, mapped, mlen))
                r = WideCharToMultiByte(codepage, 0, mapped, mlen, dstlen ? dst : NULL, dstlen, NULL, NULL);
            free(mapped);
        }
    }
    free(wsrc);
    return r;
}

CRTEXP int __crtLCMapStringW(DWORD lcid, DWORD flags, const W *src, int srclen, W *dst, int dstlen,
                             unsigned codepage, int xflag)
{
    (void)codepage; (void)xflag;
    return LCMapStringW(lcid, flags, src, srclen, dst, dstlen);
}

CRTEXP int __crtCompareStringA(DWORD lcid, DWORD flags, const char *a, int alen, const char *b, int blen)
{
    return CompareStringA(lcid, flags, a, alen, b, blen);
}

CRTEXP int __crtCompareStringW(DWORD lcid, DWORD flags, const W *a, int alen, const W *b, int blen)
{
    return CompareStringW(lcid, flags, a, alen, b, blen);
}

CRTEXP int __crtGetLocaleInfoW(DWORD lcid, DWORD type, W *buf, int len)
{
    return GetLocaleInfoW(lcid, type, buf, len);
}

/* The first argument is unused (msvcrt.dll ignores it too). */
CRTEXP BOOL __crtGetStringTypeW(DWORD unused, DWORD type, const W *src, int len, unsigned short *out)
{
    (void)unused;
    return GetStringTypeW(type, src, len, out);
}
#endif
