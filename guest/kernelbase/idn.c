/* Family 9 (IDN): IdnToAscii, IdnToUnicode and IdnToNameprepUnicode, IDNA2003 (RFC 3490) over
 * nameprep (RFC 3491: B.1 removal, B.2 case folding, NFKC, the prohibited tables, unassigned code
 * points unless IDN_ALLOW_UNASSIGNED, the bidirectional rule) and Punycode. Labels are split on
 * '.', U+3002, U+FF0E and U+FF61; a label breaking a rule (empty, longer than 63 characters,
 * prohibited characters, STD3 rules with IDN_USE_STD3_ASCII_RULES, a bad "xn--" label) fails the
 * call with ERROR_INVALID_NAME. IDN_RAW_PUNYCODE skips nameprep; with IDN_EMAIL_ADDRESS the part
 * before the last '@' must be ASCII and is kept as it is. */
#define _NORMALIZE_                     /* winnls.h: declare the IDN API without dllimport */
#include "kernelbase.h"
#include "idn.h"
#include "normalize.h"

#define MAX_LABEL 63
#define MAX_NAME 255
#define MAX_INPUT 320                   /* longer input cannot give a name of MAX_NAME */
#define IDN_ALL_FLAGS (IDN_ALLOW_UNASSIGNED | IDN_USE_STD3_ASCII_RULES | IDN_EMAIL_ADDRESS | IDN_RAW_PUNYCODE)
enum { TO_ASCII, TO_UNICODE, TO_NAMEPREP };

static BOOL InRanges(const UINT *r, UINT count, UINT c)
{
    int lo = 0, hi = (int)count - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (c < r[2 * mid]) hi = mid - 1;
        else if (c > r[2 * mid + 1]) lo = mid + 1;
        else return TRUE;
    }
    return FALSE;
}

static BOOL InList(const UINT *list, UINT count, UINT c)
{
    int lo = 0, hi = (int)count - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (list[mid] == c) return TRUE;
        if (list[mid] < c) lo = mid + 1; else hi = mid - 1;
    }
    return FALSE;
}

static const WCHAR *CaseFold(UINT c)
{
    int lo = 0, hi = (int)BaseNameprepB2Count - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (BaseNameprepB2[mid].Code == c) return &BaseNameprepB2Pool[BaseNameprepB2[mid].Offset];
        if (BaseNameprepB2[mid].Code < c) lo = mid + 1; else hi = mid - 1;
    }
    return NULL;
}

static BOOL IsDot(UINT c) { return c == '.' || c == 0x3002 || c == 0xFF0E || c == 0xFF61; }

/* Nameprep of one label in place (buf holds up to max code points); FALSE if it is invalid. */
static BOOL Nameprep(DWORD flags, UINT *buf, int *n, int max)
{
    /* Step 1: map (B.1 to nothing, B.2 case folding). */
    UINT mapped[2 * (MAX_NAME + 1)];
    int m = 0;
    for (int i = 0; i < *n; i++) {
        if (InList(BaseNameprepB1, BaseNameprepB1Count, buf[i])) continue;
        const WCHAR *f = CaseFold(buf[i]);
        if (!f) { if (m >= (int)ARRAYSIZE(mapped)) return FALSE; mapped[m++] = buf[i]; continue; }
        for (int k = 1; k <= f[0]; k++) {
            UINT u = f[k];
            if (u >= 0xD800 && u <= 0xDBFF) { u = 0x10000 + ((u - 0xD800) << 10) + (f[k + 1] - 0xDC00); k++; }
            if (m >= (int)ARRAYSIZE(mapped)) return FALSE;
            mapped[m++] = u;
        }
    }
    /* Step 2: NFKC. */
    UINT *norm; int len;
    if (!BaseNormalizeCodes(NormalizationKC, mapped, m, &norm, &len)) return FALSE;
    BOOL ok = len <= max;
    /* Steps 3-5: prohibited and unassigned code points, the bidirectional rule. */
    BOOL randal = FALSE, lcat = FALSE;
    for (int i = 0; ok && i < len; i++) {
        UINT c = norm[i];
        if (InRanges(BaseNameprepProhibited, BaseNameprepProhibitedCount, c)) ok = FALSE;
        if (!(flags & IDN_ALLOW_UNASSIGNED) && InRanges(BaseNameprepUnassigned, BaseNameprepUnassignedCount, c)) ok = FALSE;
        if (InRanges(BaseNameprepRandAL, BaseNameprepRandALCount, c)) randal = TRUE;
        if (InRanges(BaseNameprepL, BaseNameprepLCount, c)) lcat = TRUE;
    }
    if (ok && randal && (lcat || !InRanges(BaseNameprepRandAL, BaseNameprepRandALCount, norm[0])
                         || !InRanges(BaseNameprepRandAL, BaseNameprepRandALCount, norm[len - 1])))
        ok = FALSE;
    if (ok) { for (int i = 0; i < len; i++) buf[i] = norm[i]; *n = len; }
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, norm);
    return ok;
}

