/* _spawnve's work in Unicode: the program's file (no extension: .com, .exe, .bat, .cmd tried in
 * that order; a final period: the name without one), the command line (argv joined by single
 * spaces, nothing quoted, as the Microsoft runtimes do), an environment block from envp,
 * CreateProcessW with every inheritable handle and the descriptor table in lpReserved2, then what
 * the mode asks: wait for the exit code, hand back the process handle, detach, or end the caller
 * (_P_OVERLAY, the _exec functions). _cwait and the "p" variants' PATH search. */
#include "process.h"

#define MAX_CMDLINE 32767
#define INFINITE 0xFFFFFFFFu
#define DETACHED_PROCESS 0x8
#define CREATE_UNICODE_ENVIRONMENT 0x400
#define INVALID_FILE_ATTRIBUTES 0xFFFFFFFFu
#define FILE_ATTRIBUTE_DIRECTORY 0x10

__attribute__((noreturn)) void _exit(int);

static void set_error(DWORD e)
{
    *__doserrno() = e;
    crt_errno = crt_dos_to_errno(e);
}

/* argv[0] argv[1] ... with one space between; NULL and E2BIG past CreateProcess' limit. */
static WCHAR *join_args(const WCHAR *const *argv)
{
    size_t n = 0;
    for (const WCHAR *const *a = argv; *a; a++)
        n += wcslen(*a) + 1;
    if (n > MAX_CMDLINE) {
        crt_errno = CRT_E2BIG;
        return NULL;
    }
    WCHAR *line = malloc((n + 1) * sizeof(WCHAR)), *p = line;
    if (line == NULL) {
        crt_errno = CRT_ENOMEM;
        return NULL;
    }
    for (const WCHAR *const *a = argv; *a; a++) {
        if (a != argv)
            *p++ = ' ';
        for (const WCHAR *s = *a; *s; s++)
            *p++ = *s;
    }
    *p = 0;
    return line;
}

/* NAME=value strings one after another, each ended by a NUL, the block by another. */
static WCHAR *environment_block(const WCHAR *const *envp)
{
    size_t n = 1;
    for (const WCHAR *const *e = envp; *e; e++)
        n += wcslen(*e) + 1;
    WCHAR *block = malloc((n + 1) * sizeof(WCHAR)), *p = block;
    if (block == NULL) {
        crt_errno = CRT_ENOMEM;
        return NULL;
    }
    for (const WCHAR *const *e = envp; *e; e++) {
        for (const WCHAR *s = *e; *s; s++)
            *p++ = *s;
        *p++ = 0;
    }
    if (p == block)
        *p++ = 0;                                       /* an empty block is two NULs */
    *p = 0;
    return block;
}

static int is_file(const WCHAR *path)
{
    DWORD a = GetFileAttributesW(path);
    return a != INVALID_FILE_ATTRIBUTES && !(a & FILE_ATTRIBUTE_DIRECTORY);
}

static intptr_t execute(int mode, const WCHAR *file, const WCHAR *const *argv, const WCHAR *const *envp)
{
    WCHAR *line = join_args(argv);
    if (line == NULL)
        return -1;
    WCHAR *env = NULL;
    if (envp && (env = environment_block(envp)) == NULL) {
        free(line);
        return -1;
    }
    unsigned short size = 0;
    unsigned char *fds = crt_fd_block(&size);
    CRT_STARTUPINFOW si = { 0 };
    si.cb = sizeof si;
    si.cbReserved2 = size;
    si.lpReserved2 = fds;
    CRT_PROCESS_INFORMATION pi;
    DWORD flags = (mode == CRT_P_DETACH ? DETACHED_PROCESS : 0) | (env ? CREATE_UNICODE_ENVIRONMENT : 0);
    BOOL ok = CreateProcessW(file, line, NULL, NULL, 1, flags, env, NULL, &si, &pi);
    DWORD error = GetLastError();
    free(fds);
    free(env);
    free(line);
    if (!ok) {
        set_error(error);
        return -1;
    }
    CloseHandle(pi.hThread);
    switch (mode) {
    case CRT_P_OVERLAY:
        _exit(0);                                       /* the caller ends, the child goes on */
    case CRT_P_WAIT: {
        DWORD code = 0;
        WaitForSingleObject(pi.hProcess, INFINITE);
        GetExitCodeProcess(pi.hProcess, &code);
        CloseHandle(pi.hProcess);
        return (int)code;
    }
    case CRT_P_DETACH:
        CloseHandle(pi.hProcess);
        return 0;
    default:                                            /* _P_NOWAIT, _P_NOWAITO */
        return (intptr_t)pi.hProcess;
    }
}

