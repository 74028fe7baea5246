/* Family 9 (code pages): MultiByteToWideChar / WideCharToMultiByte for 1252 (the ACP), 437 (the
 * OEM code page), 28591 (ISO 8859-1) and UTF-8, with Windows' flag checks and failure rules
 * (ERROR_INSUFFICIENT_BUFFER, ERROR_INVALID_FLAGS, ERROR_NO_UNICODE_TRANSLATION, default
 * characters); GetACP/GetOEMCP, GetCPInfo(Ex), IsValidCodePage, IsDBCSLeadByte(Ex).
 * UTF-7 is utf7.c's, the double-byte code pages 932/936/949/950 cp_dbcs.c's. Not done: best-fit
 * mappings and the other code pages. */
#include "kernelbase.h"
#include "utf7.h"
#include "cp_dbcs.h"

static const WCHAR Cp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
    0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, 0x009D, 0x017E, 0x0178,
};

static const WCHAR Cp437High[128] = {
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7, 0x00EA, 0x00EB, 0x00E8, 0x00EF, 0x00EE, 0x00EC,
    0x00C4, 0x00C5, 0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9, 0x00FF, 0x00D6, 0x00DC, 0x00A2,
    0x00A3, 0x00A5, 0x20A7, 0x0192, 0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1, 0x00AA, 0x00BA, 0x00BF, 0x2310,
    0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB, 0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556,
    0x2555, 0x2563, 0x2551, 0x2557, 0x255D, 0x255C, 0x255B, 0x2510, 0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C,
    0x255E, 0x255F, 0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x2567, 0x2568, 0x2564, 0x2565, 0x2559,
    0x2558, 0x2552, 0x2553, 0x256B, 0x256A, 0x2518, 0x250C, 0x2588, 0x2584, 0x258C, 0x2590, 0x2580, 0x03B1, 0x00DF,
    0x0393, 0x03C0, 0x03A3, 0x03C3, 0x00B5, 0x03C4, 0x03A6, 0x0398, 0x03A9, 0x03B4, 0x221E, 0x03C6, 0x03B5, 0x2229,
    0x2261, 0x00B1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00F7, 0x2248, 0x00B0, 0x2219, 0x00B7, 0x221A, 0x207F, 0x00B2,
    0x25A0, 0x00A0,
};

/* A code page's 256 UTF-16 values, or NULL for UTF-8 / unknown. */
static UINT Resolve(UINT cp)
{
    switch (cp) {
    case CP_ACP: case CP_THREAD_ACP: return 1252;
    case CP_OEMCP: return 437;
    case CP_MACCP: return 10000;
    default: return cp;
    }
}

static BOOL IsSingleByte(UINT cp) { return cp == 1252 || cp == 437 || cp == 28591; }

static WCHAR ByteToUnicode(UINT cp, BYTE b)
{
    if (b < 0x80) return b;
    if (cp == 437) return Cp437High[b - 0x80];
    if (cp == 1252 && b < 0xA0) return Cp1252High[b - 0x80];
    return b;
}

static int UnicodeToByte(UINT cp, WCHAR w)
{
    if (w < 0x80) return w;
    if (cp == 28591) return w <= 0xFF ? w : -1;
    if (cp == 1252) {
        if (w >= 0xA0 && w <= 0xFF) return w;
        for (int i = 0; i < 32; i++) if (Cp1252High[i] == w) return 0x80 + i;
        return -1;
    }
    for (int i = 0; i < 128; i++) if (Cp437High[i] == w) return 0x80 + i;
    return -1;
}

KBAPI UINT WINAPI GetACP(void) { return 1252; }
KBAPI UINT WINAPI GetOEMCP(void) { return 437; }

KBAPI BOOL WINAPI IsValidCodePage(UINT cp)
{
    return IsSingleByte(cp) || cp == CP_UTF8 || cp == CP_UTF7 || BaseDbcsTable(cp) != NULL;
}

