/* The C runtime's child processes, the body shared by crt_spawn (mingw-w64, msvcrt.dll) and
 * ucrt_spawn (zig, ucrtbase.dll): this program spawns itself in a child role named on its command
 * line. _spawn modes and results, _cwait, _exec, argv joined without quoting, the PATH search,
 * environments, descriptors inherited through _pipe, _dup2 and _spawn, _O_NOINHERIT, system()
 * exit codes and output order, _popen reading and writing, errno for what cannot run, the wide
 * forms. Exit code: failed checks. */
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <process.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

static int failures;
static const char *self;

static void check(int ok, const char *what)
{
    printf("%s %s\n", ok ? "ok  " : "FAIL", what);
    fflush(stdout);
    if (!ok)
        failures++;
}

/* -- the child's roles */
static int child(int argc, char **argv)
{
    const char *role = argv[2];
    if (!strcmp(role, "exit"))
        return atoi(argv[3]);
    if (!strcmp(role, "args")) {
        printf("     child argv:");
        for (int i = 3; i < argc; i++)
            printf(" [%s]", argv[i]);
        printf("\n");
        return argc - 3;
    }
    if (!strcmp(role, "env")) {
        const char *foo = getenv("FOO");
        return (foo && !strcmp(foo, "bar") ? 0 : 1) | (getenv("PATH") == NULL ? 0 : 2);
    }
    if (!strcmp(role, "writefd")) {             /* a descriptor number the parent's runtime passed on */
        int fd = atoi(argv[3]);
        return _write(fd, argv[4], (unsigned)strlen(argv[4])) == (int)strlen(argv[4]) ? 0 : 1;
    }
    if (!strcmp(role, "closed"))                /* a descriptor that must not have come across */
        return _get_osfhandle(atoi(argv[3])) == -1 && errno == EBADF ? 0 : 1;
    if (!strcmp(role, "print")) {
        printf("through stdout\n");
        return 0;
    }
    if (!strcmp(role, "count")) {               /* bytes on standard input, to the end, as they came */
        char buf[64];
        _setmode(0, _O_BINARY);
        int n = 0, r;
        while ((r = _read(0, buf, sizeof buf)) > 0)
            n += r;
        return n;
    }
    if (!strcmp(role, "exec")) {                /* replaced by a grandchild that writes to a descriptor */
        _execl(self, self, "child", "writefd", argv[3], "exec'd", NULL);
        return 100;
    }
    return 99;
}

static int read_all(int fd, char *buf, int cap)
{
    int n = 0, r;
    while (n < cap - 1 && (r = _read(fd, buf + n, (unsigned)(cap - 1 - n))) > 0)
        n += r;
    buf[n] = 0;
    return n;
}

static void spawn_modes(void)
{
    check(_spawnl(_P_WAIT, self, self, "child", "exit", "7", NULL) == 7, "_P_WAIT returns the exit code, 7");
    intptr_t h = _spawnl(_P_NOWAIT, self, self, "child", "exit", "3", NULL);
    int status = -1;
    check(h != -1 && h != 0, "_P_NOWAIT returns the process handle");
    check(_cwait(&status, h, _WAIT_CHILD) == h && status == 3, "_cwait returns the handle, termstat 3");
    errno = 0;
    check(_cwait(&status, h, _WAIT_CHILD) == -1 && errno == ECHILD, "_cwait again: the handle is closed -> ECHILD");
    h = _spawnl(_P_NOWAITO, self, self, "child", "exit", "4", NULL);
    check(h != -1 && _cwait(&status, h, _WAIT_GRANDCHILD) == h && status == 4, "_P_NOWAITO, termstat 4");
    check(_spawnl(_P_DETACH, self, self, "child", "exit", "5", NULL) == 0, "_P_DETACH returns 0");
    const char *argv[] = { self, "child", "exit", "8", NULL };
    check(_spawnv(_P_WAIT, self, argv) == 8, "_spawnv");
    errno = 0;
    check(_spawnv(99, self, argv) == -1 && errno == EINVAL, "an unknown mode -> EINVAL");
    errno = 0;
    const char *none[] = { NULL };
    check(_spawnv(_P_WAIT, self, none) == -1 && errno == EINVAL, "an empty argv -> EINVAL");
}

static void argv_passing(void)
{
    fflush(stdout);
    check(_spawnl(_P_WAIT, self, self, "child", "args", "a b", "c", NULL) == 3,
          "arguments are joined with spaces, not quoted: \"a b\" arrives as two");
    check(_spawnl(_P_WAIT, self, self, "child", "args", "\"x y\"", "back\\slash", NULL) == 2,
          "quotes the caller writes are the child's");
}

