/* Family 24 (activation contexts), the manifest reader: an application or assembly manifest
 * (UTF-8, or UTF-16 with its byte-order mark) parsed as the side-by-side manager reads it: the root
 * must be <assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">; it yields the
 * assembly identity, the <file> names (DLL redirection), the dependent assemblies, the requested
 * execution level, the supportedOS/maxversiontested entries and the windowsSettings values.
 * Element and attribute names are compared without their namespace prefix. */
#include "kernelbase.h"
#include "actctx.h"

typedef struct {
    const WCHAR *p, *end;
    MANIFEST *m;
    WCHAR stack[8][40];                     /* the open elements' local names */
    int depth;
    BOOL root_seen;
} PARSER;

static BOOL IsSpace(WCHAR c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static void CopyN(WCHAR *dst, size_t cap, const WCHAR *src, size_t n)
{
    if (n >= cap) n = cap - 1;
    memcpy(dst, src, n * sizeof(WCHAR));
    dst[n] = 0;
}

/* The part of a qualified name after its prefix. */
static const WCHAR *LocalName(const WCHAR *name)
{
    const WCHAR *colon = wcschr(name, L':');
    return colon ? colon + 1 : name;
}

static BOOL Is(const WCHAR *name, const WCHAR *want) { return lstrcmpW(LocalName(name), want) == 0; }

typedef struct { WCHAR name[40], value[MANIFEST_VALUE_MAX]; } ATTRIBUTE;

/* Entities the manifest may use in attribute values and text. */
static size_t Unescape(WCHAR *dst, size_t cap, const WCHAR *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < cap; i++) {
        WCHAR c = s[i];
        if (c == '&') {
            static const struct { const WCHAR *name; WCHAR ch; } ents[] = {
                {L"&amp;", '&'}, {L"&lt;", '<'}, {L"&gt;", '>'}, {L"&quot;", '"'}, {L"&apos;", '\''}};
            for (int k = 0; k < 5; k++) {
                size_t len = wcslen(ents[k].name);
                if (i + len <= n && wcsncmp(s + i, ents[k].name, len) == 0) {
                    c = ents[k].ch;
                    i += len - 1;
                    break;
                }
            }
        }
        dst[o++] = c;
    }
    dst[o] = 0;
    return o;
}

static void SetIdentity(ASSEMBLY_IDENTITY *id, const ATTRIBUTE *attrs, int count)
{
    memset(id, 0, sizeof(*id));
    for (int i = 0; i < count; i++) {
        const WCHAR *n = LocalName(attrs[i].name), *v = attrs[i].value;
        if (!lstrcmpW(n, L"name")) CopyN(id->name, ARRAYSIZE(id->name), v, wcslen(v));
        else if (!lstrcmpW(n, L"version")) CopyN(id->version, ARRAYSIZE(id->version), v, wcslen(v));
        else if (!lstrcmpW(n, L"type")) CopyN(id->type, ARRAYSIZE(id->type), v, wcslen(v));
        else if (!lstrcmpW(n, L"processorArchitecture")) CopyN(id->arch, ARRAYSIZE(id->arch), v, wcslen(v));
        else if (!lstrcmpW(n, L"publicKeyToken")) CopyN(id->token, ARRAYSIZE(id->token), v, wcslen(v));
        else if (!lstrcmpW(n, L"language")) CopyN(id->language, ARRAYSIZE(id->language), v, wcslen(v));
    }
    id->present = TRUE;
}

static const WCHAR *Attr(const ATTRIBUTE *attrs, int count, const WCHAR *name)
{
    for (int i = 0; i < count; i++)
        if (Is(attrs[i].name, name)) return attrs[i].value;
    return NULL;
}

/* n hex digits at s; FALSE on anything else. */
static BOOL Hex(const WCHAR *s, int n, ULONG *out)
{
    ULONG v = 0;
    for (int i = 0; i < n; i++) {
        WCHAR c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return FALSE;
        v = v * 16 + (ULONG)d;
    }
    *out = v;
    return TRUE;
}

/* "{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}" */
static BOOL ParseGuid(const WCHAR *s, GUID *g)
{
    ULONG v;
    if (wcslen(s) != 38 || s[0] != '{' || s[9] != '-' || s[14] != '-' || s[19] != '-' || s[24] != '-' || s[37] != '}')
        return FALSE;
    if (!Hex(s + 1, 8, &v)) return FALSE;
    g->Data1 = v;
    if (!Hex(s + 10, 4, &v)) return FALSE;
    g->Data2 = (USHORT)v;
    if (!Hex(s + 15, 4, &v)) return FALSE;
    g->Data3 = (USHORT)v;
    static const int at[8] = {20, 22, 25, 27, 29, 31, 33, 35};
    for (int i = 0; i < 8; i++) {
        if (!Hex(s + at[i], 2, &v)) return FALSE;
        g->Data4[i] = (BYTE)v;
    }
    return TRUE;
}

