/* The Path* family over one character type (included by path.c for A and W). Paths are plain
 * strings of at most MAX_PATH characters; "\\" and "/" are not the same separator here, as in
 * shlwapi, except where noted. */

static int FN(Len)(const TCH *s) { int n = 0; while (s[n]) n++; return n; }
static void FN(Copy)(TCH *d, const TCH *s) { while ((*d++ = *s++)) ; }
#define C(c) ((unsigned)(TUCH)(c))

SHLAPI TCH *WINAPI FN(PathFindFileName)(const TCH *path)
{
    const TCH *last = path;
    if (path == NULL) return NULL;
    for (const TCH *p = path; *p; p++)
        if ((*p == '\\' || *p == ':' || *p == '/') && p[1] && p[1] != '\\' && p[1] != '/') last = p + 1;
    return (TCH *)last;
}

SHLAPI TCH *WINAPI FN(PathFindExtension)(const TCH *path)
{
    const TCH *dot = NULL, *p = path;
    if (path == NULL) return NULL;
    for (; *p; p++) {
        if (*p == '\\' || *p == ' ') dot = NULL;
        else if (*p == '.') dot = p;
    }
    return (TCH *)(dot ? dot : p);
}

SHLAPI TCH *WINAPI FN(PathAddBackslash)(TCH *path)
{
    if (path == NULL) return NULL;
    int n = FN(Len)(path);
    if (n >= MAX_PATH) return NULL;
    if (n && path[n - 1] != '\\') {
        if (n + 1 >= MAX_PATH) return NULL;
        path[n++] = '\\';
        path[n] = 0;
    }
    return path + n;
}

SHLAPI BOOL WINAPI FN(PathIsRoot)(const TCH *path)
{
    if (path == NULL || *path == 0) return FALSE;
    if (path[0] == '\\') {
        if (path[1] == 0) return TRUE;
        if (path[1] != '\\') return FALSE;
        int slashes = 0;                    /* "\\server" or "\\server\share": at most one more */
        for (const TCH *p = path + 2; *p; p++) {
            if (*p == '\\' && (++slashes > 1 || p[1] == 0)) return FALSE;
        }
        return TRUE;
    }
    return path[1] == ':' && path[2] == '\\' && path[3] == 0;
}

SHLAPI TCH *WINAPI FN(PathRemoveBackslash)(TCH *path)
{
    if (path == NULL) return NULL;
    int n = FN(Len)(path);
    TCH *last = n ? path + n - 1 : path;
    if (*last == '\\' && !FN(PathIsRoot)(path)) *last = 0;
    return last;
}

SHLAPI BOOL WINAPI FN(PathIsRelative)(const TCH *path)
{
    if (path == NULL || *path == 0) return TRUE;
    return !(path[0] == '\\' || path[1] == ':');
}

SHLAPI BOOL WINAPI FN(PathIsUNC)(const TCH *path)
{
    return path && path[0] == '\\' && path[1] == '\\' &&
           !(path[2] == '?' && path[3] == '\\' && !(Up(C(path[4])) == 'U' && Up(C(path[5])) == 'N' &&
                                                    Up(C(path[6])) == 'C' && path[7] == '\\'));
}

SHLAPI BOOL WINAPI FN(PathIsUNCServer)(const TCH *path)
{
    if (!path || path[0] != '\\' || path[1] != '\\') return FALSE;
    for (const TCH *p = path + 2; *p; p++) if (*p == '\\') return FALSE;
    return TRUE;
}

SHLAPI BOOL WINAPI FN(PathIsUNCServerShare)(const TCH *path)
{
    if (!path || path[0] != '\\' || path[1] != '\\') return FALSE;
    int slashes = 0;
    for (const TCH *p = path + 2; *p; p++) if (*p == '\\') slashes++;
    return slashes == 1;
}

SHLAPI BOOL WINAPI FN(PathIsFileSpec)(const TCH *path)
{
    if (path == NULL) return FALSE;
    for (; *path; path++) if (*path == '\\' || *path == ':') return FALSE;
    return TRUE;
}

SHLAPI int WINAPI FN(PathGetDriveNumber)(const TCH *path)
{
    if (path == NULL) return -1;
    if (path[0] == '\\' && path[1] == '\\' && path[2] == '?' && path[3] == '\\') path += 4;
    unsigned c = Up(C(path[0]));
    return c >= 'A' && c <= 'Z' && path[1] == ':' ? (int)(c - 'A') : -1;
}

