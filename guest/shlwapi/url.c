/* URLs, the basics programs use: UrlIs, UrlEscape/UrlUnescape (%XX), UrlCanonicalize (scheme in
 * lower case, "." and ".." segments resolved, unsafe characters escaped), UrlGetPart, UrlCombine
 * (a relative reference resolved against a base as RFC 1808 does), UrlCreateFromPath/PathCreateFromUrl (file: URLs)
 * and PathIsURL. The W forms do the work; the A forms convert (code page 1252: one byte, one
 * character, so positions carry over). Buffers: *count is the buffer's size in characters; a
 * short one gives E_POINTER with the size needed, terminator included. */
#include "lw.h"

#define URL_MAX 2084
#define SCRATCH_CHARS (URL_MAX * 3)

/* Each thread's working buffers for the W calls (four of SCRATCH_CHARS), made at its first call
 * and freed when it ends (UrlThreadDetach, from DllMain). */
static DWORD ScratchSlot = TLS_OUT_OF_INDEXES;

static WCHAR *Scratch(int i)
{
    if (ScratchSlot == TLS_OUT_OF_INDEXES) {
        DWORD slot = TlsAlloc();
        if (InterlockedCompareExchange((LONG *)&ScratchSlot, (LONG)slot, (LONG)TLS_OUT_OF_INDEXES) !=
            (LONG)TLS_OUT_OF_INDEXES)
            TlsFree(slot);
    }
    WCHAR *block = TlsGetValue(ScratchSlot);
    if (block == NULL) {
        block = TaskAlloc(4 * SCRATCH_CHARS * sizeof(WCHAR));
        if (block == NULL) return NULL;
        TlsSetValue(ScratchSlot, block);
    }
    return block + i * SCRATCH_CHARS;
}

void UrlThreadDetach(void)
{
    if (ScratchSlot == TLS_OUT_OF_INDEXES) return;
    TaskFree(TlsGetValue(ScratchSlot));
    TlsSetValue(ScratchSlot, NULL);
}