static void searching(void)
{
    errno = 0;
    check(_spawnl(_P_WAIT, "C:\\Temp\\nosuch", "nosuch", NULL) == -1 && errno == ENOENT, "a missing program -> ENOENT");
    errno = 0;
    check(_spawnlp(_P_WAIT, "nosuch_program", "nosuch_program", NULL) == -1 && errno == ENOENT,
          "not on PATH either -> ENOENT");
    check(_spawnlp(_P_WAIT, "cmd", "cmd", "/c", "exit", "5", NULL) == 5, "_spawnlp finds cmd(.exe) on PATH");
    char cwd[260];
    GetCurrentDirectoryA(sizeof cwd, cwd);
    SetCurrentDirectoryA("C:\\app");
    const char *name = strrchr(self, '\\') + 1;
    char bare[64];
    strcpy(bare, name);
    *strrchr(bare, '.') = 0;
    check(_spawnlp(_P_WAIT, bare, bare, "child", "exit", "6", NULL) == 6, "the current directory first, .exe added");
    SetCurrentDirectoryA(cwd);
    FILE *f = fopen("C:\\Temp\\bad.exe", "w");
    fputs("not a program\n", f);
    fclose(f);
    errno = 0;
    check(_spawnl(_P_WAIT, "C:\\Temp\\bad.exe", "bad", NULL) == -1 && errno == ENOEXEC, "a text file -> ENOEXEC");
    static char big[40000];
    memset(big, 'x', sizeof big - 1);
    errno = 0;
    check(_spawnl(_P_WAIT, self, self, big, NULL) == -1 && errno == E2BIG, "a command line past 32767 -> E2BIG");
    f = fopen("C:\\Temp\\t.bat", "w");
    fputs("@echo off\necho      batch file, %1\nexit /b 13\n", f);
    fclose(f);
    check(_spawnl(_P_WAIT, "C:\\Temp\\t.bat", "C:\\Temp\\t.bat", "arg", NULL) == 13, "a .bat runs under cmd.exe: 13");
    check(_spawnl(_P_WAIT, "C:\\Temp\\t", "C:\\Temp\\t", "again", NULL) == 13, "no extension: .bat found");
}

static void environments(void)
{
    const char *env[] = { "FOO=bar", NULL };
    check(_spawnle(_P_WAIT, self, self, "child", "env", NULL, env) == 0, "_spawnle: the child's environment is envp");
    const char *argv[] = { self, "child", "env", NULL };
    check(_spawnve(_P_WAIT, self, argv, env) == 0, "_spawnve");
    check(_spawnvpe(_P_WAIT, self, argv, env) == 0, "_spawnvpe");
    check(_spawnlpe(_P_WAIT, self, self, "child", "env", NULL, env) == 0, "_spawnlpe");
    _putenv("FOO=bar");
    check(_spawnl(_P_WAIT, self, self, "child", "env", NULL) == 2, "no envp: this environment, PATH and all");
    _putenv("FOO=");
}

static void descriptors(void)
{
    int fds[2];
    char buf[128], num[16];
    check(_pipe(fds, 4096, _O_BINARY) == 0, "_pipe");
    sprintf(num, "%d", fds[1]);
    intptr_t h = _spawnl(_P_NOWAIT, self, self, "child", "writefd", num, "inherited", NULL);
    _close(fds[1]);
    read_all(fds[0], buf, sizeof buf);
    int status = -1;
    _cwait(&status, h, _WAIT_CHILD);
    check(!strcmp(buf, "inherited") && status == 0, "the child writes to the pipe's descriptor it inherited");
    _close(fds[0]);

    check(_pipe(fds, 4096, _O_BINARY) == 0, "_pipe again");
    int saved = _dup(1);
    fflush(stdout);
    _dup2(fds[1], 1);
    _close(fds[1]);
    status = _spawnl(_P_WAIT, self, self, "child", "print", NULL);
    _dup2(saved, 1);
    _close(saved);
    int n = read_all(fds[0], buf, sizeof buf);
    _close(fds[0]);
    check(status == 0 && n == 15 && !strcmp(buf, "through stdout\n"),
          "_dup2 onto 1: the child's stdout is the (binary) pipe");

    check(_pipe(fds, 4096, _O_BINARY | _O_NOINHERIT) == 0, "_pipe with _O_NOINHERIT");
    sprintf(num, "%d", fds[1]);
    check(_spawnl(_P_WAIT, self, self, "child", "closed", num, NULL) == 0, "an _O_NOINHERIT descriptor stays behind");
    _close(fds[0]);
    _close(fds[1]);

    check(_pipe(fds, 4096, _O_BINARY) == 0, "_pipe for _execl");
    sprintf(num, "%d", fds[1]);
    status = _spawnl(_P_WAIT, self, self, "child", "exec", num, NULL);
    _close(fds[1]);
    read_all(fds[0], buf, sizeof buf);
    _close(fds[0]);
    check(status == 0, "_execl: the caller ends (exit code 0) once the program has started");
    check(!strcmp(buf, "exec'd"), "and the program it started inherited the descriptors");
}