SHLAPI TCH *WINAPI FN(PathBuildRoot)(TCH *root, int drive)
{
    if (root && drive >= 0 && drive < 26) {
        root[0] = (TCH)('A' + drive);
        root[1] = ':';
        root[2] = '\\';
        root[3] = 0;
    }
    return root;
}

SHLAPI TCH *WINAPI FN(PathSkipRoot)(const TCH *path)
{
    if (path == NULL || *path == 0) return NULL;
    if (path[0] == '\\' && path[1] == '\\') {          /* \\server\share\: both separators needed */
        const TCH *p = path + 2;
        for (int part = 0; part < 2; part++) {
            while (*p && *p != '\\') p++;
            if (*p == 0) return NULL;
            p++;
        }
        return (TCH *)p;
    }
    if (path[1] == ':' && path[2] == '\\') return (TCH *)(path + 3);
    return NULL;
}

SHLAPI TCH *WINAPI FN(PathFindNextComponent)(const TCH *path)
{
    if (path == NULL || *path == 0) return NULL;
    const TCH *p = path;
    while (*p && *p != '\\') p++;
    if (*p == 0) return (TCH *)p;
    if (p[1] == '\\') p++;
    return (TCH *)(p + 1);
}

SHLAPI TCH *WINAPI FN(PathGetArgs)(const TCH *path)
{
    if (path == NULL) return NULL;
    BOOL quoted = FALSE;
    for (; *path; path++) {
        if (*path == ' ' && !quoted) return (TCH *)(path + 1);
        if (*path == '"') quoted = !quoted;
    }
    return (TCH *)path;
}

SHLAPI void WINAPI FN(PathRemoveArgs)(TCH *path)
{
    if (path == NULL) return;
    TCH *args = FN(PathGetArgs)(path);
    if (*args) args[-1] = 0;
    else if (args > path && args[-1] == ' ') args[-1] = 0;
}

SHLAPI void WINAPI FN(PathRemoveBlanks)(TCH *path)
{
    if (path == NULL) return;
    TCH *start = path;
    while (*start == ' ') start++;
    int n = 0;
    while (start[n]) { path[n] = start[n]; n++; }
    while (n && path[n - 1] == ' ') n--;
    path[n] = 0;
}

SHLAPI void WINAPI FN(PathStripPath)(TCH *path)
{
    if (path == NULL) return;
    TCH *name = FN(PathFindFileName)(path);
    if (name != path) { int i = 0; do path[i] = name[i]; while (name[i++]); }
}

SHLAPI BOOL WINAPI FN(PathRemoveFileSpec)(TCH *path)
{
    if (path == NULL) return FALSE;
    TCH *spec = path, *p = path;
    if (*p == '\\') spec = ++p;
    if (*p == '\\') spec = ++p;
    while (*p) {
        if (*p == '\\') spec = p;
        else if (*p == ':') {
            p++;
            if (*p == '\\') p++;
            spec = p;
            continue;
        }
        p++;
    }
    if (*spec == 0) return FALSE;
    *spec = 0;
    return TRUE;
}

SHLAPI BOOL WINAPI FN(PathStripToRoot)(TCH *path)
{
    if (path == NULL) return FALSE;
    while (!FN(PathIsRoot)(path))
        if (!FN(PathRemoveFileSpec)(path)) return FALSE;
    return TRUE;
}

SHLAPI void WINAPI FN(PathRemoveExtension)(TCH *path)
{
    if (path) *FN(PathFindExtension)(path) = 0;
}

SHLAPI BOOL WINAPI FN(PathRenameExtension)(TCH *path, const TCH *ext)
{
    if (path == NULL || ext == NULL) return FALSE;
    TCH *dot = FN(PathFindExtension)(path);
    if ((dot - path) + FN(Len)(ext) >= MAX_PATH) return FALSE;
    FN(Copy)(dot, ext);
    return TRUE;
}

