/* The _l (locale) forms of the multibyte-code-page family: the multibyte code page is the
 * runtime's one (_setmbcp's), so each reads as its plain form, the locale argument unused, as the
 * other _l forms of this runtime read the global locale. Also _mbstrnlen and the _l forms of the
 * LC_CTYPE conversions (_mbstowcs_l, _mbstowcs_s_l, _mbstrlen_l). */
#include "mbcs.h"

typedef unsigned char uc;
typedef void *L;
typedef crt_wchar W;
#define PRED(name) int name(unsigned); CRTEXP int name##_l(unsigned c, L l) { (void)l; return name(c); }
#define CONV(name) unsigned name(unsigned); CRTEXP unsigned name##_l(unsigned c, L l) { (void)l; return name(c); }

PRED(_ismbbalnum)
PRED(_ismbbalpha)
PRED(_ismbbgraph)
PRED(_ismbbkalnum)
PRED(_ismbbkana)
PRED(_ismbbkprint)
PRED(_ismbbkpunct)
PRED(_ismbblead)
PRED(_ismbbprint)
PRED(_ismbbpunct)
PRED(_ismbbtrail)
#ifdef CRT_UCRT
PRED(_ismbbblank)
PRED(_ismbcblank)
#endif
PRED(_ismbcalnum)
PRED(_ismbcalpha)
PRED(_ismbcdigit)
PRED(_ismbcgraph)
PRED(_ismbchira)
PRED(_ismbckata)
PRED(_ismbcl0)
PRED(_ismbcl1)
PRED(_ismbcl2)
PRED(_ismbclegal)
PRED(_ismbclower)
PRED(_ismbcprint)
PRED(_ismbcpunct)
PRED(_ismbcspace)
PRED(_ismbcsymbol)
PRED(_ismbcupper)
CONV(_mbctolower)
CONV(_mbctoupper)
CONV(_mbctohira)
CONV(_mbctokata)
CONV(_mbcjistojms)
CONV(_mbcjmstojis)
size_t _mbclen(const uc *a);
CRTEXP size_t _mbclen_l(const uc *a, L l) { (void)l; return _mbclen(a); }
uc * _mbsinc(const uc *a);
CRTEXP uc * _mbsinc_l(const uc *a, L l) { (void)l; return _mbsinc(a); }
uc * _mbsninc(const uc *a, size_t n);
CRTEXP uc * _mbsninc_l(const uc *a, size_t n, L l) { (void)l; return _mbsninc(a, n); }
uc * _mbsdec(const uc *a, const uc *b);
CRTEXP uc * _mbsdec_l(const uc *a, const uc *b, L l) { (void)l; return _mbsdec(a, b); }
unsigned _mbsnextc(const uc *a);
CRTEXP unsigned _mbsnextc_l(const uc *a, L l) { (void)l; return _mbsnextc(a); }
int _mbsbtype(const uc *a, size_t n);
CRTEXP int _mbsbtype_l(const uc *a, size_t n, L l) { (void)l; return _mbsbtype(a, n); }
int _ismbslead(const uc *a, const uc *b);
CRTEXP int _ismbslead_l(const uc *a, const uc *b, L l) { (void)l; return _ismbslead(a, b); }
int _ismbstrail(const uc *a, const uc *b);
CRTEXP int _ismbstrail_l(const uc *a, const uc *b, L l) { (void)l; return _ismbstrail(a, b); }
int _mbccpy_s(uc *d, size_t n, int *k, const uc *s);
CRTEXP int _mbccpy_s_l(uc *d, size_t n, int *k, const uc *s, L l) { (void)l; return _mbccpy_s(d, n, k, s); }
size_t _mbslen(const uc *a);
CRTEXP size_t _mbslen_l(const uc *a, L l) { (void)l; return _mbslen(a); }
size_t _mbsnlen(const uc *a, size_t n);
CRTEXP size_t _mbsnlen_l(const uc *a, size_t n, L l) { (void)l; return _mbsnlen(a, n); }
size_t _mbsnbcnt(const uc *a, size_t n);
CRTEXP size_t _mbsnbcnt_l(const uc *a, size_t n, L l) { (void)l; return _mbsnbcnt(a, n); }
size_t _mbsnccnt(const uc *a, size_t n);
CRTEXP size_t _mbsnccnt_l(const uc *a, size_t n, L l) { (void)l; return _mbsnccnt(a, n); }
uc * _mbschr(const uc *a, unsigned c);
CRTEXP uc * _mbschr_l(const uc *a, unsigned c, L l) { (void)l; return _mbschr(a, c); }
uc * _mbsrchr(const uc *a, unsigned c);
CRTEXP uc * _mbsrchr_l(const uc *a, unsigned c, L l) { (void)l; return _mbsrchr(a, c); }
uc * _mbsstr(const uc *a, const uc *b);
CRTEXP uc * _mbsstr_l(const uc *a, const uc *b, L l) { (void)l; return _mbsstr(a, b); }
size_t _mbsspn(const uc *a, const uc *b);
CRTEXP size_t _mbsspn_l(const uc *a, const uc *b, L l) { (void)l; return _mbsspn(a, b); }
size_t _mbscspn(const uc *a, const uc *b);
CRTEXP size_t _mbscspn_l(const uc *a, const uc *b, L l) { (void)l; return _mbscspn(a, b); }
uc * _mbspbrk(const uc *a, const uc *b);
CRTEXP uc * _mbspbrk_l(const uc *a, const uc *b, L l) { (void)l; return _mbspbrk(a, b); }
uc * _mbsspnp(const uc *a, const uc *b);
CRTEXP uc * _mbsspnp_l(const uc *a, const uc *b, L l) { (void)l; return _mbsspnp(a, b); }
uc * _mbsupr(uc *a);
CRTEXP uc * _mbsupr_l(uc *a, L l) { (void)l; return _mbsupr(a); }
uc * _mbslwr(uc *a);
CRTEXP uc * _mbslwr_l(uc *a, L l) { (void)l; return _mbslwr(a); }
uc * _mbsrev(uc *a);
CRTEXP uc * _mbsrev_l(uc *a, L l) { (void)l; return _mbsrev(a); }
uc * _mbsset(uc *a, unsigned c);
CRTEXP uc * _mbsset_l(uc *a, unsigned c, L l) { (void)l; return _mbsset(a, c); }
uc * _mbsnset(uc *a, unsigned c, size_t n);
CRTEXP uc * _mbsnset_l(uc *a, unsigned c, size_t n, L l) { (void)l; return _mbsnset(a, c, n); }
uc * _mbsnbset(uc *a, unsigned c, size_t n);
CRTEXP uc * _mbsnbset_l(uc *a, unsigned c, size_t n, L l) { (void)l; return _mbsnbset(a, c, n); }
uc * _mbsncpy(uc *d, const uc *s, size_t n);
CRTEXP uc * _mbsncpy_l(uc *d, const uc *s, size_t n, L l) { (void)l; return _mbsncpy(d, s, n); }
uc * _mbsnbcpy(uc *d, const uc *s, size_t n);
CRTEXP uc * _mbsnbcpy_l(uc *d, const uc *s, size_t n, L l) { (void)l; return _mbsnbcpy(d, s, n); }
uc * _mbsncat(uc *d, const uc *s, size_t n);
CRTEXP uc * _mbsncat_l(uc *d, const uc *s, size_t n, L l) { (void)l; return _mbsncat(d, s, n); }
uc * _mbsnbcat(uc *d, const uc *s, size_t n);
CRTEXP uc * _mbsnbcat_l(uc *d, const uc *s, size_t n, L l) { (void)l; return _mbsnbcat(d, s, n); }
uc * _mbstok(uc *a, const uc *b);
CRTEXP uc * _mbstok_l(uc *a, const uc *b, L l) { (void)l; return _mbstok(a, b); }
uc * _mbstok_s(uc *a, const uc *b, uc **c);
CRTEXP uc * _mbstok_s_l(uc *a, const uc *b, uc **c, L l) { (void)l; return _mbstok_s(a, b, c); }
int _mbscpy_s(uc *d, size_t n, const uc *s);
CRTEXP int _mbscpy_s_l(uc *d, size_t n, const uc *s, L l) { (void)l; return _mbscpy_s(d, n, s); }
int _mbscat_s(uc *d, size_t n, const uc *s);
CRTEXP int _mbscat_s_l(uc *d, size_t n, const uc *s, L l) { (void)l; return _mbscat_s(d, n, s); }
int _mbsncpy_s(uc *d, size_t n, const uc *s, size_t c);
CRTEXP int _mbsncpy_s_l(uc *d, size_t n, const uc *s, size_t c, L l) { (void)l; return _mbsncpy_s(d, n, s, c); }
int _mbsnbcpy_s(uc *d, size_t n, const uc *s, size_t c);
CRTEXP int _mbsnbcpy_s_l(uc *d, size_t n, const uc *s, size_t c, L l) { (void)l; return _mbsnbcpy_s(d, n, s, c); }
int _mbsncat_s(uc *d, size_t n, const uc *s, size_t c);
CRTEXP int _mbsncat_s_l(uc *d, size_t n, const uc *s, size_t c, L l) { (void)l; return _mbsncat_s(d, n, s, c); }
int _mbsnbcat_s(uc *d, size_t n, const uc *s, size_t c);
CRTEXP int _mbsnbcat_s_l(uc *d, size_t n, const uc *s, size_t c, L l) { (void)l; return _mbsnbcat_s(d, n, s, c); }
int _mbsupr_s(uc *d, size_t n);
CRTEXP int _mbsupr_s_l(uc *d, size_t n, L l) { (void)l; return _mbsupr_s(d, n); }
int _mbslwr_s(uc *d, size_t n);
CRTEXP int _mbslwr_s_l(uc *d, size_t n, L l) { (void)l; return _mbslwr_s(d, n); }
int _mbsset_s(uc *d, size_t n, unsigned c);
CRTEXP int _mbsset_s_l(uc *d, size_t n, unsigned c, L l) { (void)l; return _mbsset_s(d, n, c); }
int _mbsnset_s(uc *d, size_t n, unsigned c, size_t k);
CRTEXP int _mbsnset_s_l(uc *d, size_t n, unsigned c, size_t k, L l) { (void)l; return _mbsnset_s(d, n, c, k); }
int _mbsnbset_s(uc *d, size_t n, unsigned c, size_t k);
CRTEXP int _mbsnbset_s_l(uc *d, size_t n, unsigned c, size_t k, L l) { (void)l; return _mbsnbset_s(d, n, c, k); }
size_t _mbstrlen(const char *a);
CRTEXP size_t _mbstrlen_l(const char *a, L l) { (void)l; return _mbstrlen(a); }
size_t mbstowcs(W *d, const char *s, size_t n);
CRTEXP size_t _mbstowcs_l(W *d, const char *s, size_t n, L l) { (void)l; return mbstowcs(d, s, n); }
int mbstowcs_s(size_t *r, W *d, size_t n, const char *s, size_t c);
CRTEXP int _mbstowcs_s_l(size_t *r, W *d, size_t n, const char *s, size_t c, L l) { (void)l; return mbstowcs_s(r, d, n, s, c); }
int _mbscmp(const uc *a, const uc *b);
CRTEXP int _mbscmp_l(const uc *a, const uc *b, L l) { (void)l; return _mbscmp(a, b); }
int _mbsicmp(const uc *a, const uc *b);
CRTEXP int _mbsicmp_l(const uc *a, const uc *b, L l) { (void)l; return _mbsicmp(a, b); }
int _mbscoll(const uc *a, const uc *b);
CRTEXP int _mbscoll_l(const uc *a, const uc *b, L l) { (void)l; return _mbscoll(a, b); }
int _mbsicoll(const uc *a, const uc *b);
CRTEXP int _mbsicoll_l(const uc *a, const uc *b, L l) { (void)l; return _mbsicoll(a, b); }
int _mbsncmp(const uc *a, const uc *b, size_t n);
CRTEXP int _mbsncmp_l(const uc *a, const uc *b, size_t n, L l) { (void)l; return _mbsncmp(a, b, n); }
int _mbsnicmp(const uc *a, const uc *b, size_t n);
CRTEXP int _mbsnicmp_l(const uc *a, const uc *b, size_t n, L l) { (void)l; return _mbsnicmp(a, b, n); }
int _mbsnbcmp(const uc *a, const uc *b, size_t n);
CRTEXP int _mbsnbcmp_l(const uc *a, const uc *b, size_t n, L l) { (void)l; return _mbsnbcmp(a, b, n); }
int _mbsnbicmp(const uc *a, const uc *b, size_t n);
CRTEXP int _mbsnbicmp_l(const uc *a, const uc *b, size_t n, L l) { (void)l; return _mbsnbicmp(a, b, n); }
int _mbsncoll(const uc *a, const uc *b, size_t n);
CRTEXP int _mbsncoll_l(const uc *a, const uc *b, size_t n, L l) { (void)l; return _mbsncoll(a, b, n); }
int _mbsnicoll(const uc *a, const uc *b, size_t n);
CRTEXP int _mbsnicoll_l(const uc *a, const uc *b, size_t n, L l) { (void)l; return _mbsnicoll(a, b, n); }
int _mbsnbcoll(const uc *a, const uc *b, size_t n);
CRTEXP int _mbsnbcoll_l(const uc *a, const uc *b, size_t n, L l) { (void)l; return _mbsnbcoll(a, b, n); }
int _mbsnbicoll(const uc *a, const uc *b, size_t n);
CRTEXP int _mbsnbicoll_l(const uc *a, const uc *b, size_t n, L l) { (void)l; return _mbsnbicoll(a, b, n); }

