/* Family 9 (IDN): Punycode (RFC 3492), the Bootstring encoding IdnToAscii and IdnToUnicode put
 * after the "xn--" prefix. */
#include "kernelbase.h"
#include "idn.h"

#define BASE 36
#define TMIN 1
#define TMAX 26
#define SKEW 38
#define DAMP 700
#define INITIAL_BIAS 72
#define INITIAL_N 0x80

static UINT Adapt(UINT delta, UINT points, BOOL first)
{
    delta = first ? delta / DAMP : delta / 2;
    delta += delta / points;
    UINT k = 0;
    for (; delta > ((BASE - TMIN) * TMAX) / 2; k += BASE) delta /= BASE - TMIN;
    return k + (BASE - TMIN + 1) * delta / (delta + SKEW);
}

static WCHAR Digit(UINT d) { return (WCHAR)(d < 26 ? 'a' + d : '0' + d - 26); }

BOOL BasePunycodeEncode(const UINT *in, int n, WCHAR *out, int *outlen, int max)
{
    UINT cp = INITIAL_N, delta = 0, bias = INITIAL_BIAS;
    int len = 0, basic = 0;
    /* Step 1: the basic code points, then the delimiter. */
    for (int i = 0; i < n; i++)
        if (in[i] < 0x80) { if (len >= max) return FALSE; out[len++] = (WCHAR)in[i]; basic++; }
    if (basic) { if (len >= max) return FALSE; out[len++] = '-'; }
    /* Step 2: each remaining code point in order, as variable-length deltas. */
    for (int h = basic; h < n; ) {
        UINT m = 0xFFFFFFFF;
        for (int i = 0; i < n; i++) if (in[i] >= cp && in[i] < m) m = in[i];
        if ((m - cp) > (0xFFFFFFFF - delta) / (UINT)(h + 1)) return FALSE;
        delta += (m - cp) * (h + 1);
        cp = m;
        for (int i = 0; i < n; i++) {
            if (in[i] < cp && ++delta == 0) return FALSE;
            if (in[i] != cp) continue;
            UINT q = delta;
            for (UINT k = BASE; ; k += BASE) {
                UINT t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
                if (q < t) break;
                if (len >= max) return FALSE;
                out[len++] = Digit(t + (q - t) % (BASE - t));
                q = (q - t) / (BASE - t);
            }
            if (len >= max) return FALSE;
            out[len++] = Digit(q);
            bias = Adapt(delta, h + 1, h == basic);
            delta = 0;
            h++;
        }
        delta++; cp++;
    }
    *outlen = len;
    return TRUE;
}

BOOL BasePunycodeDecode(const WCHAR *in, int n, UINT *out, int *outlen, int max)
{
    UINT cp = INITIAL_N, i = 0, bias = INITIAL_BIAS;
    int len = 0, b = 0;
    for (int j = 0; j < n; j++) if (in[j] == '-') b = j;
    /* Step 1: the basic code points before the last delimiter. */
    for (int j = 0; j < b; j++) {
        if (in[j] >= 0x80 || len >= max) return FALSE;
        out[len++] = in[j];
    }
    /* Step 2: insert each delta-coded code point. */
    for (int pos = b > 0 ? b + 1 : 0; pos < n; ) {
        UINT oldi = i, w = 1;
        for (UINT k = BASE; ; k += BASE) {
            if (pos >= n) return FALSE;
            WCHAR c = in[pos++];
            UINT d = c >= '0' && c <= '9' ? c - '0' + 26 : c >= 'a' && c <= 'z' ? c - 'a'
                   : c >= 'A' && c <= 'Z' ? c - 'A' : BASE;
            if (d >= BASE || d > (0xFFFFFFFF - i) / w) return FALSE;
            i += d * w;
            UINT t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
            if (d < t) break;
            if (w > 0xFFFFFFFF / (BASE - t)) return FALSE;
            w *= BASE - t;
        }
        bias = Adapt(i - oldi, len + 1, oldi == 0);
        if (i / (len + 1) > 0x10FFFF - cp) return FALSE;
        cp += i / (len + 1);
        i %= len + 1;
        if (len >= max || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return FALSE;
        for (int j = len; j > (int)i; j--) out[j] = out[j - 1];
        out[i++] = cp;
        len++;
    }
    *outlen = len;
    return TRUE;
}
