/* Folders and the current directory: _getcwd/_wgetcwd, _getdcwd/_wgetdcwd, _chdir/_wchdir (and
 * the "=X:" variable that remembers a drive's folder), _getdrive/_chdrive/_getdrives, _mkdir/_wmkdir,
 * _rmdir/_wrmdir, _chmod/_wchmod, _fullpath/_wfullpath, _getdiskfree, _umask/_umask_s,
 * _access_s/_waccess_s, _searchenv(_s)/_wsearchenv(_s), _mktemp(_s)/_wmktemp(_s). Narrow paths are
 * in the ANSI code page, as the A functions of kernel32 take them; a buffer the caller does not
 * give is malloc'ed, at least as large as asked. */
#include "lowio.h"
#include "files.h"
#include "errno.h"

WINBASEAPI DWORD WINAPI GetCurrentDirectoryW(DWORD, WCHAR *);
WINBASEAPI BOOL WINAPI SetCurrentDirectoryW(const WCHAR *);
WINBASEAPI BOOL WINAPI CreateDirectoryW(const WCHAR *, SECURITY_ATTRIBUTES *);
WINBASEAPI BOOL WINAPI RemoveDirectoryW(const WCHAR *);
WINBASEAPI DWORD WINAPI GetFullPathNameW(const WCHAR *, DWORD, WCHAR *, WCHAR **);
WINBASEAPI DWORD WINAPI GetFileAttributesW(const WCHAR *);
WINBASEAPI BOOL WINAPI SetFileAttributesW(const WCHAR *, DWORD);
WINBASEAPI DWORD WINAPI GetLogicalDrives(void);
WINBASEAPI BOOL WINAPI GetDiskFreeSpaceW(const WCHAR *, DWORD *, DWORD *, DWORD *, DWORD *);
WINBASEAPI BOOL WINAPI SetEnvironmentVariableW(const WCHAR *, const WCHAR *);
WINBASEAPI DWORD WINAPI GetEnvironmentVariableW(const WCHAR *, WCHAR *, DWORD);
WINBASEAPI DWORD WINAPI GetCurrentProcessId(void);
void *malloc(size_t);
void free(void *);
size_t wcslen(const crt_wchar *);
size_t strlen(const char *);

#define PATH_CHARS 600              /* frames stay below a page: no stack probes here */
#define INVALID_ATTRIBUTES 0xFFFFFFFFu
#define ATTR_READONLY 0x1
#define ATTR_DIRECTORY 0x10
#define S_IWRITE 0x80

static void *fail(DWORD error)
{
    *__doserrno() = error;
    crt_errno = crt_dos_to_errno(error);
    return NULL;
}

static int fail_int(DWORD error)
{
    fail(error);
    return -1;
}

/* A wide result into the caller's narrow buffer (or a new one of max(size, needed) bytes). */
static char *narrow_result(const WCHAR *w, char *buf, int size)
{
    int n = WideCharToMultiByte(0, 0, w, -1, NULL, 0, NULL, NULL);
    if (buf == NULL) {
        buf = malloc(size > n ? (size_t)size : (size_t)n);
        if (buf == NULL) { crt_errno = CRT_ENOMEM; return NULL; }
    } else if (n > size) {
        crt_errno = CRT_ERANGE;
        return NULL;
    }
    WideCharToMultiByte(0, 0, w, -1, buf, n, NULL, NULL);
    return buf;
}

static crt_wchar *wide_result(const WCHAR *w, crt_wchar *buf, int size)
{
    int n = (int)wcslen(w) + 1;
    if (buf == NULL) {
        buf = malloc(2 * (size_t)(size > n ? size : n));
        if (buf == NULL) { crt_errno = CRT_ENOMEM; return NULL; }
    } else if (n > size) {
        crt_errno = CRT_ERANGE;
        return NULL;
    }
    for (int i = 0; i < n; i++) buf[i] = w[i];
    return buf;
}

static int cwd(WCHAR *out)
{
    DWORD n = GetCurrentDirectoryW(PATH_CHARS, out);
    if (n == 0 || n >= PATH_CHARS) { fail(GetLastError()); return -1; }
    return 0;
}

CRTEXP char *_getcwd(char *buf, int size)
{
    WCHAR w[PATH_CHARS];
    if (buf && size <= 0) { crt_errno = CRT_EINVAL; return NULL; }
    return cwd(w) ? NULL : narrow_result(w, buf, size);
}

CRTEXP crt_wchar *_wgetcwd(crt_wchar *buf, int size)
{
    WCHAR w[PATH_CHARS];
    if (buf && size <= 0) { crt_errno = CRT_EINVAL; return NULL; }
    return cwd(w) ? NULL : wide_result(w, buf, size);
}

