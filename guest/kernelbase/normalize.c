/* Family 9 (strings): NormalizeString and IsNormalizedString, Unicode normalization forms C, D,
 * KC and KD (UAX #15) over the tables tools/gen_normalize.py generates: full decomposition
 * (Hangul syllables algorithmically), canonical ordering, then canonical composition for C/KC.
 * Unpaired surrogates are invalid Unicode (ERROR_NO_UNICODE_TRANSLATION). */
#define _NORMALIZE_                     /* winnls.h: declare the normalization API without dllimport */
#include "kernelbase.h"
#include "normalize.h"

#define SBASE 0xAC00
#define LBASE 0x1100
#define VBASE 0x1161
#define TBASE 0x11A7
#define LCOUNT 19
#define VCOUNT 21
#define TCOUNT 28
#define NCOUNT (VCOUNT * TCOUNT)
#define SCOUNT (LCOUNT * NCOUNT)

static int CombiningClass(UINT c)
{
    int lo = 0, hi = (int)BaseCombiningClassCount - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        UINT code = BaseCombiningClass[mid] >> 8;
        if (code == c) return BaseCombiningClass[mid] & 0xFF;
        if (code < c) lo = mid + 1; else hi = mid - 1;
    }
    return 0;
}

/* The pool offset of c's full decomposition in the form asked for, or 0. */
static USHORT Decomposition(UINT c, BOOL compat)
{
    int lo = 0, hi = (int)BaseDecompCount - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        const NORM_DECOMP *d = &BaseDecomp[mid];
        if (d->Code == c) return compat && d->Compatible ? d->Compatible : d->Canonical;
        if (d->Code < c) lo = mid + 1; else hi = mid - 1;
    }
    return 0;
}

/* The primary composite of (a, b), or 0. */
static UINT Composite(UINT a, UINT b)
{
    if (a >= LBASE && a < LBASE + LCOUNT && b >= VBASE && b < VBASE + VCOUNT)
        return SBASE + ((a - LBASE) * VCOUNT + (b - VBASE)) * TCOUNT;
    if (a >= SBASE && a < SBASE + SCOUNT && (a - SBASE) % TCOUNT == 0 && b > TBASE && b < TBASE + TCOUNT)
        return a + (b - TBASE);
    int lo = 0, hi = (int)BaseComposeCount - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        const NORM_COMPOSE *p = &BaseCompose[mid];
        if (p->First == a && p->Second == b) return p->Composite;
        if (p->First < a || (p->First == a && p->Second < b)) lo = mid + 1; else hi = mid - 1;
    }
    return 0;
}

/* Step 1: c's full decomposition into out (NULL: count only); its length in code points. */
static int Decompose(UINT c, BOOL compat, UINT *out)
{
    if (c >= SBASE && c < SBASE + SCOUNT) {
        UINT s = c - SBASE, t = s % TCOUNT;
        if (out) { out[0] = LBASE + s / NCOUNT; out[1] = VBASE + (s % NCOUNT) / TCOUNT; if (t) out[2] = TBASE + t; }
        return t ? 3 : 2;
    }
    USHORT off = Decomposition(c, compat);
    if (!off) { if (out) out[0] = c; return 1; }
    const WCHAR *p = &BaseDecompPool[off + 1];
    int units = BaseDecompPool[off], n = 0;
    for (int i = 0; i < units; i++, n++) {
        UINT u = p[i];
        if (u >= 0xD800 && u <= 0xDBFF) { u = 0x10000 + ((u - 0xD800) << 10) + (p[i + 1] - 0xDC00); i++; }
        if (out) out[n] = u;
    }
    return n;
}