SHLAPI BOOL WINAPI FN(PathAddExtension)(TCH *path, const TCH *ext)
{
    static const TCH exe[] = {'.', 'e', 'x', 'e', 0};
    if (path == NULL) return FALSE;
    TCH *dot = FN(PathFindExtension)(path);
    if (*dot) return FALSE;
    if (ext == NULL || *ext == 0) ext = exe;
    if ((dot - path) + FN(Len)(ext) >= MAX_PATH) return FALSE;
    FN(Copy)(dot, ext);
    return TRUE;
}

SHLAPI BOOL WINAPI FN(PathQuoteSpaces)(TCH *path)
{
    if (path == NULL) return FALSE;
    BOOL space = FALSE;
    for (TCH *p = path; *p; p++) if (*p == ' ') space = TRUE;
    int n = FN(Len)(path);
    if (!space || n + 3 > MAX_PATH) return FALSE;
    for (int i = n; i >= 0; i--) path[i + 1] = path[i];
    path[0] = '"';
    path[n + 1] = '"';
    path[n + 2] = 0;
    return TRUE;
}

SHLAPI BOOL WINAPI FN(PathUnquoteSpaces)(TCH *path)
{
    if (path == NULL) return FALSE;
    int n = FN(Len)(path);
    if (n < 2 || path[0] != '"' || path[n - 1] != '"') return FALSE;
    for (int i = 0; i < n - 2; i++) path[i] = path[i + 1];
    path[n - 2] = 0;
    return TRUE;
}

/* PathCanonicalize: "." components dropped, ".." ones remove the component before them (never the
 * root); an empty path becomes "\". */
