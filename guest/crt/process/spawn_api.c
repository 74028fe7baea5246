/* The _spawn and _exec families, narrow and wide: l (arguments listed, NULL-ended), v (an argv
 * array), e (an environment array after them), p (the PATH search). The narrow ones widen their
 * strings with the ANSI code page and share the Unicode path; _exec is _spawn with _P_OVERLAY. */
#include "process.h"

/* -- narrow arrays widened into one allocation each */
static void free_array(WCHAR **a)
{
    if (a) {
        for (WCHAR **p = a; *p; p++)
            free(*p);
        free(a);
    }
}

static WCHAR **widen_array(const char *const *a)
{
    size_t n = 0;
    while (a[n])
        n++;
    WCHAR **w = malloc((n + 1) * sizeof *w);
    if (w == NULL) {
        crt_errno = CRT_ENOMEM;
        return NULL;
    }
    for (size_t i = 0; i <= n; i++)
        w[i] = NULL;
    for (size_t i = 0; i < n; i++)
        if ((w[i] = crt_widen_alloc(a[i])) == NULL) {
            free_array(w);
            return NULL;
        }
    return w;
}

static intptr_t narrow_spawn(int mode, int search, const char *name, const char *const *argv, const char *const *envp)
{
    if (name == NULL || argv == NULL) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    WCHAR *wname = crt_widen_alloc(name);
    WCHAR **wargv = widen_array(argv);
    WCHAR **wenvp = envp ? widen_array(envp) : NULL;
    intptr_t r = -1;
    if (wname && wargv && (wenvp || !envp))
        r = search ? crt_wspawnvpe(mode, wname, (const WCHAR *const *)wargv, (const WCHAR *const *)wenvp)
                   : crt_wspawnve(mode, wname, (const WCHAR *const *)wargv, (const WCHAR *const *)wenvp);
    int e = crt_errno;
    free(wname);
    free_array(wargv);
    free_array(wenvp);
    crt_errno = e;
    return r;
}

static intptr_t wide_spawn(int mode, int search, const WCHAR *name, const WCHAR *const *argv, const WCHAR *const *envp)
{
    if (argv == NULL) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    return search ? crt_wspawnvpe(mode, name, argv, envp) : crt_wspawnve(mode, name, argv, envp);
}

/* -- the list forms gather their arguments (and for "le", the environment after the NULL) */
#define LIST_SPAWN(T, spawn, mode, search, name, first, with_env) do {                     \
        va_list ap, count;                                                                \
        va_start(ap, first);                                                              \
        va_copy(count, ap);                                                               \
        size_t n = 1;                                                                     \
        if (first)                                                                        \
            while (va_arg(count, const T *))                                              \
                n++;                                                                      \
        va_end(count);                                                                    \
        const T **argv = malloc((n + 1) * sizeof *argv);                                 \
        if (argv == NULL) { va_end(ap); crt_errno = CRT_ENOMEM; return -1; }             \
        argv[0] = first;                                                                  \
        for (size_t i = 1; i < n; i++)                                                    \
            argv[i] = va_arg(ap, const T *);                                              \
        argv[n] = NULL;                                                                   \
        const T *const *envp = NULL;                                                      \
        if (with_env) {                                                                   \
            if (first)                                                                    \
                (void)va_arg(ap, const T *);            /* the NULL that ends the list */ \
            envp = va_arg(ap, const T *const *);                                          \
        }                                                                                 \
        va_end(ap);                                                                       \
        intptr_t r = spawn(mode, search, name, argv, envp);                              \
        int e = crt_errno;                                                                \
        free(argv);                                                                       \
        crt_errno = e;                                                                    \
        return r;                                                                         \
    } while (0)

