/* The environment after start-up: _putenv/_wputenv change the process's variables
 * (SetEnvironmentVariable) and the runtime's copies, getenv_s/_dupenv_s/_wgetenv read them. */
#include "crtwin.h"
#include "errno.h"

WINBASEAPI BOOL WINAPI SetEnvironmentVariableW(const WCHAR *, const WCHAR *);
void *malloc(size_t);
void free(void *);
char *getenv(const char *);
int _strnicmp(const char *, const char *, size_t);
int _wcsnicmp(const crt_wchar *, const crt_wchar *, size_t);
size_t strlen(const char *);
size_t wcslen(const crt_wchar *);

CRTEXP crt_wchar *_wgetenv(const crt_wchar *name)
{
    crt_init_wide_env();
    if (name == NULL) {
        crt_errno = CRT_EINVAL;
        return NULL;
    }
    size_t n = wcslen(name);
    for (crt_wchar **e = crt_wenviron; e && *e; e++)
        if (!_wcsnicmp(*e, name, n) && (*e)[n] == '=')
            return *e + n + 1;
    return NULL;
}

/* NAME=value sets, NAME= removes; the copies are rebuilt from the process block. */
CRTEXP int _wputenv(const crt_wchar *assignment)
{
    if (assignment == NULL) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    size_t len = wcslen(assignment), eq = 0;
    while (eq < len && assignment[eq] != '=')
        eq++;
    if (eq == 0 || eq == len || eq >= 1024) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    WCHAR name[1024];
    for (size_t i = 0; i < eq; i++)
        name[i] = assignment[i];
    name[eq] = 0;
    const WCHAR *value = assignment[eq + 1] ? assignment + eq + 1 : NULL;
    if (!SetEnvironmentVariableW(name, value) && value) {
        crt_errno = CRT_ENOMEM;
        return -1;
    }
    /* the next getenv sees the new block */
    HeapFree(GetProcessHeap(), 0, crt_wenviron);
    crt_wenviron = NULL;
    HeapFree(GetProcessHeap(), 0, crt_environ);
    crt_environ = NULL;
    return 0;
}

CRTEXP int _putenv(const char *assignment)
{
    /* a heap copy: the frame stays below a page, as no stack probes are compiled in */
    int n = assignment ? MultiByteToWideChar(0, 0, assignment, -1, NULL, 0) : 0;
    WCHAR *w = n ? malloc((size_t)n * 2) : NULL;
    if (w == NULL || !MultiByteToWideChar(0, 0, assignment, -1, w, n)) {
        free(w);
        crt_errno = n ? CRT_ENOMEM : CRT_EINVAL;
        return -1;
    }
    int r = _wputenv(w);
    free(w);
    return r;
}

CRTEXP int getenv_s(size_t *required, char *buf, size_t size, const char *name)
{
    if (required == NULL || name == NULL || (buf == NULL && size)) {
        crt_errno = CRT_EINVAL;
        return CRT_EINVAL;
    }
    const char *v = getenv(name);
    if (v == NULL) {
        *required = 0;
        if (buf && size) buf[0] = 0;
        return 0;
    }
    size_t n = strlen(v) + 1;
    *required = n;
    if (buf == NULL)
        return 0;
    if (n > size) {
        if (size) buf[0] = 0;
        return crt_errno = CRT_ERANGE;
    }
    for (size_t i = 0; i < n; i++)
        buf[i] = v[i];
    return 0;
}

CRTEXP int _dupenv_s(char **out, size_t *len, const char *name)
{
    if (out == NULL || name == NULL)
        return crt_errno = CRT_EINVAL;
    *out = NULL;
    if (len) *len = 0;
    const char *v = getenv(name);
    if (v == NULL)
        return 0;
    size_t n = strlen(v) + 1;
    char *copy = malloc(n);
    if (copy == NULL)
        return crt_errno = CRT_ENOMEM;
    for (size_t i = 0; i < n; i++)
        copy[i] = v[i];
    *out = copy;
    if (len) *len = n;
    return 0;
}