static BOOL AllAscii(const UINT *s, int n)
{
    for (int i = 0; i < n; i++) if (s[i] >= 0x80) return FALSE;
    return TRUE;
}

/* STD3 ASCII rules: letters, digits and hyphens, no hyphen first or last. */
static BOOL Std3(const UINT *s, int n)
{
    for (int i = 0; i < n; i++) {
        UINT c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return FALSE;
    }
    return n == 0 || (s[0] != '-' && s[n - 1] != '-');
}

static BOOL HasAcePrefix(const UINT *s, int n)
{
    return n >= 4 && (s[0] | 0x20) == 'x' && (s[1] | 0x20) == 'n' && s[2] == '-' && s[3] == '-';
}

/* RFC 3490 ToASCII of one label into out (ASCII, at most MAX_LABEL); its length or -1. */
static int LabelToAscii(DWORD flags, const UINT *in, int n, WCHAR *out)
{
    UINT buf[MAX_NAME + 1] = { 0 };
    if (n > MAX_NAME) return -1;
    for (int i = 0; i < n; i++) buf[i] = in[i];
    /* Nameprep every label, ASCII ones too (their letters come out lowercase, as Windows gives them). */
    if (!(flags & IDN_RAW_PUNYCODE) && !Nameprep(flags, buf, &n, MAX_NAME)) return -1;
    if ((flags & IDN_USE_STD3_ASCII_RULES) && !Std3(buf, n)) return -1;
    int len = n;
    if (AllAscii(buf, n)) {
        if (n > MAX_LABEL) return -1;
        for (int i = 0; i < n; i++) out[i] = (WCHAR)buf[i];
    } else {
        if (HasAcePrefix(buf, n)) return -1;
        out[0] = 'x'; out[1] = 'n'; out[2] = '-'; out[3] = '-';
        if (!BasePunycodeEncode(buf, n, out + 4, &len, MAX_LABEL - 4)) return -1;
        len += 4;
    }
    return len;
}

/* RFC 3490 ToUnicode of one label into out (code points, room for MAX_NAME); its length or -1. */
static int LabelToUnicode(DWORD flags, const UINT *in, int n, UINT *out)
{
    if (n > MAX_NAME) return -1;
    for (int i = 0; i < n; i++) out[i] = in[i];
    if (!AllAscii(out, n) && !Nameprep(flags, out, &n, MAX_NAME)) return -1;
    if (!HasAcePrefix(out, n)) return n;
    WCHAR ace[MAX_LABEL];
    int len;
    for (int i = 0; i < n - 4 && i < MAX_LABEL; i++) ace[i] = (WCHAR)out[i + 4];
    if (n - 4 > MAX_LABEL || !BasePunycodeDecode(ace, n - 4, out, &len, MAX_NAME)) return -1;
    /* The decoded label must give the same ACE label back. */
    WCHAR again[MAX_LABEL];
    int alen = LabelToAscii(flags, out, len, again);
    if (alen != n) return -1;
    for (int i = 0; i < n; i++) {
        WCHAR a = again[i], b = (WCHAR)in[i];
        if (a >= 'A' && a <= 'Z') a |= 0x20;
        if (b >= 'A' && b <= 'Z') b |= 0x20;
        if (a != b) return -1;
    }
    return len;
}

static int Emit(UINT c, LPWSTR dst, int dstlen, int w)
{
    int units = c >= 0x10000 ? 2 : 1;
    if (dstlen && w + units <= dstlen) {
        if (units == 2) { dst[w] = (WCHAR)(0xD800 + ((c - 0x10000) >> 10)); dst[w + 1] = (WCHAR)(0xDC00 + (c & 0x3FF)); }
        else dst[w] = (WCHAR)c;
    }
    return w + units;
}