KBAPI BOOL WINAPI GetCPInfo(UINT cp, LPCPINFO info)
{
    cp = Resolve(cp);
    if (info == NULL || !IsValidCodePage(cp)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    memset(info, 0, sizeof(*info));
    info->MaxCharSize = cp == CP_UTF8 ? 4 : cp == CP_UTF7 ? 5 : 1;
    info->DefaultChar[0] = '?';
    const DBCS_TABLE *t = BaseDbcsTable(cp);
    if (t) {
        info->MaxCharSize = 2;
        memcpy(info->LeadByte, t->LeadRanges, sizeof(t->LeadRanges));
    }
    return TRUE;
}

KBAPI BOOL WINAPI GetCPInfoExW(UINT cp, DWORD flags, LPCPINFOEXW info)
{
    (void)flags;
    cp = Resolve(cp);
    if (!GetCPInfo(cp, (LPCPINFO)info))
        return FALSE;
    info->UnicodeDefaultChar = cp == CP_UTF8 || cp == CP_UTF7 ? 0xFFFD : '?';
    info->CodePage = cp;
    const DBCS_TABLE *t = BaseDbcsTable(cp);
    if (t) info->UnicodeDefaultChar = t->UnicodeDefaultChar;
    const WCHAR *name = t ? t->Name : cp == 1252 ? L"1252  (ANSI - Latin I)" : cp == 437 ? L"437   (OEM - United States)"
                      : cp == 28591 ? L"28591 (ISO 8859-1 Latin I)" : cp == CP_UTF7 ? L"65000 (UTF-7)"
                      : L"65001 (UTF-8)";
    int i = 0;
    for (; name[i]; i++) info->CodePageName[i] = name[i];
    info->CodePageName[i] = 0;
    return TRUE;
}

KBAPI BOOL WINAPI GetCPInfoExA(UINT cp, DWORD flags, LPCPINFOEXA info)
{
    CPINFOEXW w;
    if (!GetCPInfoExW(cp, flags, &w))
        return FALSE;
    memcpy(info, &w, offsetof(CPINFOEXA, CodePageName));
    for (int i = 0; i < MAX_PATH; i++) info->CodePageName[i] = (char)w.CodePageName[i];
    return TRUE;
}

KBAPI BOOL WINAPI IsDBCSLeadByteEx(UINT cp, BYTE b)
{
    cp = Resolve(cp);
    if (!IsValidCodePage(cp)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    const DBCS_TABLE *t = BaseDbcsTable(cp);
    return t != NULL && BaseDbcsIsLead(t, b);   /* only the double-byte code pages have lead bytes */
}

KBAPI BOOL WINAPI IsDBCSLeadByte(BYTE b)
{
    return IsDBCSLeadByteEx(CP_ACP, b);
}

/* One UTF-8 sequence at s (n bytes left): its code point, or -1 for an invalid maximal subpart
 * of *used bytes (which becomes one U+FFFD). */
static LONG DecodeUtf8(const BYTE *s, int n, int *used)
{
    BYTE b = s[0];
    *used = 1;
    if (b < 0x80) return b;
    int len; LONG cp; BYTE lo = 0x80, hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) { len = 2; cp = b & 0x1F; }
    else if (b >= 0xE0 && b <= 0xEF) { len = 3; cp = b & 0x0F; if (b == 0xE0) lo = 0xA0; if (b == 0xED) hi = 0x9F; }
    else if (b >= 0xF0 && b <= 0xF4) { len = 4; cp = b & 0x07; if (b == 0xF0) lo = 0x90; if (b == 0xF4) hi = 0x8F; }
    else return -1;
    for (int i = 1; i < len; i++) {
        if (i >= n || s[i] < lo || s[i] > hi) return -1;
        cp = (cp << 6) | (s[i] & 0x3F);
        lo = 0x80; hi = 0xBF;
        *used = i + 1;
    }
    return cp;
}

KBAPI int WINAPI MultiByteToWideChar(UINT cp, DWORD flags, LPCCH src, int srclen, LPWSTR dst, int dstlen)
{
    if (src == NULL || srclen == 0 || dstlen < 0 || (dst == NULL && dstlen) || (LPCVOID)src == (LPCVOID)dst) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    cp = Resolve(cp);
    if (!IsValidCodePage(cp)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (cp == CP_UTF7 ? flags != 0
        : cp == CP_UTF8 ? (flags & ~(DWORD)MB_ERR_INVALID_CHARS) != 0
                      : ((flags & ~(DWORD)(MB_PRECOMPOSED | MB_COMPOSITE | MB_USEGLYPHCHARS | MB_ERR_INVALID_CHARS))
                         || (flags & (MB_PRECOMPOSED | MB_COMPOSITE)) == (MB_PRECOMPOSED | MB_COMPOSITE))) {
        SetLastError(ERROR_INVALID_FLAGS);
        return 0;
    }
    if (srclen < 0) srclen = (int)strlen(src) + 1;
    if (cp == CP_UTF7)
        return BaseUtf7ToUnicode(src, srclen, dst, dstlen);
    if (BaseDbcsTable(cp))
        return BaseDbcsToUnicode(BaseDbcsTable(cp), flags, (const BYTE *)src, srclen, dst, dstlen);
    const BYTE *s = (const BYTE *)src;
    int out = 0;
#define EMIT(w) do { if (dstlen) { if (out >= dstlen) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; } \
                                   dst[out] = (w); } out++; } while (0)
    for (int i = 0; i < srclen; ) {
        if (cp != CP_UTF8) {
            EMIT(ByteToUnicode(cp, s[i]));
            i++;
            continue;
        }
        int used;
        LONG c = DecodeUtf8(s + i, srclen - i, &used);
        i += used;
        if (c < 0) {
            if (flags & MB_ERR_INVALID_CHARS) { SetLastError(ERROR_NO_UNICODE_TRANSLATION); return 0; }
            EMIT(0xFFFD);
        } else if (c >= 0x10000) {
            if (dstlen && out + 2 > dstlen) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
            EMIT((WCHAR)(0xD800 + ((c - 0x10000) >> 10)));
            EMIT((WCHAR)(0xDC00 + ((c - 0x10000) & 0x3FF)));
        } else {
            EMIT((WCHAR)c);
        }
    }
#undef EMIT
    return out;
}

