/* _popen, _wpopen and _pclose: "cmd.exe /c command" with one end of a pipe as its standard output
 * ("r": the caller reads what it prints) or its standard input ("w"), "t" or "b" for the stream's
 * mode; the caller's end is not inheritable, so the child sees the end of its input when the
 * stream is closed. _pclose closes the stream, waits, and returns the interpreter's exit code. */
#include "process.h"
#include "../stdio.h"

#define STARTF_USESTDHANDLES 0x100
#define O_TEXT 0x4000
#define O_BINARY 0x8000
#define DUPLICATE_SAME_ACCESS 2
#define INFINITE 0xFFFFFFFFu

WINBASEAPI HANDLE WINAPI GetCurrentProcess(void);
WINBASEAPI BOOL WINAPI DuplicateHandle(HANDLE, HANDLE, HANDLE, HANDLE *, DWORD, BOOL, DWORD);
WCHAR *crt_comspec(void);
FILE *_fdopen(int, const char *);
int _close(int);
int fclose(FILE *);

static struct { FILE *stream; HANDLE process; } piped[CRT_NIOB];

/* An inheritable copy of a handle for the child (NULL stays NULL). */
static HANDLE inheritable(HANDLE h)
{
    HANDLE copy = NULL;
    if (h && h != INVALID_HANDLE_VALUE)
        DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &copy, 0, 1, DUPLICATE_SAME_ACCESS);
    return copy;
}

static HANDLE start_interpreter(const WCHAR *command, HANDLE in, HANDLE out)
{
    static const WCHAR prefix[] = { 'c', 'm', 'd', '.', 'e', 'x', 'e', ' ', '/', 'c', ' ', 0 };
    WCHAR *comspec = crt_comspec();
    size_t n = wcslen(prefix) + wcslen(command) + 1;
    WCHAR *line = malloc(n * sizeof(WCHAR));
    HANDLE process = NULL;
    if (line) {
        size_t k = 0;
        for (const WCHAR *p = prefix; *p; p++)
            line[k++] = *p;
        for (const WCHAR *p = command; *p; p++)
            line[k++] = *p;
        line[k] = 0;
        CRT_STARTUPINFOW si = { 0 };
        si.cb = sizeof si;
        si.dwFlags = STARTF_USESTDHANDLES;
        si.hStdInput = in;
        si.hStdOutput = out;
        si.hStdError = inheritable(GetStdHandle(STD_ERROR_HANDLE));
        CRT_PROCESS_INFORMATION pi;
        if (CreateProcessW(comspec, line, NULL, NULL, 1, 0, NULL, NULL, &si, &pi)) {
            CloseHandle(pi.hThread);
            process = pi.hProcess;
        } else {
            *__doserrno() = GetLastError();
            crt_errno = crt_dos_to_errno(*__doserrno());
        }
        if (si.hStdError)
            CloseHandle(si.hStdError);
        free(line);
    } else
        crt_errno = CRT_ENOMEM;
    free(comspec);
    return process;
}

CRTEXP FILE *_wpopen(const WCHAR *command, const WCHAR *mode)
{
    if (command == NULL || mode == NULL || (mode[0] != 'r' && mode[0] != 'w')) {
        crt_errno = CRT_EINVAL;
        return NULL;
    }
    int reading = mode[0] == 'r', oflag = 0;
    for (const WCHAR *m = mode + 1; *m; m++)
        if (*m == 't' && !oflag) oflag = O_TEXT;
        else if (*m == 'b' && !oflag) oflag = O_BINARY;
        else if (*m != ' ') {
            crt_errno = CRT_EINVAL;
            return NULL;
        }
    int slot = 0;
    while (slot < CRT_NIOB && piped[slot].stream)
        slot++;
    if (slot == CRT_NIOB) {
        crt_errno = CRT_EMFILE;
        return NULL;
    }
    HANDLE rd, wr;
    CRT_SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, 0 };
    if (!CreatePipe(&rd, &wr, &sa, 0)) {
        *__doserrno() = GetLastError();
        crt_errno = crt_dos_to_errno(*__doserrno());
        return NULL;
    }
    HANDLE mine = reading ? rd : wr, theirs = inheritable(reading ? wr : rd);
    CloseHandle(reading ? wr : rd);
    HANDLE other = inheritable(GetStdHandle(reading ? STD_INPUT_HANDLE : STD_OUTPUT_HANDLE));
    HANDLE process = start_interpreter(command, reading ? other : theirs, reading ? theirs : other);
    if (theirs)
        CloseHandle(theirs);
    if (other)
        CloseHandle(other);
    int fd = process ? crt_alloc_fd(mine, oflag | 0x80) : -1;         /* _O_NOINHERIT */
    char smode[3] = { reading ? 'r' : 'w', oflag == O_BINARY ? 'b' : oflag == O_TEXT ? 't' : 0, 0 };
    FILE *f = fd >= 0 ? _fdopen(fd, smode) : NULL;
    if (f == NULL) {
        int e = crt_errno;
        if (fd >= 0)
            _close(fd);
        else
            CloseHandle(mine);
        if (process)
            CloseHandle(process);
        crt_errno = e;
        return NULL;
    }
    piped[slot].stream = f;
    piped[slot].process = process;
    return f;
}

CRTEXP FILE *_popen(const char *command, const char *mode)
{
    if (command == NULL || mode == NULL) {
        crt_errno = CRT_EINVAL;
        return NULL;
    }
    WCHAR *wc = crt_widen_alloc(command), *wm = crt_widen_alloc(mode);
    FILE *f = wc && wm ? _wpopen(wc, wm) : NULL;
    int e = crt_errno;
    free(wc);
    free(wm);
    crt_errno = e;
    return f;
}

CRTEXP int _pclose(FILE *stream)
{
    int slot = 0;
    while (slot < CRT_NIOB && (stream == NULL || piped[slot].stream != stream))
        slot++;
    if (slot == CRT_NIOB) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    HANDLE process = piped[slot].process;
    piped[slot].stream = NULL;
    fclose(stream);
    int status;
    if (_cwait(&status, (intptr_t)process, 0) == -1)
        return -1;
    return status;
}
