/* File descriptors over Win32 handles: 0, 1 and 2 from the standard handles at start-up, typed
 * with GetFileType (a character device, a pipe, a disk file), in text mode by default (_fmode):
 * _write turns LF into CR LF, _read turns CR LF into LF and stops at Ctrl-Z. */
#include "lowio.h"
#include "errno.h"

crt_fd crt_fds[CRT_NFD];
int crt_fd_pending[CRT_NFD];
void (*crt_append_hook)(HANDLE);                        /* set by files/lowio_file.c */
CRTEXP int _fmode;

static void setup_fd(int fd, HANDLE h)
{
    crt_fd_pending[fd] = -1;
    if (h == NULL || h == INVALID_HANDLE_VALUE)
        return;
    DWORD type = GetFileType(h);
    if (type == FILE_TYPE_UNKNOWN)
        return;
    crt_fds[fd].handle = h;
    crt_fds[fd].flags = CRT_FOPEN | (type == FILE_TYPE_CHAR ? CRT_FDEV : type == FILE_TYPE_PIPE ? CRT_FPIPE : 0)
                        | ((_fmode & CRT_O_BINARY) ? 0 : CRT_FTEXT);
}

int crt_inherit_fds(void);                              /* process/inherit.c */

void crt_init_lowio(void)
{
    /* the parent runtime's descriptors first (STARTUPINFO.lpReserved2), then the standard handles */
    crt_init_pioinfo();
    int inherited = crt_inherit_fds();
    if (!(inherited & 1))
        setup_fd(0, GetStdHandle(STD_INPUT_HANDLE));
    if (!(inherited & 2))
        setup_fd(1, GetStdHandle(STD_OUTPUT_HANDLE));
    if (!(inherited & 4))
        setup_fd(2, GetStdHandle(STD_ERROR_HANDLE));
}

static crt_fd *get_fd(int fd)
{
    if (fd < 0 || fd >= CRT_NFD || !(crt_fds[fd].flags & CRT_FOPEN)) {
        crt_errno = CRT_EBADF;
        *__doserrno() = 0;
        return NULL;
    }
    return &crt_fds[fd];
}

static int write_all(crt_fd *f, const char *p, DWORD n)
{
    while (n) {
        DWORD done = 0;
        if (!WriteFile(f->handle, p, n, &done, NULL) || done == 0) {
            *__doserrno() = GetLastError();
            crt_errno = *__doserrno() == 112 ? CRT_ENOSPC : CRT_EBADF;
            return -1;
        }
        p += done;
        n -= done;
    }
    return 0;
}

CRTEXP int _write(int fd, const void *buf, unsigned n)
{
    crt_fd *f = get_fd(fd);
    if (f == NULL)
        return -1;
    const char *s = buf;
    if ((f->flags & CRT_FAPPEND) && crt_append_hook)
        crt_append_hook(f->handle);                     /* O_APPEND: every write at the end */
    if (!(f->flags & CRT_FTEXT))
        return write_all(f, s, n) ? -1 : (int)n;
    char tmp[1025];
    unsigned i = 0;
    while (i < n) {
        DWORD k = 0;
        while (i < n && k < 1024) {
            if (s[i] == '\n')
                tmp[k++] = '\r';
            tmp[k++] = s[i++];
        }
        if (write_all(f, tmp, k))
            return -1;
    }
    return (int)n;
}

static int read_raw(crt_fd *f, char *p, DWORD n, DWORD *got)
{
    if (CRT_FD_PENDING(f) >= 0 && n) {
        *p = (char)CRT_FD_PENDING(f);
        CRT_FD_PENDING(f) = -1;
        *got = 1;
        return 0;
    }
    if (!ReadFile(f->handle, p, n, got, NULL)) {
        DWORD e = GetLastError();
        if (e == 109) {             /* ERROR_BROKEN_PIPE: the writer is gone, end of file */
            *got = 0;
            return 0;
        }
        *__doserrno() = e;
        crt_errno = e == 5 ? CRT_EACCES : CRT_EBADF;
        return -1;
    }
    return 0;
}

CRTEXP int _read(int fd, void *buf, unsigned n)
{
    crt_fd *f = get_fd(fd);
    if (f == NULL)
        return -1;
    if (n == 0 || (f->flags & CRT_FEOFLAG))
        return 0;
    char *p = buf;
    DWORD got;
    if (read_raw(f, p, n, &got))
        return -1;
    if (!(f->flags & CRT_FTEXT))
        return (int)got;
    unsigned out = 0;
    for (DWORD i = 0; i < got; i++) {
        char c = p[i];
        if (c == 0x1A) {            /* Ctrl-Z ends a text-mode file */
            f->flags |= CRT_FEOFLAG;
            break;
        }
        if (c == '\r') {
            if (i + 1 < got) {
                if (p[i + 1] == '\n') {
                    p[out++] = '\n';
                    i++;
                } else
                    p[out++] = '\r';
                continue;
            }
            char next;                  /* CR last in the buffer: look one byte ahead */
            DWORD one = 0;
            if (read_raw(f, &next, 1, &one) || one == 0)
                p[out++] = '\r';
            else if (next == '\n')
                p[out++] = '\n';
            else {
                p[out++] = '\r';
                CRT_FD_PENDING(f) = (unsigned char)next;
            }
            continue;
        }
        p[out++] = c;
    }
    return (int)out;
}

CRTEXP int _isatty(int fd)
{
    if (fd < 0 || fd >= CRT_NFD)
        return 0;
    return (crt_fds[fd].flags & CRT_FDEV) ? CRT_FDEV : 0;
}

CRTEXP intptr_t _get_osfhandle(int fd)
{
    crt_fd *f = get_fd(fd);
    return f ? (intptr_t)f->handle : -1;
}

CRTEXP int _setmode(int fd, int mode)
{
    crt_fd *f = get_fd(fd);
    if (f == NULL)
        return -1;
    if (mode != CRT_O_TEXT && mode != CRT_O_BINARY) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    int old = (f->flags & CRT_FTEXT) ? CRT_O_TEXT : CRT_O_BINARY;
    if (mode == CRT_O_TEXT)
        f->flags |= CRT_FTEXT;
    else
        f->flags &= ~CRT_FTEXT;
    return old;
}

CRTEXP int _open_osfhandle(intptr_t handle, int flags)
{
    for (int fd = 3; fd < CRT_NFD; fd++)
        if (!(crt_fds[fd].flags & CRT_FOPEN)) {
            DWORD type = GetFileType((HANDLE)handle);
            if (type == FILE_TYPE_UNKNOWN && GetLastError() != 0) {
                crt_errno = CRT_EBADF;
                return -1;
            }
            crt_fds[fd].handle = (HANDLE)handle;
            crt_fd_pending[fd] = -1;
            crt_fds[fd].flags = CRT_FOPEN | (type == FILE_TYPE_CHAR ? CRT_FDEV : type == FILE_TYPE_PIPE ? CRT_FPIPE : 0)
                                | ((flags & CRT_O_BINARY) || (!(flags & CRT_O_TEXT) && (_fmode & CRT_O_BINARY))
                                   ? 0 : CRT_FTEXT);
            return fd;
        }
    crt_errno = CRT_EMFILE;
    return -1;
}