KBAPI int WINAPI WideCharToMultiByte(UINT cp, DWORD flags, LPCWCH src, int srclen, LPSTR dst, int dstlen,
                                     LPCCH defchar, LPBOOL useddef)
{
    if (src == NULL || srclen == 0 || dstlen < 0 || (dst == NULL && dstlen) || (LPCVOID)src == (LPCVOID)dst) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    cp = Resolve(cp);
    if (!IsValidCodePage(cp)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (cp == CP_UTF8 || cp == CP_UTF7) {
        if (defchar || useddef) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
        if (flags & ~(DWORD)(cp == CP_UTF8 ? WC_ERR_INVALID_CHARS : 0)) { SetLastError(ERROR_INVALID_FLAGS); return 0; }
    } else if (flags & ~(DWORD)(WC_COMPOSITECHECK | WC_DISCARDNS | WC_SEPCHARS | WC_DEFAULTCHAR | WC_NO_BEST_FIT_CHARS
                                | WC_ERR_INVALID_CHARS)) {
        SetLastError(ERROR_INVALID_FLAGS);
        return 0;
    }
    if (srclen < 0) srclen = (int)wcslen(src) + 1;
    if (cp == CP_UTF7)
        return BaseUnicodeToUtf7(src, srclen, dst, dstlen);
    if (BaseDbcsTable(cp))
        return BaseUnicodeToDbcs(BaseDbcsTable(cp), flags, src, srclen, dst, dstlen, defchar, useddef);
    char fallback = defchar ? defchar[0] : '?';
    if (useddef) *useddef = FALSE;
    int out = 0;
#define EMIT(b) do { if (dstlen) { if (out >= dstlen) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; } \
                                   dst[out] = (char)(b); } out++; } while (0)
    for (int i = 0; i < srclen; i++) {
        ULONG c = src[i];
        if (cp != CP_UTF8) {
            int b = UnicodeToByte(cp, (WCHAR)c);
            if (b < 0) {
                if (useddef) *useddef = TRUE;
                b = (BYTE)fallback;
            }
            EMIT(b);
            continue;
        }
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < srclen && src[i + 1] >= 0xDC00 && src[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (src[i + 1] - 0xDC00);
            i++;
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            if (flags & WC_ERR_INVALID_CHARS) { SetLastError(ERROR_NO_UNICODE_TRANSLATION); return 0; }
            c = 0xFFFD;                         /* a lone surrogate */
        }
        int n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (dstlen && out + n > dstlen) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
        if (n == 1) { EMIT(c); }
        else if (n == 2) { EMIT(0xC0 | (c >> 6)); EMIT(0x80 | (c & 0x3F)); }
        else if (n == 3) { EMIT(0xE0 | (c >> 12)); EMIT(0x80 | ((c >> 6) & 0x3F)); EMIT(0x80 | (c & 0x3F)); }
        else { EMIT(0xF0 | (c >> 18)); EMIT(0x80 | ((c >> 12) & 0x3F)); EMIT(0x80 | ((c >> 6) & 0x3F)); EMIT(0x80 | (c & 0x3F)); }
    }
#undef EMIT
    return out;
}
