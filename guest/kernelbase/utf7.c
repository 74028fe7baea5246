/* Family 9, UTF-7 (CP_UTF7, 65000) for MultiByteToWideChar and WideCharToMultiByte, RFC 2152 as
 * Windows applies it.
 * Encoding: the directly encoded set is A-Z a-z 0-9 ' ( ) , - . / : ? space tab CR LF and NUL; '+'
 * becomes "+-"; every other UTF-16 unit goes into a "+...-" run of base64 (the 16 bits of each unit
 * in turn, the last group padded with zero bits), which any directly encoded character ends, and
 * which always closes with '-'. The padded last group and its '-' are written together or not at
 * all when the buffer runs out.
 * Decoding: bytes outside a run are their own values; "+-" is '+'; '+' before a byte that is no
 * base64 digit is dropped; a run collects 6 bits per digit ('+' counts as digit 62 inside it) and
 * gives a unit per 16 bits. '-' ends a run and is consumed; another ASCII byte ends it and drops the
 * unfinished bits; a byte above 0x7F ends it but keeps them for the next run. */
#include "kernelbase.h"
#include "utf7.h"

static const char Base64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static BOOL Direct(WCHAR c)
{
    if (c >= 0x80) return FALSE;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return TRUE;
    switch (c) {
    case 0: case '\t': case '\n': case '\r': case ' ': case '\'': case '(': case ')': case ',': case '-':
    case '.': case '/': case ':': case '?':
        return TRUE;
    }
    return FALSE;
}

static int Digit(BYTE b)
{
    if (b >= 'A' && b <= 'Z') return b - 'A';
    if (b >= 'a' && b <= 'z') return b - 'a' + 26;
    if (b >= '0' && b <= '9') return b - '0' + 52;
    return b == '+' ? 62 : b == '/' ? 63 : -1;
}

#define PUT(v) do { if (dstlen) { if (out >= dstlen) goto full; dst[out] = (v); } out++; } while (0)

int BaseUnicodeToUtf7(LPCWSTR src, int srclen, LPSTR dst, int dstlen)
{
    int out = 0;
    for (int i = 0; i < srclen; ) {
        WCHAR c = src[i];
        if (c == '+') { PUT('+'); PUT('-'); i++; continue; }
        if (Direct(c)) { PUT((char)c); i++; continue; }
        /* A run: the units that are neither direct nor '+'. */
        PUT('+');
        ULONG bits = 0;
        int nbits = 0;
        while (i < srclen && !Direct(src[i]) && src[i] != '+') {
            bits = (bits << 16) | src[i++];
            nbits += 16;
            while (nbits >= 6) {
                nbits -= 6;
                PUT(Base64[(bits >> nbits) & 63]);
            }
            bits &= (1u << nbits) - 1;
        }
        if (dstlen && out + (nbits ? 2 : 1) > dstlen) goto full;
        if (nbits) PUT(Base64[(bits << (6 - nbits)) & 63]);
        PUT('-');
    }
    return out;
full:
    SetLastError(ERROR_INSUFFICIENT_BUFFER);
    return 0;
}

int BaseUtf7ToUnicode(LPCSTR src, int srclen, LPWSTR dst, int dstlen)
{
    const BYTE *s = (const BYTE *)src;
    int out = 0, i = 0, nbits = 0;
    ULONG bits = 0;
    while (i < srclen) {
        if (s[i] != '+') { PUT(s[i]); i++; continue; }
        if (++i >= srclen) break;                       /* a '+' that ends the input: nothing */
        if (s[i] == '-') { PUT('+'); i++; continue; }
        if (Digit(s[i]) < 0) continue;                  /* a stray '+' is dropped */
        while (i < srclen && Digit(s[i]) >= 0) {
            bits = ((bits << 6) | (ULONG)Digit(s[i++])) & 0x3FFFFF;
            nbits += 6;
            if (nbits >= 16) {
                nbits -= 16;
                PUT((WCHAR)(bits >> nbits));
                bits &= (1u << nbits) - 1;
            }
        }
        if (i < srclen && s[i] < 0x80) {                /* '-' or another ASCII byte ends the run */
            bits = 0;
            nbits = 0;
            if (s[i] == '-') i++;
        }
    }
    return out;
full:
    SetLastError(ERROR_INSUFFICIENT_BUFFER);
    return 0;
}