static int Len(LPCWSTR s) { return lstrlenW(s); }
static WCHAR Lower(WCHAR c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static BOOL SchemeChar(WCHAR c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
           c == '.';
}

/* The scheme's length (up to the ':'), 0 when there is none: two characters at least, so that
 * "C:\x" is a path. */
static int SchemeLength(LPCWSTR url)
{
    int n = 0;
    while (url[n] && SchemeChar(url[n])) n++;
    return n >= 2 && url[n] == ':' ? n : 0;
}

static BOOL SchemeIs(LPCWSTR url, LPCWSTR scheme)
{
    int n = SchemeLength(url);
    if (n != Len(scheme)) return FALSE;
    for (int i = 0; i < n; i++) if (Lower(url[i]) != scheme[i]) return FALSE;
    return TRUE;
}

static HRESULT Result(LPCWSTR text, LPWSTR out, DWORD *count)
{
    DWORD need = (DWORD)Len(text) + 1;
    if (out == NULL || count == NULL) return E_INVALIDARG;
    if (*count < need) { *count = need; return E_POINTER; }
    lstrcpyW(out, text);
    *count = need - 1;
    return S_OK;
}

SHLAPI BOOL WINAPI PathIsURLW(LPCWSTR path) { return path && SchemeLength(path) > 0; }

SHLAPI BOOL WINAPI UrlIsW(LPCWSTR url, URLIS what)
{
    if (url == NULL) return FALSE;
    int n = SchemeLength(url);
    switch (what) {
    case URLIS_URL: return n > 0;
    case URLIS_FILEURL: return SchemeIs(url, L"file");
    case URLIS_OPAQUE:                   /* no "//" after the scheme, as mailto: or news: */
        return n > 0 && !(url[n + 1] == '/' && url[n + 2] == '/') && !SchemeIs(url, L"file");
    case URLIS_NOHISTORY: return SchemeIs(url, L"about") || SchemeIs(url, L"mailto") || SchemeIs(url, L"javascript");
    case URLIS_HASQUERY: for (; *url; url++) if (*url == '?') return TRUE; return FALSE;
    case URLIS_DIRECTORY: { int l = Len(url); return l && (url[l - 1] == '/' || url[l - 1] == '\\'); }
    case URLIS_APPLIABLE: return n > 0;
    }
    return FALSE;
}

/* The characters escaped: controls, space, non-ASCII, and "<>\"{}|\\^[]`" (with ESCAPE_PERCENT
 * '%', with ESCAPE_SEGMENT_ONLY '/', '?' and '#' too). */
static BOOL Unsafe(WCHAR c, DWORD flags)
{
    if (flags & URL_ESCAPE_SPACES_ONLY) return c == ' ';
    if (c <= 0x20 || c >= 0x7F) return TRUE;
    if (c == '%') return (flags & URL_ESCAPE_PERCENT) != 0;
    if ((flags & URL_ESCAPE_SEGMENT_ONLY) && (c == '/' || c == '?' || c == '#')) return TRUE;
    for (const char *p = "<>\"{}|\\^[]`"; *p; p++) if (c == (WCHAR)*p) return TRUE;
    return FALSE;
}

static const char Hex[] = "0123456789ABCDEF";

static BOOL EscapeUrl(LPCWSTR in, WCHAR *out, int room, DWORD flags)
{
    int n = 0;
    BOOL extra = FALSE;                 /* past '?' or '#': left alone unless escaping a segment */
    for (; *in; in++) {
        if (!(flags & URL_ESCAPE_SEGMENT_ONLY) && (*in == '?' || *in == '#')) extra = TRUE;
        if (!extra && Unsafe(*in, flags) && *in < 0x100) {
            if (n + 3 >= room) return FALSE;
            out[n++] = '%'; out[n++] = (WCHAR)Hex[*in >> 4]; out[n++] = (WCHAR)Hex[*in & 15];
        } else {
            if (n + 1 >= room) return FALSE;
            out[n++] = *in;
        }
    }
    out[n] = 0;
    return TRUE;
}

SHLAPI HRESULT WINAPI UrlEscapeW(LPCWSTR url, LPWSTR out, DWORD *count, DWORD flags)
{
    WCHAR *buf = Scratch(0);
    if (url == NULL || count == NULL) return E_INVALIDARG;
    if (buf == NULL) return E_OUTOFMEMORY;
    if (!EscapeUrl(url, buf, SCRATCH_CHARS, flags)) return E_POINTER;
    return Result(buf, out, count);
}

static int HexValue(WCHAR c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void UnescapeUrl(LPCWSTR in, WCHAR *out, DWORD flags)
{
    BOOL extra = FALSE;
    for (; *in; in++) {
        if ((flags & URL_DONT_UNESCAPE_EXTRA_INFO) && (*in == '?' || *in == '#')) extra = TRUE;
        int hi, lo;
        if (!extra && *in == '%' && (hi = HexValue(in[1])) >= 0 && (lo = HexValue(in[2])) >= 0) {
            *out++ = (WCHAR)(hi * 16 + lo);
            in += 2;
        } else {
            *out++ = *in;
        }
    }
    *out = 0;
}

SHLAPI HRESULT WINAPI UrlUnescapeW(LPWSTR url, LPWSTR out, DWORD *count, DWORD flags)
{
    WCHAR *buf = Scratch(0);
    if (url == NULL || Len(url) >= SCRATCH_CHARS) return E_INVALIDARG;
    if (buf == NULL) return E_OUTOFMEMORY;
    UnescapeUrl(url, buf, flags);
    if (flags & URL_UNESCAPE_INPLACE) { lstrcpyW(url, buf); return S_OK; }
    return Result(buf, out, count);
}

/* "." and ".." segments of a path resolved in place (the part after "scheme://host"). */
static void Simplify(WCHAR *path)
{
    WCHAR *out = path, *p = path;
    WCHAR *start = path;
    while (*p && *p != '?' && *p != '#') {
        if (*p == '/' && p[1] == '.' && (p[2] == '/' || p[2] == 0 || p[2] == '?' || p[2] == '#')) { p += 2; if (*p == 0 || *p == '?' || *p == '#') *out++ = '/'; continue; }
        if (*p == '/' && p[1] == '.' && p[2] == '.' && (p[3] == '/' || p[3] == 0 || p[3] == '?' || p[3] == '#')) {
            while (out > start && *--out != '/') ;
            p += 3;
            if (*p == 0 || *p == '?' || *p == '#') *out++ = '/';
            continue;
        }
        *out++ = *p++;
    }
    while (*p) *out++ = *p++;
    *out = 0;
}

/* Where an URL's path begins: after "scheme://authority", or after "scheme:". */
static int PathStart(LPCWSTR url)
{
    int n = SchemeLength(url);
    if (n == 0) return 0;
    int i = n + 1;
    if (url[i] == '/' && url[i + 1] == '/') {
        i += 2;
        while (url[i] && url[i] != '/' && url[i] != '?' && url[i] != '#') i++;
    }
    return i;
}

static BOOL Canonicalize(LPCWSTR url, WCHAR *out, int room, DWORD flags)
{
    WCHAR *tmp = Scratch(2), *u = Scratch(3);
    int len = Len(url);
    if (len >= URL_MAX || tmp == NULL) return FALSE;
    lstrcpyW(tmp, url);
    int scheme = SchemeLength(tmp);
    for (int i = 0; i < scheme; i++) tmp[i] = Lower(tmp[i]);
    BOOL file = SchemeIs(tmp, L"file");
    if (scheme && !file) for (WCHAR *p = tmp + scheme; *p && *p != '?' && *p != '#'; p++) if (*p == '\\') *p = '/';
    if (!(flags & URL_DONT_SIMPLIFY) && scheme) Simplify(tmp + PathStart(tmp));
    if (flags & URL_UNESCAPE) { UnescapeUrl(tmp, u, flags); lstrcpyW(tmp, u); }
    if (!(flags & URL_UNESCAPE))            /* unsafe characters (or only spaces) escaped, by default */
        return EscapeUrl(tmp, out, room, flags & (URL_ESCAPE_SPACES_ONLY | URL_ESCAPE_PERCENT));
    if (Len(tmp) >= room) return FALSE;
    lstrcpyW(out, tmp);
    return TRUE;
}

SHLAPI HRESULT WINAPI UrlCanonicalizeW(LPCWSTR url, LPWSTR out, DWORD *count, DWORD flags)
{
    WCHAR *buf = Scratch(0);
    if (url == NULL || out == NULL || count == NULL || *count == 0) return E_INVALIDARG;
    if (buf == NULL) return E_OUTOFMEMORY;
    if (!Canonicalize(url, buf, SCRATCH_CHARS, flags)) return E_INVALIDARG;
    return Result(buf, out, count);
}

/* UrlGetPart: scheme://user:password@host:port/path?query. */
SHLAPI HRESULT WINAPI UrlGetPartW(LPCWSTR url, LPWSTR out, DWORD *count, DWORD part, DWORD flags)
{
    WCHAR buf[URL_MAX];
    if (url == NULL || out == NULL || count == NULL || *count == 0) return E_INVALIDARG;
    int scheme = SchemeLength(url);
    if (scheme == 0) return E_FAIL;
    const WCHAR *start = NULL;
    int len = 0;
    if (part == URL_PART_SCHEME) {
        start = url; len = scheme;
    } else if (part == URL_PART_QUERY) {
        for (const WCHAR *p = url; *p; p++)           /* the query runs to the end, a fragment with it */
            if (*p == '?') { start = p + 1; len = Len(start); break; }
        if (start == NULL) { out[0] = 0; *count = 0; return S_OK; }
    } else {
        if (!(url[scheme + 1] == '/' && url[scheme + 2] == '/')) return E_FAIL;
        const WCHAR *auth = url + scheme + 3, *end = auth;
        while (*end && *end != '/' && *end != '\\' && *end != '?' && *end != '#') end++;
        const WCHAR *at = NULL;
        for (const WCHAR *p = auth; p < end; p++) if (*p == '@') at = p;
        const WCHAR *host = at ? at + 1 : auth;
        const WCHAR *colon = NULL;
        for (const WCHAR *p = host; p < end; p++) if (*p == ':') colon = p;
        switch (part) {
        case URL_PART_HOSTNAME: start = host; len = (int)((colon ? colon : end) - host); break;
        case URL_PART_PORT: if (colon) { start = colon + 1; len = (int)(end - colon - 1); } break;
        case URL_PART_USERNAME:
        case URL_PART_PASSWORD:
            if (at) {
                const WCHAR *sep = NULL;
                for (const WCHAR *p = auth; p < at; p++) if (*p == ':') { sep = p; break; }
                if (part == URL_PART_USERNAME) { start = auth; len = (int)((sep ? sep : at) - auth); }
                else if (sep) { start = sep + 1; len = (int)(at - sep - 1); }
            }
            break;
        default: return E_INVALIDARG;
        }
    }
    int n = 0;
    if ((flags & URL_PARTFLAG_KEEPSCHEME) && part != URL_PART_SCHEME && start) {
        for (int i = 0; i < scheme; i++) buf[n++] = url[i];
        buf[n++] = ':';
    }
    if (start == NULL) return E_INVALIDARG;         /* no such part in this URL */
    if (len >= URL_MAX - n) return E_INVALIDARG;
    for (int i = 0; i < len; i++) buf[n++] = start[i];
    buf[n] = 0;
    return Result(buf, out, count);
}

/* UrlCombine: RFC-style resolution of rel against base, then canonicalized. */
SHLAPI HRESULT WINAPI UrlCombineW(LPCWSTR base, LPCWSTR rel, LPWSTR out, DWORD *count, DWORD flags)
{
    WCHAR *buf = Scratch(0), *canon = Scratch(1);
    if (base == NULL || rel == NULL || count == NULL) return E_INVALIDARG;
    if (buf == NULL) return E_OUTOFMEMORY;
    int bl = Len(base), rl = Len(rel);
    if (bl >= URL_MAX || rl >= URL_MAX) return E_INVALIDARG;
    int scheme = SchemeLength(base);
    if (SchemeLength(rel) || scheme == 0) {
        lstrcpyW(buf, SchemeLength(rel) ? rel : base);
    } else if (rel[0] == '/' && rel[1] == '/') {
        lstrcpynW(buf, base, scheme + 2);
        lstrcatW(buf, rel);
    } else if (rel[0] == '/' || rel[0] == '\\') {
        int start = PathStart(base);
        lstrcpynW(buf, base, start + 1);
        lstrcatW(buf, rel);
    } else if (rel[0] == '#' || rel[0] == 0) {
        int end = 0;
        while (base[end] && base[end] != '#') end++;
        lstrcpynW(buf, base, end + 1);
        lstrcatW(buf, rel);
    } else {                            /* a path, or a query: after the base's last '/' (RFC 1808) */
        int start = PathStart(base), end = start, last = -1;
        while (base[end] && base[end] != '?' && base[end] != '#') { if (base[end] == '/') last = end; end++; }
        if (last < 0) { lstrcpynW(buf, base, end + 1); lstrcatW(buf, L"/"); }
        else lstrcpynW(buf, base, last + 2);
        lstrcatW(buf, rel);
    }
    if (!Canonicalize(buf, canon, SCRATCH_CHARS, flags)) return E_INVALIDARG;
    return Result(canon, out, count);
}

/* UrlCreateFromPath: "C:\a b\c" -> "file:///C:/a%20b/c", "\\srv\share" -> "file://srv/share";
 * something that is already an URL comes back as it is with S_FALSE. */
SHLAPI HRESULT WINAPI UrlCreateFromPathW(LPCWSTR path, LPWSTR out, DWORD *count, DWORD reserved)
{
    WCHAR *buf = Scratch(0);
    (void)reserved;
    if (path == NULL || out == NULL || count == NULL || *count == 0) return E_INVALIDARG;
    if (buf == NULL) return E_OUTOFMEMORY;
    if (SchemeLength(path)) {
        HRESULT hr = Result(path, out, count);
        return hr == S_OK ? S_FALSE : hr;
    }
    if (Len(path) >= MAX_PATH * 4) return E_INVALIDARG;
    lstrcpyW(buf, L"file:");
    int n = 5;
    const WCHAR *p = path;
    if (p[0] == '\\' && p[1] == '\\') { buf[n++] = '/'; buf[n++] = '/'; p += 2; }
    else if (p[0] && p[1] == ':') { buf[n++] = '/'; buf[n++] = '/'; buf[n++] = '/'; }
    for (; *p; p++) {
        WCHAR c = *p == '\\' ? '/' : *p;
        if (c == ' ' || c == '%' || c == '#' || c < 0x20) {
            buf[n++] = '%'; buf[n++] = (WCHAR)Hex[(c >> 4) & 15]; buf[n++] = (WCHAR)Hex[c & 15];
        } else {
            buf[n++] = c;
        }
    }
    buf[n] = 0;
    return Result(buf, out, count);
}

/* PathCreateFromUrl: a file: URL's path, unescaped, with backslashes. */
SHLAPI HRESULT WINAPI PathCreateFromUrlW(LPCWSTR url, LPWSTR path, DWORD *count, DWORD reserved)
{
    WCHAR *buf = Scratch(0), *raw = Scratch(1);
    (void)reserved;
    if (url == NULL || path == NULL || count == NULL || *count == 0) return E_INVALIDARG;
    if (buf == NULL) return E_OUTOFMEMORY;
    if (!SchemeIs(url, L"file") || Len(url) >= URL_MAX) return E_INVALIDARG;
    const WCHAR *p = url + 5;
    int n = 0;
    if (p[0] == '/' && p[1] == '/') {
        p += 2;
        if (p[0] == '/') p++;                                  /* file:///C:/x */
        else if (!(p[0] && (p[1] == ':' || p[1] == '|'))) {     /* file://server/share */
            raw[n++] = '\\'; raw[n++] = '\\';
        }
    } else if (p[0] == '/' && p[1] && (p[2] == ':' || p[2] == '|')) {
        p++;
    }
    for (; *p && *p != '?' && *p != '#'; p++) raw[n++] = *p == '/' ? '\\' : *p == '|' ? ':' : *p;
    raw[n] = 0;
    UnescapeUrl(raw, buf, 0);
    return Result(buf, path, count);
}

SHLAPI LPCWSTR WINAPI UrlGetLocationW(LPCWSTR url)
{
    if (url == NULL || SchemeLength(url) == 0) return NULL;
    for (; *url; url++) if (*url == '#') return url;
    return NULL;
}

SHLAPI int WINAPI UrlCompareW(LPCWSTR a, LPCWSTR b, BOOL ignoreSlash)
{
    int la = Len(a), lb = Len(b);
    if (ignoreSlash) {
        if (la && a[la - 1] == '/') la--;
        if (lb && b[lb - 1] == '/') lb--;
    }
    return CompareStringOrdinal(a, la, b, lb, FALSE) - CSTR_EQUAL;
}

/* The A forms: the arguments widened into a heap block of the call's own, the result narrowed. */
typedef struct { WCHAR A[URL_MAX], B[URL_MAX], W[SCRATCH_CHARS]; } WIDE;

static LPWSTR Wide(LPCSTR s, WCHAR *out, int room)
{
    if (s == NULL) return NULL;
    if (!MultiByteToWideChar(CP_ACP, 0, s, -1, out, room)) out[0] = 0;
    return out;
}

static HRESULT Narrow(HRESULT hr, LPCWSTR w, LPSTR out, DWORD *count, DWORD wcount)
{
    if (hr == E_POINTER) { *count = wcount; return hr; }
    if (FAILED(hr)) return hr;
    if (out == NULL) return E_INVALIDARG;
    DWORD need = (DWORD)lstrlenW(w) + 1;
    if (*count < need) { *count = need; return E_POINTER; }
    WideCharToMultiByte(CP_ACP, 0, w, -1, out, (int)*count, NULL, NULL);
    *count = need - 1;
    return hr;
}

#define A_WRAP_3(name, call)                                                                    \
    SHLAPI HRESULT WINAPI name##A(LPCSTR in, LPSTR out, DWORD *count, DWORD flags)                \
    {                                                                                           \
        if (in == NULL || count == NULL) return E_INVALIDARG;                                   \
        WIDE *v = TaskAlloc(sizeof(WIDE));                                                      \
        if (v == NULL) return E_OUTOFMEMORY;                                                    \
        DWORD n = SCRATCH_CHARS;                                                                \
        HRESULT hr = call;                                                                      \
        hr = Narrow(hr, v->W, out, count, n);                                                   \
        TaskFree(v);                                                                            \
        return hr;                                                                              \
    }

A_WRAP_3(UrlEscape, UrlEscapeW(Wide(in, v->A, URL_MAX), v->W, &n, flags))
A_WRAP_3(UrlCanonicalize, UrlCanonicalizeW(Wide(in, v->A, URL_MAX), v->W, &n, flags))
A_WRAP_3(UrlCreateFromPath, UrlCreateFromPathW(Wide(in, v->A, URL_MAX), v->W, &n, flags))
A_WRAP_3(PathCreateFromUrl, PathCreateFromUrlW(Wide(in, v->A, URL_MAX), v->W, &n, flags))

SHLAPI HRESULT WINAPI UrlUnescapeA(LPSTR url, LPSTR out, DWORD *count, DWORD flags)
{
    if (url == NULL) return E_INVALIDARG;
    if (!(flags & URL_UNESCAPE_INPLACE) && count == NULL) return E_INVALIDARG;
    WIDE *v = TaskAlloc(sizeof(WIDE));
    if (v == NULL) return E_OUTOFMEMORY;
    DWORD n = SCRATCH_CHARS;
    HRESULT hr = UrlUnescapeW(Wide(url, v->A, URL_MAX), v->W, &n, flags & ~URL_UNESCAPE_INPLACE);
    if (flags & URL_UNESCAPE_INPLACE) {
        if (SUCCEEDED(hr)) WideCharToMultiByte(CP_ACP, 0, v->W, -1, url, lstrlenA(url) + 1, NULL, NULL);
    } else {
        hr = Narrow(hr, v->W, out, count, n);
    }
    TaskFree(v);
    return hr;
}

SHLAPI HRESULT WINAPI UrlGetPartA(LPCSTR url, LPSTR out, DWORD *count, DWORD part, DWORD flags)
{
    if (url == NULL || out == NULL || count == NULL || *count == 0) return E_INVALIDARG;
    WIDE *v = TaskAlloc(sizeof(WIDE));
    if (v == NULL) return E_OUTOFMEMORY;
    DWORD n = SCRATCH_CHARS;
    HRESULT hr = UrlGetPartW(Wide(url, v->A, URL_MAX), v->W, &n, part, flags);
    hr = Narrow(hr, v->W, out, count, n);
    TaskFree(v);
    return hr;
}

SHLAPI HRESULT WINAPI UrlCombineA(LPCSTR base, LPCSTR rel, LPSTR out, DWORD *count, DWORD flags)
{
    if (base == NULL || rel == NULL || count == NULL) return E_INVALIDARG;
    WIDE *v = TaskAlloc(sizeof(WIDE));
    if (v == NULL) return E_OUTOFMEMORY;
    DWORD n = SCRATCH_CHARS;
    HRESULT hr = UrlCombineW(Wide(base, v->A, URL_MAX), Wide(rel, v->B, URL_MAX), v->W, &n, flags);
    hr = Narrow(hr, v->W, out, count, n);
    TaskFree(v);
    return hr;
}

/* The predicates look at the scheme and a few characters: a short copy is enough. */
static LPWSTR WideShort(LPCSTR s, WCHAR out[MAX_PATH])
{
    if (s == NULL) return NULL;
    int n = MultiByteToWideChar(CP_ACP, 0, s, -1, out, MAX_PATH);
    if (n == 0) { MultiByteToWideChar(CP_ACP, 0, s, MAX_PATH - 1, out, MAX_PATH - 1); out[MAX_PATH - 1] = 0; }
    return out;
}

SHLAPI BOOL WINAPI UrlIsA(LPCSTR url, URLIS what)
{
    WCHAR a[MAX_PATH];
    if (url == NULL) return FALSE;
    if (what == URLIS_HASQUERY) { for (; *url; url++) if (*url == '?') return TRUE; return FALSE; }
    if (what == URLIS_DIRECTORY) { int l = lstrlenA(url); return l && (url[l - 1] == '/' || url[l - 1] == '\\'); }
    return UrlIsW(WideShort(url, a), what);
}

SHLAPI BOOL WINAPI PathIsURLA(LPCSTR path)
{
    WCHAR a[MAX_PATH];
    return path && PathIsURLW(WideShort(path, a));
}

SHLAPI LPCSTR WINAPI UrlGetLocationA(LPCSTR url)
{
    WCHAR a[MAX_PATH];
    if (url == NULL || !PathIsURLW(WideShort(url, a))) return NULL;
    for (; *url; url++) if (*url == '#') return url;
    return NULL;
}

SHLAPI int WINAPI UrlCompareA(LPCSTR a, LPCSTR b, BOOL ignoreSlash)
{
    int la = lstrlenA(a), lb = lstrlenA(b);
    if (ignoreSlash) {
        if (la && a[la - 1] == '/') la--;
        if (lb && b[lb - 1] == '/') lb--;
    }
    for (int i = 0; i < la && i < lb; i++)
        if (a[i] != b[i]) return (BYTE)a[i] < (BYTE)b[i] ? -1 : 1;
    return la == lb ? 0 : la < lb ? -1 : 1;
}

SHLAPI BOOL WINAPI UrlIsOpaqueW(LPCWSTR url) { return UrlIsW(url, URLIS_OPAQUE); }
SHLAPI BOOL WINAPI UrlIsOpaqueA(LPCSTR url) { return UrlIsA(url, URLIS_OPAQUE); }
SHLAPI BOOL WINAPI UrlIsNoHistoryW(LPCWSTR url) { return UrlIsW(url, URLIS_NOHISTORY); }
SHLAPI BOOL WINAPI UrlIsNoHistoryA(LPCSTR url) { return UrlIsA(url, URLIS_NOHISTORY); }