#define N const char
#define W const WCHAR
CRTEXP intptr_t _spawnl(int m, N *f, N *a, ...) { LIST_SPAWN(char, narrow_spawn, m, 0, f, a, 0); }
CRTEXP intptr_t _spawnle(int m, N *f, N *a, ...) { LIST_SPAWN(char, narrow_spawn, m, 0, f, a, 1); }
CRTEXP intptr_t _spawnlp(int m, N *f, N *a, ...) { LIST_SPAWN(char, narrow_spawn, m, 1, f, a, 0); }
CRTEXP intptr_t _spawnlpe(int m, N *f, N *a, ...) { LIST_SPAWN(char, narrow_spawn, m, 1, f, a, 1); }
CRTEXP intptr_t _spawnv(int m, N *f, N *const *v) { return narrow_spawn(m, 0, f, v, NULL); }
CRTEXP intptr_t _spawnve(int m, N *f, N *const *v, N *const *e) { return narrow_spawn(m, 0, f, v, e); }
CRTEXP intptr_t _spawnvp(int m, N *f, N *const *v) { return narrow_spawn(m, 1, f, v, NULL); }
CRTEXP intptr_t _spawnvpe(int m, N *f, N *const *v, N *const *e) { return narrow_spawn(m, 1, f, v, e); }
CRTEXP intptr_t _wspawnl(int m, W *f, W *a, ...) { LIST_SPAWN(WCHAR, wide_spawn, m, 0, f, a, 0); }
CRTEXP intptr_t _wspawnle(int m, W *f, W *a, ...) { LIST_SPAWN(WCHAR, wide_spawn, m, 0, f, a, 1); }
CRTEXP intptr_t _wspawnlp(int m, W *f, W *a, ...) { LIST_SPAWN(WCHAR, wide_spawn, m, 1, f, a, 0); }
CRTEXP intptr_t _wspawnlpe(int m, W *f, W *a, ...) { LIST_SPAWN(WCHAR, wide_spawn, m, 1, f, a, 1); }
CRTEXP intptr_t _wspawnv(int m, W *f, W *const *v) { return wide_spawn(m, 0, f, v, NULL); }
CRTEXP intptr_t _wspawnve(int m, W *f, W *const *v, W *const *e) { return wide_spawn(m, 0, f, v, e); }
CRTEXP intptr_t _wspawnvp(int m, W *f, W *const *v) { return wide_spawn(m, 1, f, v, NULL); }
CRTEXP intptr_t _wspawnvpe(int m, W *f, W *const *v, W *const *e) { return wide_spawn(m, 1, f, v, e); }

/* _exec: the caller ends once the child has started; they return only on failure (-1, errno). */
#define O CRT_P_OVERLAY
CRTEXP intptr_t _execl(N *f, N *a, ...) { LIST_SPAWN(char, narrow_spawn, O, 0, f, a, 0); }
CRTEXP intptr_t _execle(N *f, N *a, ...) { LIST_SPAWN(char, narrow_spawn, O, 0, f, a, 1); }
CRTEXP intptr_t _execlp(N *f, N *a, ...) { LIST_SPAWN(char, narrow_spawn, O, 1, f, a, 0); }
CRTEXP intptr_t _execlpe(N *f, N *a, ...) { LIST_SPAWN(char, narrow_spawn, O, 1, f, a, 1); }
CRTEXP intptr_t _execv(N *f, N *const *v) { return narrow_spawn(O, 0, f, v, NULL); }
CRTEXP intptr_t _execve(N *f, N *const *v, N *const *e) { return narrow_spawn(O, 0, f, v, e); }
CRTEXP intptr_t _execvp(N *f, N *const *v) { return narrow_spawn(O, 1, f, v, NULL); }
CRTEXP intptr_t _execvpe(N *f, N *const *v, N *const *e) { return narrow_spawn(O, 1, f, v, e); }
CRTEXP intptr_t _wexecl(W *f, W *a, ...) { LIST_SPAWN(WCHAR, wide_spawn, O, 0, f, a, 0); }
CRTEXP intptr_t _wexecle(W *f, W *a, ...) { LIST_SPAWN(WCHAR, wide_spawn, O, 0, f, a, 1); }
CRTEXP intptr_t _wexeclp(W *f, W *a, ...) { LIST_SPAWN(WCHAR, wide_spawn, O, 1, f, a, 0); }
CRTEXP intptr_t _wexeclpe(W *f, W *a, ...) { LIST_SPAWN(WCHAR, wide_spawn, O, 1, f, a, 1); }
CRTEXP intptr_t _wexecv(W *f, W *const *v) { return wide_spawn(O, 0, f, v, NULL); }
CRTEXP intptr_t _wexecve(W *f, W *const *v, W *const *e) { return wide_spawn(O, 0, f, v, e); }
CRTEXP intptr_t _wexecvp(W *f, W *const *v) { return wide_spawn(O, 1, f, v, NULL); }
CRTEXP intptr_t _wexecvpe(W *f, W *const *v, W *const *e) { return wide_spawn(O, 1, f, v, e); }