/* The current folder of drive (1 = A:, 0 = the current drive): "X:." made full. */
static int drive_cwd(int drive, WCHAR *out)
{
    if (drive == 0) return cwd(out);
    if (drive < 1 || drive > 26 || !(GetLogicalDrives() & (1u << (drive - 1)))) {
        *__doserrno() = 15;                 /* ERROR_INVALID_DRIVE */
        crt_errno = CRT_EACCES;
        return -1;
    }
    WCHAR spec[4] = {(WCHAR)('A' + drive - 1), ':', '.', 0};
    DWORD n = GetFullPathNameW(spec, PATH_CHARS, out, NULL);
    if (n == 0 || n >= PATH_CHARS) { fail(GetLastError()); return -1; }
    return 0;
}

CRTEXP char *_getdcwd(int drive, char *buf, int size)
{
    WCHAR w[PATH_CHARS];
    if (buf && size <= 0) { crt_errno = CRT_EINVAL; return NULL; }
    return drive_cwd(drive, w) ? NULL : narrow_result(w, buf, size);
}

CRTEXP crt_wchar *_wgetdcwd(int drive, crt_wchar *buf, int size)
{
    WCHAR w[PATH_CHARS];
    if (buf && size <= 0) { crt_errno = CRT_EINVAL; return NULL; }
    return drive_cwd(drive, w) ? NULL : wide_result(w, buf, size);
}

CRTEXP int _wchdir(const crt_wchar *path)
{
    WCHAR full[PATH_CHARS];
    if (path == NULL) { crt_errno = CRT_EINVAL; return -1; }
    if (!SetCurrentDirectoryW(path)) return fail_int(GetLastError());
    /* The drive's folder in "=X:", as the runtime keeps it for _getdcwd of another drive. */
    if (cwd(full) == 0 && full[1] == ':') {
        WCHAR name[4] = {'=', full[0] >= 'a' && full[0] <= 'z' ? (WCHAR)(full[0] - 32) : full[0], ':', 0};
        SetEnvironmentVariableW(name, full);
    }
    return 0;
}

CRTEXP int _chdir(const char *path)
{
    WCHAR w[PATH_CHARS];
    if (path == NULL) { crt_errno = CRT_EINVAL; return -1; }
    return crt_widen_path(path, w, PATH_CHARS) ? -1 : _wchdir(w);
}

CRTEXP int _getdrive(void)
{
    WCHAR w[PATH_CHARS];
    if (cwd(w) || w[1] != ':') return 0;
    int c = w[0] >= 'a' && w[0] <= 'z' ? w[0] - 32 : w[0];
    return c - 'A' + 1;
}

CRTEXP int _chdrive(int drive)
{
    WCHAR w[PATH_CHARS];
    if (drive < 1 || drive > 26) {
        *__doserrno() = 15;
        crt_errno = CRT_EACCES;
        return -1;
    }
    if (drive_cwd(drive, w)) return -1;
    return _wchdir(w);
}

CRTEXP unsigned long _getdrives(void) { return GetLogicalDrives(); }

CRTEXP int _wmkdir(const crt_wchar *path)
{
    if (path == NULL) { crt_errno = CRT_EINVAL; return -1; }
    return CreateDirectoryW(path, NULL) ? 0 : fail_int(GetLastError());
}

CRTEXP int _mkdir(const char *path)
{
    WCHAR w[PATH_CHARS];
    if (path == NULL) { crt_errno = CRT_EINVAL; return -1; }
    return crt_widen_path(path, w, PATH_CHARS) ? -1 : _wmkdir(w);
}

CRTEXP int _wrmdir(const crt_wchar *path)
{
    if (path == NULL) { crt_errno = CRT_EINVAL; return -1; }
    return RemoveDirectoryW(path) ? 0 : fail_int(GetLastError());
}

CRTEXP int _rmdir(const char *path)
{
    WCHAR w[PATH_CHARS];
    if (path == NULL) { crt_errno = CRT_EINVAL; return -1; }
    return crt_widen_path(path, w, PATH_CHARS) ? -1 : _wrmdir(w);
}

/* _S_IWRITE in mode clears FILE_ATTRIBUTE_READONLY, its absence sets it. */
CRTEXP int _wchmod(const crt_wchar *path, int mode)
{
    if (path == NULL) { crt_errno = CRT_EINVAL; return -1; }
    DWORD a = GetFileAttributesW(path);
    if (a == INVALID_ATTRIBUTES) return fail_int(GetLastError());
    a = mode & S_IWRITE ? a & ~ATTR_READONLY : a | ATTR_READONLY;
    return SetFileAttributesW(path, a) ? 0 : fail_int(GetLastError());
}

