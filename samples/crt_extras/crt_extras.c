/* msvcrt.dll's small exports: the stdout printf forms with a locale or positions (_printf_l,
 * _printf_p_l, _printf_s_l, _wprintf_l, _wprintf_p, _wprintf_p_l, _wprintf_s_l and the va_list
 * ones), _sys_errlist/_sys_nerr, _HUGE, _osplatform, _difftime64, _ftime_s, _loaddll/
 * _getdllprocaddr/_unloaddll and _setjmpex, looked up by name where mingw-w64's headers differ. */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>
#include <windows.h>

static HMODULE crt;
#define GET(type, name) ((type)(void *)GetProcAddress(crt, name))

typedef int (*vp_l)(const char *, void *, va_list);
typedef int (*vwp_l)(const wchar_t *, void *, va_list);
static int call_v(const char *name, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = GET(vp_l, name)(fmt, NULL, ap);
    va_end(ap);
    return r;
}
static int call_vw(const char *name, const wchar_t *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = GET(vwp_l, name)(fmt, NULL, ap);
    va_end(ap);
    return r;
}
static int call_vw_p(const wchar_t *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = GET(int (*)(const wchar_t *, va_list), "_vwprintf_p")(fmt, ap);
    va_end(ap);
    return r;
}

int main(void)
{
    crt = GetModuleHandleA("msvcrt.dll");
    typedef int (*p_l)(const char *, void *, ...);
    typedef int (*wp_l)(const wchar_t *, void *, ...);
    int r[16], n = 0;
    r[n++] = GET(p_l, "_printf_l")("[%d %s %.2f]\n", NULL, 42, "l", 1.5);
    r[n++] = GET(p_l, "_printf_p_l")("[%2$s %1$d]\n", NULL, 7, "p_l");
    r[n++] = GET(p_l, "_printf_s_l")("[%05x]\n", NULL, 255);
    r[n++] = call_v("_vprintf_l", "[v %c%c]\n", 'o', 'k');
    r[n++] = call_v("_vprintf_p_l", "[%2$d %1$d]\n", 1, 2);
    r[n++] = call_v("_vprintf_s_l", "[%-4s|]\n", "s");
    fflush(stdout);
    r[n++] = GET(wp_l, "_wprintf_l")(L"[w %d %s]\n", NULL, 3, L"wide");
    r[n++] = GET(int (*)(const wchar_t *, ...), "_wprintf_p")(L"[%2$s %1$s]\n", L"b", L"a");
    r[n++] = GET(wp_l, "_wprintf_p_l")(L"[%1$d%1$d]\n", NULL, 9);
    r[n++] = GET(wp_l, "_wprintf_s_l")(L"[%3d]\n", NULL, 5);
    r[n++] = call_vw("_vwprintf_l", L"[vw %s]\n", L"x");
    r[n++] = call_vw_p(L"[%2$c%1$c]\n", L'y', L'z');
    r[n++] = call_vw("_vwprintf_p_l", L"[%1$s]\n", L"q");
    r[n++] = call_vw("_vwprintf_s_l", L"[%u]\n", 12u);
    fflush(stdout);
    printf("returns");
    for (int i = 0; i < n; i++)
        printf(" %d", r[i]);
    printf("\n");
    /* the error texts */
    char **errlist = GET(char **, "_sys_errlist");
    int *nerr = GET(int *, "_sys_nerr");
    printf("errlist %d [%s] [%s] [%s]\n", *nerr, errlist[0], errlist[2], errlist[*nerr - 1]);
    /* data */
    double huge = *GET(double *, "_HUGE");
    printf("huge %d %d osplatform %u\n", huge > 1e308, huge == huge * 2, *GET(unsigned *, "_osplatform"));
    printf("difftime64 %.1f\n", GET(double (*)(long long, long long), "_difftime64")(5000000000LL, 1000000000LL));
    struct { long long time; unsigned short millitm; short timezone, dstflag; } tb = { 0 };
    int fr = GET(int (*)(void *), "_ftime_s")(&tb);
    printf("ftime_s %d %d\n", fr, tb.time > 1000000000LL);
    /* the DLL helpers */
    intptr_t (*loaddll)(const char *) = GET(intptr_t (*)(const char *), "_loaddll");
    void *(*getproc)(intptr_t, const char *, intptr_t) = GET(void *(*)(intptr_t, const char *, intptr_t), "_getdllprocaddr");
    int (*unload)(intptr_t) = GET(int (*)(intptr_t), "_unloaddll");
    intptr_t k = loaddll("kernel32.dll");
    printf("loaddll %d byname %d wrongmix %d missing %d\n", k == (intptr_t)GetModuleHandleA("kernel32.dll"),
           getproc(k, "GetTickCount", -1) == (void *)GetProcAddress((HMODULE)k, "GetTickCount"),
           getproc(k, "GetTickCount", 3) == NULL, loaddll("no_such_module_x.dll") == 0);
    printf("unloaddll %d\n", unload(k));
    printf("setjmpex %d\n", GET(void *, "_setjmpex") == GET(void *, "_setjmp"));
    return 0;
}