/* "a.b.c.d" as the four 16-bit parts of a ULONGLONG. */
static ULONGLONG ParseVersion(const WCHAR *s)
{
    ULONGLONG result = 0;
    for (int part = 0; part < 4; part++) {
        ULONG v = 0;
        while (*s >= '0' && *s <= '9') v = v * 10 + (ULONG)(*s++ - '0');
        result |= (ULONGLONG)(v & 0xFFFF) << (48 - 16 * part);
        if (*s != '.') break;
        s++;
    }
    return result;
}

/* One start tag: what its element means where it stands. */
static BOOL StartElement(PARSER *ps, const WCHAR *name, const ATTRIBUTE *attrs, int count)
{
    MANIFEST *m = ps->m;
    const WCHAR *parent = ps->depth ? ps->stack[ps->depth - 1] : L"";
    if (!ps->root_seen) {
        ps->root_seen = TRUE;
        const WCHAR *ns = Attr(attrs, count, L"xmlns"), *ver = Attr(attrs, count, L"manifestVersion");
        if (!Is(name, L"assembly") || !ns || lstrcmpW(ns, L"urn:schemas-microsoft-com:asm.v1") || !ver ||
            lstrcmpW(ver, L"1.0"))
            return FALSE;
        return TRUE;
    }
    if (Is(name, L"assemblyIdentity")) {
        if (!lstrcmpW(parent, L"assembly"))
            SetIdentity(&m->identity, attrs, count);
        else if (!lstrcmpW(parent, L"dependentAssembly") && m->dependency_count < MANIFEST_MAX_DEPENDENCIES)
            SetIdentity(&m->dependencies[m->dependency_count++], attrs, count);
    } else if (Is(name, L"file") && !lstrcmpW(parent, L"assembly")) {
        const WCHAR *file = Attr(attrs, count, L"name");
        if (!file) return FALSE;
        if (m->file_count < MANIFEST_MAX_FILES)
            CopyN(m->files[m->file_count++], MAX_PATH, file, wcslen(file));
    } else if (Is(name, L"requestedExecutionLevel")) {
        const WCHAR *level = Attr(attrs, count, L"level"), *ui = Attr(attrs, count, L"uiAccess");
        if (level && !lstrcmpW(level, L"asInvoker")) m->run_level = 1;
        else if (level && !lstrcmpW(level, L"highestAvailable")) m->run_level = 2;
        else if (level && !lstrcmpW(level, L"requireAdministrator")) m->run_level = 3;
        else return FALSE;
        m->ui_access = ui && !lstrcmpiW(ui, L"true");
    } else if ((Is(name, L"supportedOS") || Is(name, L"maxversiontested")) && !lstrcmpW(parent, L"application") &&
               m->compat_count < MANIFEST_MAX_COMPAT) {
        COMPAT_ENTRY *c = &m->compat[m->compat_count];
        const WCHAR *id = Attr(attrs, count, L"Id");
        if (Is(name, L"supportedOS")) {
            if (!id || !ParseGuid(id, &c->id)) return FALSE;
            c->type = 1;                        /* ACTCTX_COMPATIBILITY_ELEMENT_TYPE_OS */
        } else {
            if (!id) return FALSE;
            c->type = 3;                        /* ACTCTX_COMPATIBILITY_ELEMENT_TYPE_MAXVERSIONTESTED */
            c->max_version = ParseVersion(id);
        }
        m->compat_count++;
    }
    return TRUE;
}

/* Text inside a windowsSettings child is that setting's value, in that child's namespace. */
static void Text(PARSER *ps, const WCHAR *s, size_t n)
{
    if (ps->depth < 2 || lstrcmpW(ps->stack[ps->depth - 2], L"windowsSettings"))
        return;
    while (n && IsSpace(*s)) { s++; n--; }
    while (n && IsSpace(s[n - 1])) n--;
    MANIFEST *m = ps->m;
    if (m->setting_count >= MANIFEST_MAX_SETTINGS)
        return;
    SETTING *st = &m->settings[m->setting_count++];
    lstrcpynW(st->name, ps->stack[ps->depth - 1], ARRAYSIZE(st->name));
    lstrcpynW(st->ns, ps->m->pending_ns, ARRAYSIZE(st->ns));
    Unescape(st->value, ARRAYSIZE(st->value), s, n);
}

static const WCHAR *Skip(const WCHAR *p, const WCHAR *end, const WCHAR *until)
{
    size_t n = wcslen(until);
    for (; p + n <= end; p++)
        if (wcsncmp(p, until, n) == 0) return p + n;
    return NULL;
}