static int has_extension(const WCHAR *name)
{
    const WCHAR *dot = NULL;
    for (const WCHAR *p = name; *p; p++)
        if (*p == '\\' || *p == '/' || *p == ':')
            dot = NULL;
        else if (*p == '.')
            dot = p;
    return dot != NULL;
}

intptr_t crt_wspawnve(int mode, const WCHAR *name, const WCHAR *const *argv, const WCHAR *const *envp)
{
    if (name == NULL || *name == 0 || argv == NULL || argv[0] == NULL || *argv[0] == 0
        || mode < CRT_P_WAIT || mode > CRT_P_DETACH) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    size_t n = wcslen(name);
    if (n >= 1024) {
        crt_errno = CRT_ENOENT;
        return -1;
    }
    if (has_extension(name)) {
        if (name[n - 1] != '.')
            return execute(mode, name, argv, envp);
        WCHAR bare[1024];                               /* "name.": the file without an extension */
        for (size_t i = 0; i + 1 < n; i++)
            bare[i] = name[i];
        bare[n - 1] = 0;
        if (!is_file(bare)) {
            crt_errno = CRT_ENOENT;
            return -1;
        }
        return execute(mode, bare, argv, envp);
    }
    static const char exts[4][5] = { ".com", ".exe", ".bat", ".cmd" };
    WCHAR file[1030];
    for (size_t i = 0; i < n; i++)
        file[i] = name[i];
    for (int e = 0; e < 4; e++) {
        for (int i = 0; i < 5; i++)
            file[n + i] = (WCHAR)exts[e][i];
        if (is_file(file))
            return execute(mode, file, argv, envp);
    }
    *__doserrno() = 2;
    crt_errno = CRT_ENOENT;
    return -1;
}

/* The name as given (the current directory first), then in each folder of PATH unless the name
 * has a folder or drive of its own; only "not found" moves the search on. */
intptr_t crt_wspawnvpe(int mode, const WCHAR *name, const WCHAR *const *argv, const WCHAR *const *envp)
{
    intptr_t r = crt_wspawnve(mode, name, argv, envp);
    if (r != -1 || crt_errno != CRT_ENOENT)
        return r;
    for (const WCHAR *p = name; *p; p++)
        if (*p == '\\' || *p == '/' || *p == ':')
            return r;
    static const WCHAR path_name[] = { 'P', 'A', 'T', 'H', 0 };
    DWORD need = GetEnvironmentVariableW(path_name, NULL, 0);
    if (need == 0)
        return r;
    WCHAR *path = malloc(need * sizeof(WCHAR));
    if (path == NULL)
        return r;
    GetEnvironmentVariableW(path_name, path, need);
    size_t n = wcslen(name);
    WCHAR file[2048];
    for (WCHAR *dir = path; *dir;) {
        WCHAR *end = dir;
        while (*end && *end != ';')
            end++;
        size_t len = (size_t)(end - dir);
        if (len && len + n + 2 < sizeof file / sizeof file[0]) {
            for (size_t i = 0; i < len; i++)
                file[i] = dir[i];
            if (file[len - 1] != '\\' && file[len - 1] != '/')
                file[len++] = '\\';
            for (size_t i = 0; i <= n; i++)
                file[len + i] = name[i];
            r = crt_wspawnve(mode, file, argv, envp);
            if (r != -1 || crt_errno != CRT_ENOENT)
                break;
        }
        dir = *end ? end + 1 : end;
    }
    free(path);
    return r;
}

/* Waits for the process, stores its exit code in *termstat, closes the handle and returns it. */
CRTEXP intptr_t _cwait(int *termstat, intptr_t handle, int action)
{
    (void)action;                                       /* _WAIT_CHILD, _WAIT_GRANDCHILD: no difference */
    DWORD code;
    if (handle == 0 || handle == -1 || WaitForSingleObject((HANDLE)handle, INFINITE) != 0
        || !GetExitCodeProcess((HANDLE)handle, &code)) {
        DWORD e = GetLastError();
        *__doserrno() = e;
        crt_errno = e == 6 ? CRT_ECHILD : crt_dos_to_errno(e);
        if (crt_errno == CRT_EBADF || crt_errno == CRT_EINVAL)
            crt_errno = CRT_ECHILD;
        return -1;
    }
    if (termstat)
        *termstat = (int)code;
    CloseHandle((HANDLE)handle);
    return handle;
}

WCHAR *crt_widen_alloc(const char *s)
{
    int n = MultiByteToWideChar(0, 0, s, -1, NULL, 0);
    WCHAR *w = n ? malloc((size_t)n * sizeof(WCHAR)) : NULL;
    if (w)
        MultiByteToWideChar(0, 0, s, -1, w, n);
    else
        crt_errno = CRT_ENOMEM;
    return w;
}
