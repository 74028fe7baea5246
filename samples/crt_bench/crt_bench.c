/* The printf benchmark's guest (tools/bench_crt_printf.py): N lines of printf("%d %s %f\n")
 * through msvcrt.dll ("crt"), or formatted by mingw-w64's own statically linked printf engine
 * (__mingw_snprintf, "static") and written with fwrite; argv: MODE N. */
#define atexit atexit_import
#include "../crt.h"
#undef atexit

int __mingw_snprintf(char *, size_t, const char *, ...);
void _pei386_runtime_relocator(void);

/* libmingwex refers to atexit as data; this program registers nothing at exit. */
int atexit(void (*fn)(void))
{
    (void)fn;
    return 0;
}

void Entry(void)
{
    int argc, si = 0;
    char **argv, **env;
    _pei386_runtime_relocator();            /* mingw-w64's pseudo relocations, as its start-up does */
    __getmainargs(&argc, &argv, &env, 0, &si);
    int n = argc > 2 ? (int)strtol(argv[2], 0, 10) : 1000;
    int mingw = argc > 1 && argv[1][0] == 's';
    for (int i = 0; i < n; i++) {
        if (mingw) {
            char buf[128];
            int k = __mingw_snprintf(buf, sizeof buf, "%d %s %f\n", i, "line", i * 0.5);
            fwrite(buf, 1, (size_t)k, stdout);
        } else
            printf("%d %s %f\n", i, "line", i * 0.5);
    }
    exit(0);
}