CRTEXP int _chmod(const char *path, int mode)
{
    WCHAR w[PATH_CHARS];
    if (path == NULL) { crt_errno = CRT_EINVAL; return -1; }
    return crt_widen_path(path, w, PATH_CHARS) ? -1 : _wchmod(w, mode);
}

/* The full path of rel (the current directory when rel is NULL or empty). */
static int full_path(const WCHAR *rel, WCHAR *out)
{
    if (rel == NULL || rel[0] == 0) return cwd(out);
    DWORD n = GetFullPathNameW(rel, PATH_CHARS, out, NULL);
    if (n == 0) { fail(GetLastError()); return -1; }
    if (n >= PATH_CHARS) { crt_errno = CRT_ERANGE; return -1; }
    return 0;
}

CRTEXP crt_wchar *_wfullpath(crt_wchar *abs, const crt_wchar *rel, size_t max)
{
    WCHAR w[PATH_CHARS];
    if (full_path(rel, w)) return NULL;
    return wide_result(w, abs, abs ? (int)max : 260);
}

CRTEXP char *_fullpath(char *abs, const char *rel, size_t max)
{
    WCHAR wrel[PATH_CHARS], w[PATH_CHARS];
    if (rel && rel[0] && crt_widen_path(rel, wrel, PATH_CHARS)) return NULL;
    if (full_path(rel && rel[0] ? wrel : NULL, w)) return NULL;
    return narrow_result(w, abs, abs ? (int)max : 260);
}

struct crt_diskfree { unsigned total_clusters, avail_clusters, sectors_per_cluster, bytes_per_sector; };

CRTEXP unsigned _getdiskfree(unsigned drive, struct crt_diskfree *out)
{
    if (out == NULL || drive > 26) { crt_errno = CRT_EINVAL; return CRT_EINVAL; }
    WCHAR root[4] = {(WCHAR)('A' + drive - 1), ':', '\\', 0};
    DWORD spc, bps, avail, total;
    if (!GetDiskFreeSpaceW(drive ? root : NULL, &spc, &bps, &avail, &total)) {
        DWORD e = GetLastError();
        fail(e);
        return e;
    }
    out->total_clusters = total;
    out->avail_clusters = avail;
    out->sectors_per_cluster = spc;
    out->bytes_per_sector = bps;
    return 0;
}

static int umask_value;

CRTEXP int _umask(int mode)
{
    int old = umask_value;
    umask_value = mode & 0x180;             /* _S_IREAD | _S_IWRITE */
    return old;
}

CRTEXP int _umask_s(int mode, int *old)
{
    if (old == NULL || (mode & ~0x180)) { crt_errno = CRT_EINVAL; return CRT_EINVAL; }
    *old = _umask(mode);
    return 0;
}

int _waccess(const crt_wchar *path, int mode);
int _access(const char *path, int mode);

CRTEXP int _waccess_s(const crt_wchar *path, int mode)
{
    return _waccess(path, mode) ? crt_errno : 0;
}

CRTEXP int _access_s(const char *path, int mode)
{
    return _access(path, mode) ? crt_errno : 0;
}

/* _searchenv: the file as named (relative to the current directory), then in each folder of the
 * environment variable; the full path, or an empty string and ENOENT. */
static int search_env(const WCHAR *file, const WCHAR *var, WCHAR *out)
{
    WCHAR candidate[PATH_CHARS];
    out[0] = 0;
    if (GetFileAttributesW(file) != INVALID_ATTRIBUTES)
        return full_path(file, out) ? -1 : 0;
    DWORD n = GetEnvironmentVariableW(var, NULL, 0);
    WCHAR *list = malloc(2 * ((size_t)n + 1));
    if (list == NULL) { crt_errno = CRT_ENOMEM; return -1; }
    n = n ? GetEnvironmentVariableW(var, list, n + 1) : 0;
    list[n] = 0;
    int result = -1;
    for (WCHAR *p = list; *p; ) {
        WCHAR *end = p;
        while (*end && *end != ';') end++;
        size_t len = (size_t)(end - p), flen = wcslen(file);
        if (len && len + flen + 2 < PATH_CHARS) {
            for (size_t i = 0; i < len; i++) candidate[i] = p[i];
            if (candidate[len - 1] != '\\' && candidate[len - 1] != '/') candidate[len++] = '\\';
            for (size_t i = 0; i <= flen; i++) candidate[len + i] = file[i];
            if (GetFileAttributesW(candidate) != INVALID_ATTRIBUTES) {
                result = full_path(candidate, out) ? -1 : 0;
                break;
            }
        }
        p = *end ? end + 1 : end;
    }
    free(list);
    if (result && out[0] == 0) crt_errno = CRT_ENOENT;
    return result;
}

