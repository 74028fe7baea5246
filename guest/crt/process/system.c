/* system and _wsystem: the command interpreter (COMSPEC, else cmd.exe found on PATH) runs
 * "/c command" and its exit code is the result; system(NULL) says whether an interpreter exists.
 * Streams are not flushed first (the documentation asks the caller to). */
#include "process.h"

int _waccess(const WCHAR *, int);

/* COMSPEC's value in a heap block, or NULL. */
WCHAR *crt_comspec(void)
{
    static const WCHAR name[] = { 'C', 'O', 'M', 'S', 'P', 'E', 'C', 0 };
    DWORD n = GetEnvironmentVariableW(name, NULL, 0);
    WCHAR *v = n ? malloc(n * sizeof(WCHAR)) : NULL;
    if (v && GetEnvironmentVariableW(name, v, n) != n - 1) {
        free(v);
        v = NULL;
    }
    return v;
}

CRTEXP int _wsystem(const WCHAR *command)
{
    WCHAR *comspec = crt_comspec();
    if (command == NULL) {
        int found = comspec && _waccess(comspec, 0) == 0;
        free(comspec);
        if (!found)
            crt_errno = CRT_ENOENT;                     /* no interpreter: 0 and ENOENT */
        return found;
    }
    static const WCHAR slash_c[] = { '/', 'c', 0 }, cmd[] = { 'c', 'm', 'd', '.', 'e', 'x', 'e', 0 };
    const WCHAR *argv[4] = { comspec, slash_c, command, NULL };
    intptr_t r = -1;
    if (comspec)
        r = crt_wspawnve(CRT_P_WAIT, comspec, argv, NULL);
    if (comspec == NULL || (r == -1 && (crt_errno == CRT_ENOENT || crt_errno == CRT_EACCES))) {
        argv[0] = cmd;                                  /* no usable COMSPEC: cmd.exe on PATH */
        r = crt_wspawnvpe(CRT_P_WAIT, cmd, argv, NULL);
    }
    free(comspec);
    return (int)r;
}

CRTEXP int system(const char *command)
{
    if (command == NULL)
        return _wsystem(NULL);
    WCHAR *w = crt_widen_alloc(command);
    if (w == NULL)
        return -1;
    int r = _wsystem(w);
    int e = crt_errno;
    free(w);
    crt_errno = e;
    return r;
}