BOOL BaseNormalizeCodes(NORM_FORM form, const UINT *src, int n, UINT **out, int *outlen)
{
    BOOL compat = form == NormalizationKC || form == NormalizationKD;
    int total = 0;
    for (int i = 0; i < n; i++) total += Decompose(src[i], compat, NULL);
    UINT *buf = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (SIZE_T)(total ? total : 1) * sizeof(UINT));
    if (!buf) return FALSE;
    int len = 0;
    for (int i = 0; i < n; i++) len += Decompose(src[i], compat, buf + len);
    /* Step 2: canonical ordering, a stable sort of each run of non-starters by class. */
    for (int i = 1; i < len; i++) {
        int cc = CombiningClass(buf[i]);
        if (!cc) continue;
        for (int j = i; j > 0 && CombiningClass(buf[j - 1]) > cc; j--) {
            UINT t = buf[j]; buf[j] = buf[j - 1]; buf[j - 1] = t;
        }
    }
    /* Step 3 (C, KC): canonical composition of each unblocked character with the last starter. */
    if (len && (form == NormalizationC || form == NormalizationKC)) {
        int starter = CombiningClass(buf[0]) ? -1 : 0, lastcc = 0, w = 1;
        for (int i = 1; i < len; i++) {
            UINT c = buf[i];
            int cc = CombiningClass(c);
            if (starter >= 0 && (w - 1 == starter || lastcc < cc)) {
                UINT comp = Composite(buf[starter], c);
                if (comp) { buf[starter] = comp; continue; }
            }
            if (!cc) starter = w;
            lastcc = cc;
            buf[w++] = c;
        }
        len = w;
    }
    *out = buf;
    *outlen = len;
    return TRUE;
}

/* UTF-16 -> code points (out has n entries); the count, or -(index + 1) of an unpaired surrogate. */
static int DecodeUtf16(LPCWSTR s, int n, UINT *out)
{
    int k = 0;
    for (int i = 0; i < n; i++) {
        UINT c = s[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
            i++;
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            return -(i + 1);
        }
        out[k++] = c;
    }
    return k;
}

/* The shared front half: validate, decode and normalize; FALSE with the last error set. */
static BOOL NormalizeToCodes(NORM_FORM form, LPCWSTR src, int *srclen, UINT **codes, int *n, int *badindex)
{
    *badindex = -1;
    if ((form != NormalizationC && form != NormalizationD && form != NormalizationKC && form != NormalizationKD)
        || src == NULL || *srclen < -1) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (*srclen == -1) *srclen = (int)wcslen(src) + 1;
    UINT *in = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (SIZE_T)(*srclen ? *srclen : 1) * sizeof(UINT));
    if (!in) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    int k = DecodeUtf16(src, *srclen, in);
    if (k < 0) {
        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, in);
        *badindex = -k - 1;
        SetLastError(ERROR_NO_UNICODE_TRANSLATION);
        return FALSE;
    }
    BOOL ok = BaseNormalizeCodes(form, in, k, codes, n);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, in);
    if (!ok) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return ok;
}

static int Utf16Length(const UINT *codes, int n)
{
    int units = 0;
    for (int i = 0; i < n; i++) units += codes[i] >= 0x10000 ? 2 : 1;
    return units;
}

KBAPI int WINAPI NormalizeString(NORM_FORM form, LPCWSTR src, int srclen, LPWSTR dst, int dstlen)
{
    if (dstlen < 0 || (dstlen && dst == NULL)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    UINT *codes; int n, bad;
    if (!NormalizeToCodes(form, src, &srclen, &codes, &n, &bad))
        return bad >= 0 ? -bad : 0;
    int units = Utf16Length(codes, n);
    if (dstlen && units > dstlen) {
        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, codes);
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return -units;
    }
    if (dstlen) {
        int w = 0;
        for (int i = 0; i < n; i++) {
            UINT c = codes[i];
            if (c >= 0x10000) { dst[w++] = (WCHAR)(0xD800 + ((c - 0x10000) >> 10)); dst[w++] = (WCHAR)(0xDC00 + (c & 0x3FF)); }
            else dst[w++] = (WCHAR)c;
        }
    }
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, codes);
    if (!units) SetLastError(ERROR_SUCCESS);    /* succeeded, but nothing came out */
    return units;
}

KBAPI BOOL WINAPI IsNormalizedString(NORM_FORM form, LPCWSTR str, int len)
{
    UINT *codes; int n, bad;
    if (!NormalizeToCodes(form, str, &len, &codes, &n, &bad))
        return FALSE;
    /* Normalized exactly when normalizing changes nothing. */
    BOOL same = Utf16Length(codes, n) == len;
    for (int i = 0, w = 0; same && i < n; i++) {
        UINT c = codes[i];
        if (c >= 0x10000) same = str[w] == 0xD800 + ((c - 0x10000) >> 10) && str[w + 1] == 0xDC00 + (c & 0x3FF), w += 2;
        else same = str[w++] == c;
    }
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, codes);
    if (!same) SetLastError(ERROR_SUCCESS);
    return same;
}