CRTEXP int _wsearchenv_s(const crt_wchar *file, const crt_wchar *var, crt_wchar *out, size_t size)
{
    WCHAR w[PATH_CHARS];
    if (out == NULL || size == 0) { crt_errno = CRT_EINVAL; return CRT_EINVAL; }
    out[0] = 0;
    if (file == NULL || var == NULL) { crt_errno = CRT_EINVAL; return CRT_EINVAL; }
    if (search_env(file, var, w)) return crt_errno;
    size_t n = wcslen(w);
    if (n + 1 > size) { crt_errno = CRT_ERANGE; return CRT_ERANGE; }
    for (size_t i = 0; i <= n; i++) out[i] = w[i];
    return 0;
}

CRTEXP void _wsearchenv(const crt_wchar *file, const crt_wchar *var, crt_wchar *out)
{
    _wsearchenv_s(file, var, out, 260);
}

CRTEXP int _searchenv_s(const char *file, const char *var, char *out, size_t size)
{
    WCHAR wf[PATH_CHARS], wv[256], w[PATH_CHARS];
    if (out == NULL || size == 0) { crt_errno = CRT_EINVAL; return CRT_EINVAL; }
    out[0] = 0;
    if (file == NULL || var == NULL || crt_widen_path(file, wf, PATH_CHARS) || crt_widen_path(var, wv, 256)) {
        crt_errno = CRT_EINVAL;
        return CRT_EINVAL;
    }
    if (search_env(wf, wv, w)) return crt_errno;
    if (narrow_result(w, out, (int)size) == NULL) { out[0] = 0; return crt_errno; }
    return 0;
}

CRTEXP void _searchenv(const char *file, const char *var, char *out)
{
    _searchenv_s(file, var, out, 260);
}

/* _mktemp: the six trailing X's become a letter, then the process id's last five digits; the
 * letter goes from 'a' to 'z' until the name is free (EEXIST when all 26 are taken). */
#define DEFINE_MKTEMP(NAME, T, EXISTS)                                                             \
static T *NAME(T *tmpl, size_t size)                                                               \
{                                                                                                  \
    size_t n = 0;                                                                                  \
    while (n < size && tmpl[n]) n++;                                                               \
    if (n < 6 || n == size) { crt_errno = CRT_EINVAL; return NULL; }                               \
    for (size_t i = n - 6; i < n; i++)                                                             \
        if (tmpl[i] != 'X') { crt_errno = CRT_EINVAL; return NULL; }                               \
    unsigned id = GetCurrentProcessId() % 100000;                                                  \
    for (int i = 4; i >= 0; i--, id /= 10) tmpl[n - 5 + i] = (T)('0' + id % 10);                   \
    for (T c = 'a'; c <= 'z'; c++) {                                                               \
        tmpl[n - 6] = c;                                                                           \
        if (!EXISTS(tmpl)) return tmpl;                                                            \
    }                                                                                              \
    crt_errno = CRT_EEXIST;                                                                        \
    return NULL;                                                                                   \
}

static int exists_w(const crt_wchar *p) { return GetFileAttributesW(p) != INVALID_ATTRIBUTES; }
static int exists_a(const char *p)
{
    WCHAR w[PATH_CHARS];
    return crt_widen_path(p, w, PATH_CHARS) == 0 && GetFileAttributesW(w) != INVALID_ATTRIBUTES;
}

DEFINE_MKTEMP(mktemp_w, crt_wchar, exists_w)
DEFINE_MKTEMP(mktemp_a, char, exists_a)

CRTEXP char *_mktemp(char *tmpl)
{
    if (tmpl == NULL) { crt_errno = CRT_EINVAL; return NULL; }
    return mktemp_a(tmpl, strlen(tmpl) + 1);
}

CRTEXP crt_wchar *_wmktemp(crt_wchar *tmpl)
{
    if (tmpl == NULL) { crt_errno = CRT_EINVAL; return NULL; }
    return mktemp_w(tmpl, wcslen(tmpl) + 1);
}

CRTEXP int _mktemp_s(char *tmpl, size_t size)
{
    if (tmpl == NULL || size == 0) { crt_errno = CRT_EINVAL; return CRT_EINVAL; }
    return mktemp_a(tmpl, size) ? 0 : crt_errno;
}

CRTEXP int _wmktemp_s(crt_wchar *tmpl, size_t size)
{
    if (tmpl == NULL || size == 0) { crt_errno = CRT_EINVAL; return CRT_EINVAL; }
    return mktemp_w(tmpl, size) ? 0 : crt_errno;
}
