/* The runtimes' smaller exports that programs import besides the C library proper, each reached
 * by name (GetProcAddress) so that both runtimes' sets are checked: msvcrt.dll's (USE_UCRT unset)
 * __lconv_init, the small-block heap threshold, _heapadd, the setlocale activity counters,
 * _aexit_rtn, the version getters, _get_terminate, the debug operator new and the C++ name of
 * _set_se_translator; the UCRT's __initialize_lconv_for_unsigned_char, _lock_locales,
 * ___lc_locale_name_func, the FMA3 flag, _sopen_dispatch and __std_terminate; in both _loaddll,
 * _getdllprocaddr, _unloaddll and _setsystime. */
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <locale.h>
#include <share.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <windows.h>

#ifdef USE_UCRT
#define RUNTIME "ucrtbase.dll"
#else
#define RUNTIME "msvcrt.dll"
#endif

static HMODULE crt;
static void *Get(const char *name)
{
    void *p = (void *)GetProcAddress(crt, name);
    if (!p)
        printf("FAIL %s is not exported\n", name);
    return p;
}

#ifndef USE_UCRT
static void Translator(unsigned code, EXCEPTION_POINTERS *info) { (void)code; (void)info; }
static void OnTerminate(void) {}
#endif

int main(void)
{
    crt = GetModuleHandleA(RUNTIME);
    int (*unsigned_chars)(void) = Get(
#ifdef USE_UCRT
        "__initialize_lconv_for_unsigned_char"
#else
        "__lconv_init"
#endif
    );
    printf("frac_digits before: %d\n", localeconv()->frac_digits);
    int r = unsigned_chars();
    printf("after the unsigned-char start-up call (%d): %d, as unsigned %u, p_sign_posn %u\n", r,
           localeconv()->frac_digits, (unsigned char)localeconv()->frac_digits,
           (unsigned char)localeconv()->p_sign_posn);
    printf("decimal point still \"%s\"\n", localeconv()->decimal_point);

    intptr_t (*loaddll)(const char *) = Get("_loaddll");
    void *(*getdllprocaddr)(intptr_t, const char *, intptr_t) = Get("_getdllprocaddr");
    int (*unloaddll)(intptr_t) = Get("_unloaddll");
    intptr_t k32 = loaddll("kernel32.dll");
    printf("_loaddll(kernel32): %d, of nothing: %d\n", k32 != 0, loaddll("no_such.dll") != 0);
    printf("_getdllprocaddr by name %d, by name with an ordinal %d\n",
           getdllprocaddr(k32, "GetTickCount", -1) == (void *)GetProcAddress((HMODULE)k32, "GetTickCount"),
           getdllprocaddr(k32, "GetTickCount", 5) != NULL);
    printf("_unloaddll: %d\n", unloaddll(k32));

    unsigned (*setsystime)(struct tm *, unsigned) = Get("_setsystime");
    struct tm when = { 0, 0, 12, 1, 0, 124, 0, 0, -1 };
    printf("_setsystime without SeSystemtimePrivilege: %u\n", setsystime(&when, 0));

#ifdef USE_UCRT
    void (*lock)(void) = Get("_lock_locales");
    void (*unlock)(void) = Get("_unlock_locales");
    lock();
    lock();                         /* the locale lock is recursive */
    unlock();
    unlock();
    puts("_lock_locales twice, then _unlock_locales twice");
    wchar_t **(*names)(void) = Get("___lc_locale_name_func");
    printf("locale names in \"C\": %s\n", names()[LC_CTYPE] == NULL ? "NULL" : "set");
    setlocale(LC_ALL, "");
    wchar_t **n = names();
    printf("after setlocale(LC_ALL, \"\"): %ls %ls %ls\n", n[LC_COLLATE], n[LC_CTYPE], n[LC_TIME]);
    setlocale(LC_ALL, "C");
    int (*get_fma3)(void) = Get("_get_FMA3_enable");
    int (*set_fma3)(int) = Get("_set_FMA3_enable");
    printf("FMA3: %d, set 1: %d, now %d\n", get_fma3(), set_fma3(1), get_fma3());
    int (*sopen_dispatch)(const char *, int, int, int, int *, int) = Get("_sopen_dispatch");
    int fd = 99;
    int e = sopen_dispatch("C:\\Temp\\compat.txt", _O_CREAT | _O_RDWR, _SH_DENYNO, _S_IREAD | _S_IWRITE, &fd, 1);
    printf("_sopen_dispatch create: %d, fd above 2: %d\n", e, fd > 2);
    printf("write %d\n", _write(fd, "abc", 3));
    _close(fd);
    e = sopen_dispatch("C:\\Temp\\missing.txt", _O_RDONLY, _SH_DENYNO, 0, &fd, 0);
    printf("_sopen_dispatch of a missing file: %d (ENOENT %d), fd %d\n", e, ENOENT, fd);
    printf("__std_terminate exported: %d\n", Get("__std_terminate") != NULL);
#else
    int (*set_sbh)(size_t) = Get("_set_sbh_threshold");
    size_t (*get_sbh)(void) = Get("_get_sbh_threshold");
    printf("_set_sbh_threshold(1000): %d, threshold %u\n", set_sbh(1000), (unsigned)get_sbh());
    int (*heapadd)(void *, size_t) = Get("_heapadd");
    errno = 0;
    char block[64];
    r = heapadd(block, sizeof block);
    printf("_heapadd: %d errno %d\n", r, errno);
    int (*setlc_active)(void) = Get("___setlc_active_func");
    unsigned *(*readlc)(void) = Get("___unguarded_readlc_active_add_func");
    printf("setlocale active %d, readers %u, the counter is the export: %d\n", setlc_active(), *readlc(),
           readlc() == Get("__unguarded_readlc_active"));
    void (**aexit)(int) = Get("_aexit_rtn");
    printf("_aexit_rtn is _exit: %d\n", *aexit == Get("_exit"));
    int (*osplatform)(unsigned *) = Get("_get_osplatform");
    int (*winmajor)(unsigned *) = Get("_get_winmajor");
    int (*winminor)(unsigned *) = Get("_get_winminor");
    int (*osver)(unsigned *) = Get("_get_osver");
    unsigned v1 = 0, v2 = 0, v3 = 0, v4 = 0;
    osplatform(&v1);
    winmajor(&v2);
    winminor(&v3);
    osver(&v4);
    printf("platform %u, Windows %u.%u, the data agree: %d %d %d\n", v1, v2, v3,
           v2 == *(unsigned *)Get("_winmajor"), v3 == *(unsigned *)Get("_winminor"),
           v4 == *(unsigned *)Get("_osver"));
    errno = 0;
    r = winmajor(NULL);
    printf("_get_winmajor(NULL): %d errno %d\n", r, errno);
    void (*(*set_terminate)(void (*)(void)))(void) = Get("?set_terminate@@YAP6AXXZP6AXXZ@Z");
    void (*(*get_terminate)(void))(void) = Get("_get_terminate");
    set_terminate(OnTerminate);
    printf("_get_terminate gives set_terminate's: %d\n", get_terminate() == OnTerminate);
    set_terminate(NULL);
    void *(*new_dbg)(size_t, int, const char *, int) = Get("??2@YAPEAX_KHPEBDH@Z");
    void (*del)(void *) = Get("??3@YAXPEAX@Z");
    char *p = new_dbg(16, 1, __FILE__, __LINE__);
    printf("debug operator new: %d\n", p != NULL);
    del(p);
    typedef void (*trans)(unsigned, EXCEPTION_POINTERS *);
    trans (*set_trans)(trans) = Get("?_set_se_translator@@YAP6AXIPEAU_EXCEPTION_POINTERS@@@ZP6AXI0@Z@Z");
    trans first = set_trans(Translator);
    trans second = set_trans(NULL);
    printf("_set_se_translator by its C++ name: %d %d\n", first == NULL, second == Translator);
#endif
    return 0;
}