static void command_interpreter(void)
{
    check(system(NULL) != 0, "system(NULL): there is a command interpreter");
    check(system("exit 3") == 3, "system returns cmd's exit code, 3");
    printf("     before\n");
    fflush(stdout);
    int r = system("echo      from cmd.exe");
    printf("     after\n");
    check(r == 0, "output in order when stdout is flushed first");
    fflush(stdout);
    check(system("nosuch_command_xyz 2>&1") == 9009, "an unknown command: 9009, cmd's message");
    char line[256];
    sprintf(line, "%s child exit 21", self);
    check(system(line) == 21, "a program's exit code through cmd");
    _putenv("COMSPEC=");
    check(system("exit 4") == 4, "no COMSPEC: cmd.exe from PATH");
    _putenv("COMSPEC=C:\\Windows\\system32\\cmd.exe");

    FILE *p = _popen("echo hello& echo world", "r");
    char a[64] = "", b[64] = "";
    check(p != NULL, "_popen \"r\"");
    fgets(a, sizeof a, p);
    fgets(b, sizeof b, p);
    check(!strcmp(a, "hello\n") && !strcmp(b, "world\n"), "its lines, CR LF read as LF (text mode)");
    check(_pclose(p) == 0, "_pclose: 0");
    p = _popen("echo raw", "rb");
    fgets(a, sizeof a, p);
    check(!strcmp(a, "raw\r\n"), "\"rb\": the CR stays");
    _pclose(p);
    p = _popen("exit 6", "r");
    check(_pclose(p) == 6, "_pclose returns the exit code, 6");
    sprintf(line, "%s child count", self);
    p = _popen(line, "w");
    check(p != NULL, "_popen \"w\"");
    fputs("abc\n", p);
    check(_pclose(p) == 5, "the child read what was written, LF written as CR LF: 5 bytes");
    errno = 0;
    check(_popen("exit", "x") == NULL && errno == EINVAL, "a bad mode -> EINVAL");
    errno = 0;
    check(_pclose(stdout) == -1 && errno == EINVAL, "_pclose of a stream _popen did not open -> EINVAL");
}

static void wide_forms(void)
{
    wchar_t wself[260];
    mbstowcs(wself, self, 260);
    check(_wspawnl(_P_WAIT, wself, wself, L"child", L"exit", L"11", NULL) == 11, "_wspawnl");
    const wchar_t *argv[] = { wself, L"child", L"exit", L"12", NULL };
    check(_wspawnvp(_P_WAIT, wself, argv) == 12, "_wspawnvp");
    check(_wsystem(L"exit 14") == 14, "_wsystem");
    FILE *p = _wpopen(L"echo wide", L"rt");
    char a[32] = "";
    fgets(a, sizeof a, p);
    check(!strcmp(a, "wide\n") && _pclose(p) == 0, "_wpopen");
}

static int parent(void)
{
    spawn_modes();
    argv_passing();
    searching();
    environments();
    descriptors();
    command_interpreter();
    wide_forms();
    return failures;
}

int main(int argc, char **argv)
{
    self = argv[0];
    if (argc >= 3 && !strcmp(argv[1], "child"))
        return child(argc, argv);
    if (argc >= 2 && !strcmp(argv[1], "overlay")) {     /* this process ends, the new one goes on */
        printf("     before _P_OVERLAY\n");
        fflush(stdout);
        _spawnl(_P_OVERLAY, self, self, "child", "args", "overlaid", NULL);
        return 100;
    }
    if (argc >= 2 && !strcmp(argv[1], "execv")) {
        printf("     before _execv\n");
        fflush(stdout);
        const char *args[] = { self, "child", "args", "exec'd", NULL };
        _execv(self, args);
        return 100;
    }
    return parent();
}
