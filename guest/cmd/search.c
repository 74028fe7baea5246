/* Finding an external command as cmd does: a name with a folder or drive is looked for there only;
 * a bare name in the current directory first and then in each folder of PATH. In each place the
 * name as given (when its extension is one of PATHEXT's), then the name with each PATHEXT
 * extension in order. */
#include "cmd.h"

static const WCHAR default_pathext[] = { '.', 'C', 'O', 'M', ';', '.', 'E', 'X', 'E', ';', '.', 'B', 'A', 'T', ';',
                                         '.', 'C', 'M', 'D', 0 };

static int is_file(const WCHAR *p)
{
    DWORD a = GetFileAttributesW(p);
    return a != INVALID_FILE_ATTRIBUTES && !(a & FILE_ATTRIBUTE_DIRECTORY);
}

/* The extension of the name's last component, or NULL. */
static const WCHAR *extension(const WCHAR *name)
{
    const WCHAR *dot = NULL;
    for (const WCHAR *p = name; *p; p++)
        if (*p == '\\' || *p == '/' || *p == ':') dot = NULL;
        else if (*p == '.') dot = p;
    return dot;
}

static int ext_listed(const WCHAR *ext, const WCHAR *list)
{
    size_t n = wlen(ext);
    for (const WCHAR *p = list; *p;) {
        const WCHAR *e = p;
        while (*e && *e != ';') e++;
        if ((size_t)(e - p) == n && wnieq(p, ext, n))
            return 1;
        p = *e ? e + 1 : e;
    }
    return 0;
}

/* dir\name (dir may be empty) with each candidate extension; the full path in `path`. */
static int try_in(const WCHAR *dir, size_t dlen, const WCHAR *name, const WCHAR *pathext, WCHAR *path, size_t cap)
{
    WCHAR cand[1100];
    size_t n = wlen(name);
    if (dlen + n + 40 > sizeof cand / sizeof cand[0])
        return 0;
    for (size_t i = 0; i < dlen; i++)
        cand[i] = dir[i];
    size_t k = dlen;
    if (k && cand[k - 1] != '\\' && cand[k - 1] != '/')
        cand[k++] = '\\';
    wcopy(cand + k, name);
    k += n;
    const WCHAR *ext = extension(name);
    if (ext && ext_listed(ext, pathext) && is_file(cand))
        return GetFullPathNameW(cand, (DWORD)cap, path, NULL) != 0;
    for (const WCHAR *p = pathext; *p;) {
        const WCHAR *e = p;
        while (*e && *e != ';') e++;
        if (e - p < 30) {
            for (size_t i = 0; i < (size_t)(e - p); i++)
                cand[k + i] = p[i];
            cand[k + (size_t)(e - p)] = 0;
            if (e > p && is_file(cand))
                return GetFullPathNameW(cand, (DWORD)cap, path, NULL) != 0;
        }
        p = *e ? e + 1 : e;
    }
    return 0;
}

int find_program(const WCHAR *name, WCHAR *path, size_t cap)
{
    static const WCHAR pe_name[] = { 'P', 'A', 'T', 'H', 'E', 'X', 'T', 0 }, p_name[] = { 'P', 'A', 'T', 'H', 0 };
    WCHAR pathext[512];
    DWORD got = GetEnvironmentVariableW(pe_name, pathext, 512);
    if (got == 0 || got >= 512)
        wcopy(pathext, default_pathext);
    for (const WCHAR *p = name; *p; p++)
        if (*p == '\\' || *p == '/' || *p == ':')
            return try_in(name, 0, name, pathext, path, cap);
    if (try_in(NULL, 0, name, pathext, path, cap))
        return 1;
    DWORD need = GetEnvironmentVariableW(p_name, NULL, 0);
    if (need == 0)
        return 0;
    WCHAR *list = cmd_alloc(need * sizeof(WCHAR));
    GetEnvironmentVariableW(p_name, list, need);
    int found = 0;
    for (const WCHAR *p = list; *p && !found;) {
        const WCHAR *e = p;
        while (*e && *e != ';') e++;
        const WCHAR *d = p;
        size_t dl = (size_t)(e - p);
        if (dl >= 2 && d[0] == '"' && d[dl - 1] == '"') { d++; dl -= 2; }
        if (dl)
            found = try_in(d, dl, name, pathext, path, cap);
        p = *e ? e + 1 : e;
    }
    cmd_free(list);
    return found;
}
