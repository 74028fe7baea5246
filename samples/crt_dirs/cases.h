/* The C runtime's folder, listing and diagnostic functions, and the math and <fenv.h> additions,
 * run the same way against msvcrt.dll (crt_dirs, mingw-w64) and the UCRT (ucrt_dirs, zig): the
 * current directory moves between C:\work (the run's writable folder) and a folder made in it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <direct.h>
#include <io.h>
#include <sys/stat.h>
#include <math.h>
#include <fenv.h>
#undef NDEBUG                           /* the assertion case needs assert() itself */
#include <assert.h>

static int failures;

static void check(int ok, const char *what)
{
    printf("%s %s\n", ok ? "ok  " : "FAIL", what);
    failures += !ok;
}

static void folder_cases(void)
{
    char buf[260], *p;
    check(_getcwd(buf, sizeof buf) == buf && strcmp(buf, "C:\\work") == 0, "_getcwd: C:\\work");
    errno = 0;
    check(_getcwd(buf, 4) == NULL && errno == ERANGE, "_getcwd into 4 bytes: ERANGE");
    p = _getcwd(NULL, 0);
    check(p != NULL && strcmp(p, "C:\\work") == 0, "_getcwd(NULL, 0) allocates");
    free(p);
    check(_getdrive() == 3, "_getdrive: 3 (C:)");
    check((_getdrives() & 4) != 0, "_getdrives has C:");
    _rmdir("sub\\deeper");
    _rmdir("sub");
    check(_mkdir("sub") == 0, "_mkdir sub");
    errno = 0;
    check(_mkdir("sub") == -1 && errno == EEXIST, "again: EEXIST");
    errno = 0;
    check(_mkdir("nothere\\x") == -1 && errno == ENOENT, "under a folder that does not exist: ENOENT");
    check(_chdir("sub") == 0, "_chdir sub");
    check(_getcwd(buf, sizeof buf) && strcmp(buf, "C:\\work\\sub") == 0, "now C:\\work\\sub");
    check(_getdcwd(3, buf, sizeof buf) && strcmp(buf, "C:\\work\\sub") == 0, "_getdcwd(3)");
    check(_fullpath(buf, "..\\a.txt", sizeof buf) && strcmp(buf, "C:\\work\\a.txt") == 0, "_fullpath ..\\a.txt");
    p = _fullpath(NULL, "x", 0);
    check(p && strcmp(p, "C:\\work\\sub\\x") == 0, "_fullpath(NULL, x)");
    free(p);
    FILE *f = fopen("one.txt", "w");
    fputs("12345", f);
    fclose(f);
    fclose(fopen("two.dat", "w"));
    check(_mkdir("deeper") == 0, "_mkdir deeper");
    struct _finddata_t fd;
    intptr_t h = _findfirst("*", &fd);
    int files = 0, dirs = 0, dots = 0;
    long size_one = -1;
    if (h != -1) {
        do {
            if (strcmp(fd.name, ".") == 0 || strcmp(fd.name, "..") == 0) dots++;
            else if (fd.attrib & _A_SUBDIR) dirs++;
            else files++;
            if (strcmp(fd.name, "one.txt") == 0) size_one = (long)fd.size;
        } while (_findnext(h, &fd) == 0);
        check(errno == ENOENT, "the listing ends with ENOENT");
        check(_findclose(h) == 0, "_findclose");
    }
    check(h != -1 && files == 2 && dirs == 1 && dots == 2, "_findfirst(*): two files, a folder, . and ..");
    check(size_one == 5, "one.txt is 5 bytes");
    h = _findfirst("*.txt", &fd);
    check(h != -1 && strcmp(fd.name, "one.txt") == 0 && _findnext(h, &fd) == -1, "_findfirst(*.txt): one.txt alone");
    _findclose(h);
    errno = 0;
    check(_findfirst("*.none", &fd) == -1 && errno == ENOENT, "no match: -1, ENOENT");
    check(_chmod("one.txt", _S_IREAD) == 0 && _access("one.txt", 2) == -1 && errno == EACCES,
          "_chmod read-only: _access for writing EACCES");
    check(_chmod("one.txt", _S_IREAD | _S_IWRITE) == 0 && _access("one.txt", 2) == 0, "and writable again");
    check(_access_s("two.dat", 0) == 0 && _access_s("three", 0) == ENOENT, "_access_s");
    errno = 0;
    check(_rmdir(".") == -1, "_rmdir of the current folder fails");
    char tmpl[] = "tmpXXXXXX";
    check(_mktemp(tmpl) != NULL && tmpl[3] == 'a' && tmpl[8] >= '0' && tmpl[8] <= '9', "_mktemp: a, then digits");
    remove("one.txt");
    remove("two.dat");
    check(_rmdir("deeper") == 0, "_rmdir deeper");
    check(_chdir("..") == 0 && _rmdir("sub") == 0, "back up, _rmdir sub");
    errno = 0;
    check(_chdir("sub") == -1 && errno == ENOENT, "_chdir to it now: ENOENT");
    char found[260];
    _searchenv("kernel32.dll", "PATH", found);
    check(strcmp(found, "C:\\Windows\\system32\\kernel32.dll") == 0, "_searchenv(kernel32.dll, PATH)");
    _searchenv("nothing.dll", "PATH", found);
    check(found[0] == 0 && errno == ENOENT, "_searchenv of nothing: empty, ENOENT");
}