/* Attributes up to the tag's end; *empty when it closes itself. */
static int ParseAttributes(PARSER *ps, ATTRIBUTE *attrs, int max, BOOL *empty)
{
    int count = 0;
    *empty = FALSE;
    for (;;) {
        while (ps->p < ps->end && IsSpace(*ps->p)) ps->p++;
        if (ps->p >= ps->end) return -1;
        if (*ps->p == '>') { ps->p++; return count; }
        if (*ps->p == '/' && ps->p + 1 < ps->end && ps->p[1] == '>') { ps->p += 2; *empty = TRUE; return count; }
        const WCHAR *n = ps->p;
        while (ps->p < ps->end && !IsSpace(*ps->p) && *ps->p != '=' && *ps->p != '>' && *ps->p != '/') ps->p++;
        size_t nlen = ps->p - n;
        while (ps->p < ps->end && IsSpace(*ps->p)) ps->p++;
        if (nlen == 0 || ps->p >= ps->end || *ps->p != '=') return -1;
        ps->p++;
        while (ps->p < ps->end && IsSpace(*ps->p)) ps->p++;
        if (ps->p >= ps->end || (*ps->p != '"' && *ps->p != '\'')) return -1;
        WCHAR quote = *ps->p++;
        const WCHAR *v = ps->p;
        while (ps->p < ps->end && *ps->p != quote) ps->p++;
        if (ps->p >= ps->end) return -1;
        if (count < max) {
            CopyN(attrs[count].name, ARRAYSIZE(attrs[count].name), n, nlen);
            Unescape(attrs[count].value, ARRAYSIZE(attrs[count].value), v, ps->p - v);
            count++;
        }
        ps->p++;
    }
}

BOOL ActCtxParseManifest(const WCHAR *text, size_t length, MANIFEST *m)
{
    PARSER ps = {text, text + length, m, {{0}}, 0, FALSE};
    memset(m, 0, sizeof(*m));
    while (ps.p < ps.end) {
        if (*ps.p != '<') {
            const WCHAR *t = ps.p;
            while (ps.p < ps.end && *ps.p != '<') ps.p++;
            if (!ps.root_seen) {
                for (const WCHAR *q = t; q < ps.p; q++)
                    if (!IsSpace(*q)) return FALSE;
            } else {
                Text(&ps, t, ps.p - t);
            }
            continue;
        }
        if (ps.end - ps.p >= 4 && wcsncmp(ps.p, L"<!--", 4) == 0) {
            if (!(ps.p = Skip(ps.p + 4, ps.end, L"-->"))) return FALSE;
        } else if (ps.end - ps.p >= 2 && ps.p[1] == '?') {
            if (!(ps.p = Skip(ps.p + 2, ps.end, L"?>"))) return FALSE;
        } else if (ps.end - ps.p >= 9 && wcsncmp(ps.p, L"<![CDATA[", 9) == 0) {
            const WCHAR *start = ps.p + 9;
            if (!(ps.p = Skip(start, ps.end, L"]]>"))) return FALSE;
            Text(&ps, start, ps.p - 3 - start);
        } else if (ps.end - ps.p >= 2 && ps.p[1] == '/') {
            const WCHAR *n = ps.p + 2;
            const WCHAR *close = Skip(n, ps.end, L">");
            if (!close || ps.depth == 0) return FALSE;
            WCHAR name[40];
            size_t len = close - 1 - n;
            while (len && IsSpace(n[len - 1])) len--;
            CopyN(name, ARRAYSIZE(name), n, len);
            if (lstrcmpW(LocalName(name), ps.stack[ps.depth - 1])) return FALSE;
            ps.depth--;
            ps.p = close;
        } else {
            const WCHAR *n = ++ps.p;
            while (ps.p < ps.end && !IsSpace(*ps.p) && *ps.p != '>' && *ps.p != '/') ps.p++;
            WCHAR name[40];
            CopyN(name, ARRAYSIZE(name), n, ps.p - n);
            if (!name[0]) return FALSE;
            ATTRIBUTE attrs[12];
            BOOL empty;
            int count = ParseAttributes(&ps, attrs, 12, &empty);
            if (count < 0) return FALSE;
            const WCHAR *xmlns = Attr(attrs, count, L"xmlns");
            if (ps.depth && !lstrcmpW(ps.stack[ps.depth - 1], L"windowsSettings"))
                lstrcpynW(m->pending_ns, xmlns ? xmlns : m->settings_ns, ARRAYSIZE(m->pending_ns));
            if (Is(name, L"windowsSettings") && xmlns)
                lstrcpynW(m->settings_ns, xmlns, ARRAYSIZE(m->settings_ns));
            if (!StartElement(&ps, name, attrs, count)) return FALSE;
            if (!empty) {
                if (ps.depth == ARRAYSIZE(ps.stack)) return FALSE;
                lstrcpynW(ps.stack[ps.depth++], LocalName(name), 40);
            } else if (ps.depth == 0) {
                return FALSE;                   /* <assembly/> holds nothing */
            }
        }
    }
    return ps.root_seen && ps.depth == 0;
}