SHLAPI BOOL WINAPI FN(PathCanonicalize)(TCH *out, const TCH *src)
{
    if (out == NULL || src == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    TCH buf[MAX_PATH];
    int n = 0, len = FN(Len)(src);
    if (len >= MAX_PATH) { out[0] = 0; return FALSE; }
    if (len == 0) { out[0] = '\\'; out[1] = 0; return TRUE; }
    const TCH *p = src;
    /* Step 1: the root, kept as it is. */
    if (p[0] == '\\' && p[1] == '\\') {
        buf[n++] = '\\'; buf[n++] = '\\'; p += 2;
        for (int part = 0; part < 2 && *p; part++) {
            while (*p && *p != '\\') buf[n++] = *p++;
            if (*p) buf[n++] = *p++;
        }
    } else if (p[0] && p[1] == ':') {
        buf[n++] = *p++; buf[n++] = *p++;
        if (*p == '\\') buf[n++] = *p++;
    } else if (p[0] == '\\') {
        buf[n++] = *p++;
    }
    int root = n;
    /* Step 2: each component. */
    while (*p) {
        const TCH *end = p;
        while (*end && *end != '\\') end++;
        int clen = (int)(end - p);
        if (clen == 1 && p[0] == '.') {
            /* nothing */
        } else if (clen == 2 && p[0] == '.' && p[1] == '.' && n == root && root == 0) {
            buf[n++] = '.'; buf[n++] = '.';          /* a relative path's leading ".." stays */
            if (*end) buf[n++] = '\\';
            root = n;
        } else if (clen == 2 && p[0] == '.' && p[1] == '.') {
            if (n > root) {
                if (n > root && buf[n - 1] == '\\') n--;
                while (n > root && buf[n - 1] != '\\') n--;
            }
        } else {
            for (int i = 0; i < clen; i++) buf[n++] = p[i];
            if (*end) buf[n++] = '\\';
        }
        p = *end ? end + 1 : end;
    }
    if (n > root && buf[n - 1] == '\\' && !(len && src[len - 1] == '\\' &&
                                             !(len >= 2 && src[len - 2] == '.'))) n--;
    if (n == 0) buf[n++] = '\\';
    buf[n] = 0;
    FN(Copy)(out, buf);
    return TRUE;
}

SHLAPI TCH *WINAPI FN(PathCombine)(TCH *out, const TCH *dir, const TCH *file)
{
    TCH buf[2 * MAX_PATH];
    if (out == NULL) return NULL;
    if (dir == NULL && file == NULL) { out[0] = 0; SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    if (file && file[0] && (!FN(PathIsRelative)(file) || dir == NULL || dir[0] == 0)) {
        if (file[0] == '\\' && file[1] != '\\' && dir && dir[0]) {     /* "\x" on dir's root */
            FN(Copy)(buf, dir);
            FN(PathStripToRoot)(buf);
            int n = FN(Len)(buf);
            if (n && buf[n - 1] == '\\') n--;
            if (n + FN(Len)(file) >= MAX_PATH) { out[0] = 0; return NULL; }
            FN(Copy)(buf + n, file);
        } else {
            if (FN(Len)(file) >= MAX_PATH) { out[0] = 0; return NULL; }
            FN(Copy)(buf, file);
        }
    } else {
        if (FN(Len)(dir) >= MAX_PATH) { out[0] = 0; return NULL; }
        FN(Copy)(buf, dir);
        if (file && file[0]) {
            int n = FN(Len)(buf);
            if (n && buf[n - 1] != '\\') buf[n++] = '\\';
            if (n + FN(Len)(file) >= MAX_PATH) { out[0] = 0; return NULL; }
            FN(Copy)(buf + n, file);
        }
    }
    if (!FN(PathCanonicalize)(out, buf)) { out[0] = 0; return NULL; }
    return out;
}

SHLAPI BOOL WINAPI FN(PathAppend)(TCH *path, const TCH *more)
{
    TCH buf[MAX_PATH];
    if (path == NULL || more == NULL) return FALSE;
    if (!FN(PathIsUNC)(more) && !(more[0] && more[1] == ':'))
        while (*more == '\\') more++;
    if (!FN(PathCombine)(buf, path, more)) return FALSE;
    FN(Copy)(path, buf);
    return TRUE;
}

SHLAPI int WINAPI FN(PathCommonPrefix)(const TCH *a, const TCH *b, TCH *out)
{
    int len = 0;
    if (out) out[0] = 0;
    if (a == NULL || b == NULL) return 0;
    BOOL unc = a[0] == '\\' && a[1] == '\\' && b[0] == '\\' && b[1] == '\\';
    if (!unc && ((a[0] == '\\' && a[1] == '\\') || (b[0] == '\\' && b[1] == '\\'))) return 0;
    for (int i = 0;; i++) {
        TCH ca = a[i], cb = b[i];
        if ((ca == 0 || ca == '\\') && (cb == 0 || cb == '\\')) {
            if (unc ? i > 2 : TRUE) len = i;
            if (!unc && i == 2 && a[1] == ':' && ca == '\\' && cb == '\\') len = 3;
            if (!unc && i == 0 && ca == '\\' && cb == '\\') len = 1;
        }
        if (ca == 0 || cb == 0 || Up(C(ca)) != Up(C(cb))) break;
    }
    if (out && len) {
        for (int i = 0; i < len; i++) out[i] = a[i];
        out[len] = 0;
    }
    return len;
}

SHLAPI BOOL WINAPI FN(PathIsPrefix)(const TCH *prefix, const TCH *path)
{
    if (prefix == NULL || path == NULL) return FALSE;
    return FN(PathCommonPrefix)(prefix, path, NULL) == FN(Len)(prefix);
}

SHLAPI BOOL WINAPI FN(PathIsSameRoot)(const TCH *a, const TCH *b)
{
    if (a == NULL || b == NULL) return FALSE;
    const TCH *start = FN(PathSkipRoot)(a);
    if (start == NULL) return FALSE;
    int root = (int)(start - a);
    int common = FN(PathCommonPrefix)(a, b, NULL);
    if (a[0] == '\\' && a[1] == '\\' && root && a[root - 1] == '\\') root--;           /* "\\s\share" */
    return common >= root;
}

SHLAPI BOOL WINAPI FN(PathRelativePathTo)(TCH *out, const TCH *from, DWORD fromAttributes, const TCH *to,
                                          DWORD toAttributes)
{
    TCH dir[MAX_PATH];
    (void)toAttributes;
    if (out == NULL || from == NULL || to == NULL) return FALSE;
    out[0] = 0;
    if (FN(Len)(from) >= MAX_PATH) return FALSE;
    FN(Copy)(dir, from);
    if (!(fromAttributes & FILE_ATTRIBUTE_DIRECTORY)) FN(PathRemoveFileSpec)(dir);
    if (!FN(PathIsSameRoot)(dir, to)) return FALSE;
    int prefix = FN(PathCommonPrefix)(dir, to, NULL);
    if (prefix == 0) return FALSE;
    const TCH *p = dir + prefix;
    if (*p == '\\') p++;
    int n = 0;
    if (*p == 0) out[n++] = '.';
    while (*p) {
        if (n) out[n++] = '\\';
        out[n++] = '.'; out[n++] = '.';
        while (*p && *p != '\\') p++;
        while (*p == '\\') p++;
    }
    const TCH *rest = to + prefix;
    if (*rest && *rest != '\\') out[n++] = '\\';
    if (n + FN(Len)(rest) >= MAX_PATH) { out[0] = 0; return FALSE; }
    FN(Copy)(out + n, rest);
    return TRUE;
}

/* PathCompactPathEx: the path in at most max-1 characters: the start, "...", then the file name;
 * a name too long for that is cut and ends in "...". */
SHLAPI BOOL WINAPI FN(PathCompactPathEx)(TCH *out, const TCH *path, UINT max, DWORD flags)
{
    if (out == NULL || path == NULL || flags) return FALSE;
    if (max == 0) return FALSE;
    int len = FN(Len)(path);
    if ((UINT)len < max) { FN(Copy)(out, path); return TRUE; }
    if (max == 1) { out[0] = 0; return TRUE; }
    const TCH *file = FN(PathFindFileName)(path);
    int flen = FN(Len)(file);
    int room = (int)max - 1;
    int n = 0;
    if (file == path || flen + 4 > room) {              /* only the name, cut */
        int keep = room - 3;
        if (keep < 0) keep = 0;
        for (int i = 0; i < keep; i++) out[n++] = file[i];
        for (int i = 0; i < 3 && n < room; i++) out[n++] = '.';
        out[n] = 0;
        return TRUE;
    }
    int keep = room - 3 - 1 - flen;
    for (int i = 0; i < keep; i++) out[n++] = path[i];
    out[n++] = '.'; out[n++] = '.'; out[n++] = '.'; out[n++] = '\\';
    FN(Copy)(out + n, file);
    return TRUE;
}

/* One pattern against a name: '*' any run, '?' one character, without regard to case; "*.*"
 * matches every name, with or without a dot. */
static BOOL FN(Match)(const TCH *name, const TCH *spec, int slen)
{
    if (slen == 3 && spec[0] == '*' && spec[1] == '.' && spec[2] == '*') return TRUE;
    if (slen == 0) return *name == 0;
    if (*spec == '*') {
        for (;; name++) {
            if (FN(Match)(name, spec + 1, slen - 1)) return TRUE;
            if (*name == 0) return FALSE;
        }
    }
    if (*name == 0) return FALSE;
    if (*spec != '?' && Up(C(*spec)) != Up(C(*name))) return FALSE;
    return FN(Match)(name + 1, spec + 1, slen - 1);
}

SHLAPI HRESULT WINAPI FN(PathMatchSpecEx)(const TCH *name, const TCH *spec, DWORD flags)
{
    if (name == NULL || spec == NULL) return E_INVALIDARG;
    BOOL multiple = (flags & PMSF_MULTIPLE) != 0, strip = !(flags & PMSF_DONT_STRIP_SPACES);
    if (!multiple) {
        int slen = FN(Len)(spec);
        if (strip) { while (*spec == ' ') spec++, slen--; while (slen && spec[slen - 1] == ' ') slen--; }
        return FN(Match)(name, spec, slen) ? S_OK : S_FALSE;
    }
    while (*spec) {
        if (strip) while (*spec == ' ') spec++;
        const TCH *end = spec;
        while (*end && *end != ';') end++;
        int slen = (int)(end - spec);
        if (strip) while (slen && spec[slen - 1] == ' ') slen--;
        if (FN(Match)(name, spec, slen)) return S_OK;
        spec = *end ? end + 1 : end;
    }
    return S_FALSE;
}

SHLAPI BOOL WINAPI FN(PathMatchSpec)(const TCH *name, const TCH *spec)
{
    if (name == NULL || spec == NULL) return FALSE;
    /* A list separated by ';', each pattern with its leading spaces skipped. */
    while (*spec) {
        while (*spec == ' ') spec++;
        const TCH *end = spec;
        while (*end && *end != ';') end++;
        if (FN(Match)(name, spec, (int)(end - spec))) return TRUE;
        spec = *end ? end + 1 : end;
    }
    return FALSE;
}
#undef C