static void diagnostic_cases(void)
{
    errno = ENOENT;
    check(strcmp(_strerror("open"), "open: No such file or directory\n") == 0, "_strerror(open)");
    errno = EACCES;
    check(strcmp(_strerror(NULL), "Permission denied\n") == 0, "_strerror(NULL)");
    fflush(stdout);
    errno = EEXIST;
    perror("perror");                   /* on stderr: the test reads it there */
}

static void math_cases(void)
{
    printf("erf(0.5) %.17g erf(-3) %.17g erfc(3) %.17g\n", erf(0.5), erf(-3.0), erfc(3.0));
    printf("tgamma(5) %.17g tgamma(0.5) %.17g lgamma(10) %.17g lgamma(0.5) %.17g\n", tgamma(5.0), tgamma(0.5),
           lgamma(10.0), lgamma(0.5));
    printf("tgamma(-1.5) %.17g lgamma(-0.5) %.17g tgamma(171.5) %.17g\n", tgamma(-1.5), lgamma(-0.5), tgamma(171.5));
    volatile double a = 0.1, b = 10.0, c = -1.0;
    printf("fma(0.1, 10, -1) %.17g (0.1 * 10 - 1 rounds to %.17g)\n", fma(a, b, c), a * b + c);
    printf("isnan(nan(\"\")) %d nextafterf(1, 2) %.9g\n", isnan(nan("")), (double)nextafterf(1.0f, 2.0f));
    check(fegetround() == FE_TONEAREST, "fegetround: FE_TONEAREST");
    check(fesetround(FE_DOWNWARD) == 0 && fegetround() == FE_DOWNWARD, "fesetround(FE_DOWNWARD)");
    volatile double one = 1.0, three = 3.0;
    volatile double down = one / three;
    fesetround(FE_UPWARD);
    volatile double up = one / three;
    fesetround(FE_TONEAREST);
    check(up > down, "1/3 rounded up is above 1/3 rounded down");
    /* (The SSE unit's exception flags are not emulated: MXCSR keeps none, so no flag test here.) */
    feclearexcept(FE_ALL_EXCEPT);
    check(fetestexcept(FE_ALL_EXCEPT) == 0, "feclearexcept(FE_ALL_EXCEPT)");
    fenv_t env;
    check(feholdexcept(&env) == 0 && fesetenv(&env) == 0, "feholdexcept / fesetenv");
}

/* argv[1] "assert": an assertion that fails (the runtime's message on stderr, then abort). */
static void assert_case(int argc)
{
    assert(argc == 5);
}
