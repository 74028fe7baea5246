/* The command line and the environment as the runtime hands them to main: argv by Microsoft's
 * quoting rules (2n backslashes + quote -> n backslashes and a delimiter, 2n+1 -> n and a literal
 * quote, "" inside quotes -> a literal quote; argv[0] up to the next quote or blank, no
 * escapes), environment blocks without the "=C:" entries. */
#include "crtwin.h"

int crt_argc;
char **crt_argv;
crt_wchar **crt_wargv;
char **crt_environ;
crt_wchar **crt_wenviron;
char *crt_acmdln;
crt_wchar *crt_wcmdln;

/* One parser for both widths: counts when argv/buf are NULL, fills them otherwise. */
#define DEFINE_PARSE(NAME, T)                                                                 \
static void NAME(const T *p, T **argv, T *buf, int *argc, size_t *chars)                     \
{                                                                                             \
    int n = 0;                                                                                \
    size_t k = 0;                                                                             \
    if (argv) argv[n] = buf;                                                                  \
    if (*p == '"') {                                                                          \
        for (p++; *p && *p != '"'; p++) { if (buf) buf[k] = *p; k++; }                        \
        if (*p == '"') p++;                                                                   \
    } else                                                                                    \
        for (; *p && *p != ' ' && *p != '\t'; p++) { if (buf) buf[k] = *p; k++; }             \
    if (buf) buf[k] = 0;                                                                      \
    k++;                                                                                      \
    n++;                                                                                      \
    int inquote = 0;                                                                          \
    for (;;) {                                                                                \
        while (*p == ' ' || *p == '\t') p++;                                                  \
        if (!*p) break;                                                                       \
        if (argv) argv[n] = buf + k;                                                          \
        for (;;) {                                                                            \
            size_t bs = 0;                                                                    \
            while (*p == '\\') { p++; bs++; }                                                 \
            if (*p == '"') {                                                                  \
                for (size_t i = 0; i < bs / 2; i++) { if (buf) buf[k] = '\\'; k++; }           \
                if (bs & 1) { if (buf) buf[k] = '"'; k++; p++; continue; }                    \
                if (inquote && p[1] == '"') { if (buf) buf[k] = '"'; k++; p += 2; continue; } \
                inquote = !inquote;                                                           \
                p++;                                                                          \
                continue;                                                                     \
            }                                                                                 \
            for (size_t i = 0; i < bs; i++) { if (buf) buf[k] = '\\'; k++; }                   \
            if (!*p || (!inquote && (*p == ' ' || *p == '\t'))) break;                        \
            if (buf) buf[k] = *p;                                                             \
            k++;                                                                              \
            p++;                                                                              \
        }                                                                                     \
        if (buf) buf[k] = 0;                                                                  \
        k++;                                                                                  \
        n++;                                                                                  \
    }                                                                                         \
    if (argv) argv[n] = NULL;                                                                 \
    *argc = n;                                                                                \
    *chars = k;                                                                               \
}

DEFINE_PARSE(parse_narrow, char)
DEFINE_PARSE(parse_wide, crt_wchar)

void crt_init_args(void)
{
    crt_acmdln = GetCommandLineA();
    crt_wcmdln = GetCommandLineW();
    int argc;
    size_t chars;
    parse_narrow(crt_acmdln, NULL, NULL, &argc, &chars);
    char **argv = HeapAlloc(GetProcessHeap(), 0, (argc + 1) * sizeof(char *) + chars);
    if (argv == NULL)
        ExitProcess(255);
    parse_narrow(crt_acmdln, argv, (char *)(argv + argc + 1), &argc, &chars);
    crt_argc = argc;
    crt_argv = argv;
}

void crt_init_wide_args(void)
{
    if (crt_wargv)
        return;
    int argc;
    size_t chars;
    parse_wide(crt_wcmdln, NULL, NULL, &argc, &chars);
    crt_wchar **argv = HeapAlloc(GetProcessHeap(), 0, (argc + 1) * sizeof(void *) + chars * 2);
    if (argv == NULL)
        ExitProcess(255);
    parse_wide(crt_wcmdln, argv, (crt_wchar *)(argv + argc + 1), &argc, &chars);
    crt_wargv = argv;
}

/* The process environment block as NAME=value strings, "=X:" drive entries left out. */
static crt_wchar **wide_env(void)
{
    WCHAR *block = GetEnvironmentStringsW();
    size_t count = 0, chars = 0;
    for (WCHAR *p = block; p && *p; ) {
        size_t len = 0;
        while (p[len]) len++;
        if (*p != '=') {
            count++;
            chars += len + 1;
        }
        p += len + 1;
    }
    crt_wchar **env = HeapAlloc(GetProcessHeap(), 0, (count + 1) * sizeof(void *) + chars * 2);
    if (env == NULL)
        ExitProcess(255);
    crt_wchar *out = (crt_wchar *)(env + count + 1);
    size_t i = 0;
    for (WCHAR *p = block; p && *p; ) {
        size_t len = 0;
        while (p[len]) len++;
        if (*p != '=') {
            env[i++] = out;
            for (size_t j = 0; j <= len; j++)
                *out++ = p[j];
        }
        p += len + 1;
    }
    env[i] = NULL;
    if (block)
        FreeEnvironmentStringsW(block);
    return env;
}

void crt_init_wide_env(void)
{
    if (!crt_wenviron)
        crt_wenviron = wide_env();
}

void crt_init_narrow_env(void)
{
    if (crt_environ)
        return;
    crt_wchar **w = wide_env();
    size_t count = 0, bytes = 0;
    for (; w[count]; count++)
        bytes += WideCharToMultiByte(0, 0, w[count], -1, NULL, 0, NULL, NULL);
    char **env = HeapAlloc(GetProcessHeap(), 0, (count + 1) * sizeof(void *) + bytes);
    if (env == NULL)
        ExitProcess(255);
    char *out = (char *)(env + count + 1);
    for (size_t i = 0; i < count; i++) {
        env[i] = out;
        out += WideCharToMultiByte(0, 0, w[i], -1, out, (int)bytes, NULL, NULL);
    }
    env[count] = NULL;
    crt_environ = env;
    HeapFree(GetProcessHeap(), 0, w);
}
