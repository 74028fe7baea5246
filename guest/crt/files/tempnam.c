/* _tempnam/_wtempnam: a name no file has, in a heap string, for a file in the first folder that
 * exists of: the TMP environment variable's, the dir argument, the root of the current drive
 * (P_tmpdir, "\"), the current folder; the name is the folder, a backslash unless it ends in one,
 * the prefix, then the process id and a counter in base 32. */
#include "crtwin.h"
#include "files.h"
#include "secure.h"

typedef crt_wchar W;
WINBASEAPI DWORD WINAPI GetEnvironmentVariableW(const WCHAR *, WCHAR *, DWORD);
WINBASEAPI DWORD WINAPI GetFileAttributesW(const WCHAR *);
WINBASEAPI DWORD WINAPI GetCurrentProcessId(void);
void *malloc(size_t);
void free(void *);
#define NAME_MAX_ 1024

static unsigned counter;

static int is_folder(const W *p)
{
    DWORD a = p && p[0] ? GetFileAttributesW(p) : 0xFFFFFFFF;
    return a != 0xFFFFFFFF && (a & 0x10);
}

static size_t append_base32(W *out, unsigned v)
{
    W tmp[8];
    size_t n = 0;
    do {
        unsigned d = v % 32;
        tmp[n++] = (W)(d < 10 ? '0' + d : 'a' + d - 10);
        v /= 32;
    } while (v);
    for (size_t i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    return n;
}

/* The name into out (NAME_MAX_ characters): 0, or an errno value. */
static int make(const W *dir, const W *prefix, W *out)
{
    static const W tmp_name[] = { 'T', 'M', 'P', 0 }, root[] = { '\\', 0 }, here[] = { '.', 0 };
    W env[NAME_MAX_];
    DWORD n = GetEnvironmentVariableW(tmp_name, env, NAME_MAX_);
    const W *folder = n && n < NAME_MAX_ && is_folder(env) ? env
                      : is_folder(dir) ? dir : is_folder(root) ? root : here;
    size_t len = 0;
    while (folder[len])
        len++;
    size_t plen = 0;
    while (prefix && prefix[plen])
        plen++;
    if (len + plen + 24 >= NAME_MAX_)
        return CRT_ERANGE;
    for (unsigned tries = 0; tries < 0x10000; tries++) {
        size_t k = 0;
        for (size_t i = 0; i < len; i++)
            out[k++] = folder[i];
        if (k && out[k - 1] != '\\' && out[k - 1] != '/')
            out[k++] = '\\';
        for (size_t i = 0; i < plen; i++)
            out[k++] = prefix[i];
        k += append_base32(out + k, GetCurrentProcessId());
        out[k++] = '.';
        crt_lock_global();
        unsigned c = ++counter;
        crt_unlock_global();
        k += append_base32(out + k, c);
        out[k] = 0;
        if (GetFileAttributesW(out) == 0xFFFFFFFF)
            return 0;
    }
    return CRT_EEXIST;
}

CRTEXP W *_wtempnam(const W *dir, const W *prefix)
{
    W name[NAME_MAX_];
    int e = make(dir, prefix, name);
    if (e) {
        crt_errno = e;
        return NULL;
    }
    size_t n = 0;
    while (name[n])
        n++;
    W *r = malloc((n + 1) * sizeof(W));
    if (r == NULL)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        r[i] = name[i];
    return r;
}

CRTEXP char *_tempnam(const char *dir, const char *prefix)
{
    W wdir[NAME_MAX_], wprefix[256];
    if (dir && crt_widen_path(dir, wdir, NAME_MAX_))
        dir = NULL;
    if (prefix && !MultiByteToWideChar(0, 0, prefix, -1, wprefix, 256)) {
        crt_errno = CRT_EINVAL;
        return NULL;
    }
    W *w = _wtempnam(dir ? wdir : NULL, prefix ? wprefix : NULL);
    if (w == NULL)
        return NULL;
    int n = WideCharToMultiByte(0, 0, w, -1, NULL, 0, NULL, NULL);
    char *r = n > 0 ? malloc((size_t)n) : NULL;
    if (r)
        WideCharToMultiByte(0, 0, w, -1, r, n, NULL, NULL);
    else
        crt_errno = CRT_ENOMEM;
    free(w);
    return r;
}
