/* The secure environment forms the runtime lacked: _putenv_s/_wputenv_s (name and value apart; an
 * empty value removes the variable), _wgetenv_s and _wdupenv_s (as getenv_s and _dupenv_s, in
 * UTF-16). A null or empty name, a name with '=' or a null value is EINVAL through the
 * invalid-parameter step. */
#include "crtwin.h"
#include "secure.h"

typedef crt_wchar W;
void *malloc(size_t);
void free(void *);
size_t strlen(const char *);
size_t wcslen(const W *);
int _putenv(const char *);
int _wputenv(const W *);
W *_wgetenv(const W *);

#define DEFINE_PUTENV_S(NAME, T, LEN, PUT)                                                         \
CRTEXP int NAME(const T *name, const T *value)                                                     \
{                                                                                                  \
    if (name == NULL || value == NULL || *name == 0)                                              \
        return crt_invalid(CRT_EINVAL);                                                            \
    size_t n = LEN(name), v = LEN(value);                                                          \
    for (size_t i = 0; i < n; i++)                                                                 \
        if (name[i] == '=')                                                                        \
            return crt_invalid(CRT_EINVAL);                                                        \
    T *a = malloc((n + v + 2) * sizeof(T));                                                        \
    if (a == NULL)                                                                                 \
        return crt_errno = CRT_ENOMEM;                                                             \
    for (size_t i = 0; i < n; i++) a[i] = name[i];                                                 \
    a[n] = '=';                                                                                    \
    for (size_t i = 0; i <= v; i++) a[n + 1 + i] = value[i];                                       \
    int r = PUT(a);                                                                                \
    free(a);                                                                                       \
    return r ? crt_errno : 0;                                                                      \
}

DEFINE_PUTENV_S(_putenv_s, char, strlen, _putenv)
DEFINE_PUTENV_S(_wputenv_s, W, wcslen, _wputenv)

/* _wgetenv_s: the value's size with its terminator through *required (0 when unset), copied when
 * buf has room, else ERANGE. */
CRTEXP int _wgetenv_s(size_t *required, W *buf, size_t size, const W *name)
{
    if (required == NULL || name == NULL || (buf == NULL && size))
        return crt_invalid(CRT_EINVAL);
    if (buf)
        buf[0] = 0;
    const W *v = _wgetenv(name);
    *required = 0;
    if (v == NULL)
        return 0;
    size_t n = wcslen(v) + 1;
    *required = n;
    if (buf == NULL)
        return 0;
    if (n > size)
        return crt_invalid(CRT_ERANGE);
    for (size_t i = 0; i < n; i++)
        buf[i] = v[i];
    return 0;
}

/* _wdupenv_s: a heap copy of the value (NULL and 0 when unset), its size in characters with the
 * terminator. */
CRTEXP int _wdupenv_s(W **out, size_t *len, const W *name)
{
    if (out == NULL || name == NULL)
        return crt_invalid(CRT_EINVAL);
    *out = NULL;
    if (len)
        *len = 0;
    const W *v = _wgetenv(name);
    if (v == NULL)
        return 0;
    size_t n = wcslen(v) + 1;
    W *copy = malloc(n * sizeof(W));
    if (copy == NULL)
        return crt_errno = CRT_ENOMEM;
    for (size_t i = 0; i < n; i++)
        copy[i] = v[i];
    *out = copy;
    if (len)
        *len = n;
    return 0;
}