static int Convert(int mode, DWORD flags, LPCWSTR src, int srclen, LPWSTR dst, int dstlen)
{
    if (flags & ~(DWORD)IDN_ALL_FLAGS) { SetLastError(ERROR_INVALID_FLAGS); return 0; }
    if (src == NULL || srclen == 0 || srclen < -1 || dstlen < 0 || (dstlen && dst == NULL)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    BOOL terminated = srclen == -1;
    if (terminated) srclen = (int)wcslen(src) + 1;
    else if (src[srclen - 1] == 0) terminated = TRUE;
    int n = terminated ? srclen - 1 : srclen;
    if (n > MAX_INPUT) { SetLastError(ERROR_INVALID_NAME); return 0; }
    UINT codes[MAX_INPUT];
    int k = 0;
    for (int i = 0; i < n; i++) {
        UINT c = src[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && src[i + 1] >= 0xDC00 && src[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (src[i + 1] - 0xDC00);
            i++;
        } else if ((c >= 0xD800 && c <= 0xDFFF) || c == 0) {
            SetLastError(c ? ERROR_NO_UNICODE_TRANSLATION : ERROR_INVALID_NAME);
            return 0;
        }
        codes[k++] = c;
    }
    int w = 0, start = 0, first;
    /* IDN_EMAIL_ADDRESS: an ASCII local part is kept, the domain after the last '@' converted. */
    if (flags & IDN_EMAIL_ADDRESS) {
        int at = -1;
        for (int i = 0; i < k; i++) if (codes[i] == '@') at = i;
        if (at >= 0) {
            if (!AllAscii(codes, at)) { SetLastError(ERROR_INVALID_NAME); return 0; }
            for (int i = 0; i <= at; i++) w = Emit(codes[i], dst, dstlen, w);
            start = at + 1;
        }
    }
    first = start;
    /* One label at a time; only the last label may be empty (the root's trailing dot). */
    for (int i = start; i <= k; i++) {
        if (i < k && !IsDot(codes[i])) continue;
        int len = i - start;
        if (len == 0 && !(i == k && start > first)) { SetLastError(ERROR_INVALID_NAME); return 0; }
        if (mode == TO_ASCII) {
            WCHAR label[MAX_LABEL];
            int n2 = LabelToAscii(flags, codes + start, len, label);
            if (n2 < 0 || (len && n2 == 0)) { SetLastError(ERROR_INVALID_NAME); return 0; }
            for (int j = 0; j < n2; j++) w = Emit(label[j], dst, dstlen, w);
        } else {
            UINT label[MAX_NAME];
            int n2;
            if (mode == TO_UNICODE) n2 = LabelToUnicode(flags, codes + start, len, label);
            else {
                n2 = len;
                for (int j = 0; j < len; j++) label[j] = codes[start + j];
                if (!Nameprep(flags, label, &n2, MAX_NAME) || ((flags & IDN_USE_STD3_ASCII_RULES) && !Std3(label, n2)))
                    n2 = -1;
            }
            if (n2 < 0 || (len && n2 == 0)) { SetLastError(ERROR_INVALID_NAME); return 0; }
            for (int j = 0; j < n2; j++) w = Emit(label[j], dst, dstlen, w);
        }
        if (i < k) w = Emit('.', dst, dstlen, w);
        start = i + 1;
    }
    if (mode == TO_ASCII && w > MAX_NAME) { SetLastError(ERROR_INVALID_NAME); return 0; }
    if (terminated) w = Emit(0, dst, dstlen, w);
    if (dstlen && w > dstlen) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    return w;
}

KBAPI int WINAPI IdnToAscii(DWORD flags, LPCWSTR src, int srclen, LPWSTR dst, int dstlen)
{
    return Convert(TO_ASCII, flags, src, srclen, dst, dstlen);
}

KBAPI int WINAPI IdnToUnicode(DWORD flags, LPCWSTR src, int srclen, LPWSTR dst, int dstlen)
{
    return Convert(TO_UNICODE, flags, src, srclen, dst, dstlen);
}

KBAPI int WINAPI IdnToNameprepUnicode(DWORD flags, LPCWSTR src, int srclen, LPWSTR dst, int dstlen)
{
    return Convert(TO_NAMEPREP, flags, src, srclen, dst, dstlen);
}