CRTEXP void _mbccpy_l(uc *d, const uc *s, L l)
{
    (void)l;
    void _mbccpy(uc *, const uc *);
    _mbccpy(d, s);
}

#ifdef CRT_UCRT
int _mbbtype(unsigned char, int);
CRTEXP int _mbbtype_l(unsigned char c, int type, L l) { (void)l; return _mbbtype(c, type); }
#endif

/* _mbstrnlen: the characters (LC_CTYPE's code page) in the first max bytes of s; -1 (EILSEQ) for
 * an invalid character, -1 (EINVAL) for a NULL s or a max above INT_MAX. */
#include "secure.h"
int mblen(const char *, size_t);
CRTEXP size_t _mbstrnlen(const char *s, size_t max)
{
    if (s == NULL || max > 0x7FFFFFFF) {
        crt_invalid_parameter(CRT_EINVAL);
        return (size_t)-1;
    }
    size_t n = 0, i = 0;
    while (i < max && s[i]) {
        int len = mblen(s + i, max - i);
        if (len < 0) {
            crt_errno = CRT_EILSEQ;
            return (size_t)-1;
        }
        i += (size_t)len;
        n++;
    }
    return n;
}
CRTEXP size_t _mbstrnlen_l(const char *s, size_t max, L l) { (void)l; return _mbstrnlen(s, max); }
