/* _setmaxstdio/_getmaxstdio and the real limits behind them: the stream table refuses a stream
 * beyond the maximum (EMFILE), the maximum takes [20, 2048] in msvcrt.dll and [20, 8192] in the
 * UCRT, and the descriptor table ends at 2048 / 8192 descriptors (_open -> EMFILE). */
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <stdlib.h>
#include <windows.h>

#ifdef _UCRT
#define CEILING 8192
#else
#define CEILING 2048
#endif

/* both runtimes call the handler installed (msvcrt.dll's default returns, the UCRT's ends the process) */
static void handler(const wchar_t *e, const wchar_t *f, const wchar_t *fn, unsigned l, uintptr_t r)
{
    (void)e; (void)f; (void)fn; (void)l; (void)r;
    printf("invalid parameter\n");
}

static int open_all(const char *path, int limit)
{
    int n = 0;
    while (n < limit && fopen(path, "rb") != NULL)
        n++;
    return n;
}

int main(int argc, char **argv)
{
    (void)argc;
#ifdef _UCRT
    _set_invalid_parameter_handler(handler);
#else
    /* mingw-w64's import library keeps its own copy: ask msvcrt.dll's export itself */
    typedef _invalid_parameter_handler (__cdecl *set_fn)(_invalid_parameter_handler);
    set_fn set = (set_fn)(void (*)(void))GetProcAddress(GetModuleHandleA("msvcrt.dll"), "_set_invalid_parameter_handler");
    if (set) set(handler);
#endif
    printf("default %d\n", _getmaxstdio());
    int r;
    errno = 0; r = _setmaxstdio(19); printf("set 19 -> %d errno %d\n", r, errno);
    errno = 0; r = _setmaxstdio(CEILING + 1); printf("set %d -> %d errno %d\n", CEILING + 1, r, errno);
    printf("set %d -> %d\n", CEILING, _setmaxstdio(CEILING));
    r = _setmaxstdio(40); printf("set 40 -> %d now %d\n", r, _getmaxstdio());
    errno = 0;
    int n = open_all(argv[0], 100000);
    printf("streams at 40: %d errno %d\n", n, errno);
    r = _setmaxstdio(30); printf("set 30 with 40 open -> %d now %d\n", r, _getmaxstdio());
    printf("fcloseall %d\n", _fcloseall());
    printf("set 512 -> %d\n", _setmaxstdio(512));
    errno = 0;
    n = open_all(argv[0], 100000);
    printf("streams at 512: %d errno %d\n", n, errno);
    printf("fcloseall %d\n", _fcloseall());
    printf("set 20 -> %d\n", _setmaxstdio(20));
    errno = 0;
    n = open_all(argv[0], 100000);
    printf("streams at 20: %d errno %d\n", n, errno);
    _fcloseall();
    /* the descriptor table: every descriptor but the three standard ones */
    int fds = 0;
    errno = 0;
    while (_open(argv[0], _O_RDONLY | _O_BINARY) >= 0)
        fds++;
    printf("descriptors: %d errno %d\n", fds, errno);
    return 0;
}
