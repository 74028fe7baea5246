/* Opening, closing and positioning descriptors: _open/_sopen/_wopen/_wsopen (and _s), _close,
 * _lseek(i64), _tell, _eof, _dup/_dup2, _commit, _chsize, _unlink/remove/rename; Win32 errors
 * become errno values as the runtime maps them. */
#include "lowio.h"
#include "files.h"
#include "errno.h"

#define O_RDONLY 0x0
#define O_WRONLY 0x1
#define O_RDWR 0x2
#define O_APPEND 0x8
#define O_CREAT 0x100
#define O_TRUNC 0x200
#define O_EXCL 0x400
#define O_TEXT 0x4000
#define O_BINARY 0x8000
#define O_NOINHERIT 0x80
#define O_TEMPORARY 0x40
#define O_SHORT_LIVED 0x1000
#define O_SEQUENTIAL 0x20
#define O_RANDOM 0x10
#define S_IWRITE 0x80

extern int _fmode;

int crt_dos_to_errno(DWORD e)
{
    switch (e) {
    case 2: case 3: case 15: case 18: case 53: case 67: case 123: case 161: return CRT_ENOENT;
    case 4: return CRT_EMFILE;
    case 10: return 7;              /* ERROR_BAD_ENVIRONMENT: E2BIG */
    case 11: return 8;              /* ERROR_BAD_FORMAT: ENOEXEC */
    case 128: case 129: return 10;  /* ERROR_WAIT_NO_CHILDREN, ERROR_CHILD_NOT_COMPLETE: ECHILD */
    case 206: return CRT_ENOENT;    /* ERROR_FILENAME_EXCED_RANGE */
    case 5: case 19: case 32: case 33: case 65: case 82: case 108: case 145: return CRT_EACCES;
    case 6: return CRT_EBADF;
    case 8: case 14: return CRT_ENOMEM;
    case 80: case 183: return CRT_EEXIST;
    case 112: return CRT_ENOSPC;
    case 87: return CRT_EINVAL;
    case 109: return 32;            /* EPIPE */
    case 131: return CRT_EINVAL;
    default:
        if (e >= 188 && e <= 202)   /* ERROR_INVALID_STARTING_CODESEG .. ERROR_INFLOOP_IN_RELOC_CHAIN, */
            return 8;               /* ERROR_BAD_EXE_FORMAT among them: ENOEXEC */
        return CRT_EINVAL;
    }
}

static void set_dos_error(DWORD e)
{
    *__doserrno() = e;
    crt_errno = crt_dos_to_errno(e);
}

int crt_widen_path(const char *path, WCHAR *out, int cap)
{
    int n = MultiByteToWideChar(0, 0, path, -1, out, cap);    /* CP_ACP */
    if (n == 0) {
        crt_errno = CRT_ENOENT;
        return -1;
    }
    return 0;
}

static void seek_end(HANDLE h)
{
    LONGLONG end;
    SetFilePointerEx(h, 0, &end, 2);
}

int crt_alloc_fd(HANDLE h, int oflag)
{
    crt_append_hook = seek_end;
    for (int fd = 0; fd < CRT_NFD; fd++)
        if (!(crt_fds[fd].flags & CRT_FOPEN)) {
            DWORD type = GetFileType(h);
            crt_fds[fd].handle = h;
            crt_fd_pending[fd] = -1;
            crt_fds[fd].flags = CRT_FOPEN | (type == FILE_TYPE_CHAR ? CRT_FDEV : type == FILE_TYPE_PIPE ? CRT_FPIPE : 0)
                                | ((oflag & O_BINARY) || (!(oflag & O_TEXT) && (_fmode & O_BINARY)) ? 0 : CRT_FTEXT)
                                | ((oflag & O_APPEND) ? CRT_FAPPEND : 0)
                                | ((oflag & O_NOINHERIT) ? 0x10 : 0);      /* FNOINHERIT: not for _spawn */
            return fd;
        }
    crt_errno = CRT_EMFILE;
    return -1;
}

/* _wsopen_s: the access, disposition, sharing and attributes CreateFileW gets. */
CRTEXP int _wsopen_s(int *pfd, const WCHAR *path, int oflag, int shflag, int pmode)
{
    if (pfd == NULL || path == NULL) {
        crt_errno = CRT_EINVAL;
        return CRT_EINVAL;
    }
    *pfd = -1;
    DWORD access;
    switch (oflag & (O_RDONLY | O_WRONLY | O_RDWR)) {
    case O_RDONLY: access = 0x80000000; break;                      /* GENERIC_READ */
    case O_WRONLY: access = (oflag & O_APPEND) ? 0xC0000000 : 0x40000000; break;
    case O_RDWR: access = 0xC0000000; break;
    default: crt_errno = CRT_EINVAL; return CRT_EINVAL;
    }
    DWORD share;
    switch (shflag) {
    case 0x10: share = 0; break;                                    /* _SH_DENYRW */
    case 0x20: share = 1; break;                                    /* _SH_DENYWR */
    case 0x30: share = 2; break;                                    /* _SH_DENYRD */
    case 0x40: share = 3; break;                                    /* _SH_DENYNO */
    default: crt_errno = CRT_EINVAL; return CRT_EINVAL;
    }
    DWORD disp;
    switch (oflag & (O_CREAT | O_EXCL | O_TRUNC)) {
    case 0: case O_EXCL: disp = 3; break;                          /* OPEN_EXISTING */
    case O_CREAT: disp = 4; break;                                  /* OPEN_ALWAYS */
    case O_CREAT | O_EXCL: case O_CREAT | O_EXCL | O_TRUNC: disp = 1; break;   /* CREATE_NEW */
    case O_TRUNC: case O_TRUNC | O_EXCL: disp = 5; break;          /* TRUNCATE_EXISTING */
    default: disp = 2; break;                                       /* CREATE_ALWAYS */
    }
    DWORD attrs = 0x80;                                             /* FILE_ATTRIBUTE_NORMAL */
    if ((oflag & O_CREAT) && !(pmode & S_IWRITE))
        attrs = 1;                                                  /* FILE_ATTRIBUTE_READONLY */
    if (oflag & O_TEMPORARY) {
        attrs |= 0x04000000;                                        /* FILE_FLAG_DELETE_ON_CLOSE */
        access |= 0x00010000;                                       /* DELETE */
        share |= 4;
    }
    if (oflag & O_SHORT_LIVED) attrs |= 0x100;
    if (oflag & O_SEQUENTIAL) attrs |= 0x08000000;
    else if (oflag & O_RANDOM) attrs |= 0x10000000;
    SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, !(oflag & O_NOINHERIT) };
    HANDLE h = CreateFileW(path, access, share, &sa, disp, attrs, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        set_dos_error(GetLastError());
        return crt_errno;
    }
    int fd = crt_alloc_fd(h, oflag);
    if (fd < 0) {
        CloseHandle(h);
        return crt_errno;
    }
    *pfd = fd;
    return 0;
}

CRTEXP int _sopen_s(int *pfd, const char *path, int oflag, int shflag, int pmode)
{
    WCHAR w[1024];
    if (pfd)
        *pfd = -1;
    if (path == NULL || pfd == NULL) {
        crt_errno = CRT_EINVAL;
        return CRT_EINVAL;
    }
    if (crt_widen_path(path, w, 1024))
        return crt_errno;
    return _wsopen_s(pfd, w, oflag, shflag, pmode);
}

CRTEXP int _wsopen(const WCHAR *path, int oflag, int shflag, ...)
{
    va_list ap;
    va_start(ap, shflag);
    int pmode = (oflag & O_CREAT) ? va_arg(ap, int) : 0;
    va_end(ap);
    int fd;
    return _wsopen_s(&fd, path, oflag, shflag, pmode) ? -1 : fd;
}

CRTEXP int _sopen(const char *path, int oflag, int shflag, ...)
{
    va_list ap;
    va_start(ap, shflag);
    int pmode = (oflag & O_CREAT) ? va_arg(ap, int) : 0;
    va_end(ap);
    int fd;
    return _sopen_s(&fd, path, oflag, shflag, pmode) ? -1 : fd;
}

CRTEXP int _open(const char *path, int oflag, ...)
{
    va_list ap;
    va_start(ap, oflag);
    int pmode = (oflag & O_CREAT) ? va_arg(ap, int) : 0;
    va_end(ap);
    int fd;
    return _sopen_s(&fd, path, oflag, 0x40, pmode) ? -1 : fd;
}

CRTEXP int _wopen(const WCHAR *path, int oflag, ...)
{
    va_list ap;
    va_start(ap, oflag);
    int pmode = (oflag & O_CREAT) ? va_arg(ap, int) : 0;
    va_end(ap);
    int fd;
    return _wsopen_s(&fd, path, oflag, 0x40, pmode) ? -1 : fd;
}

static crt_fd *open_fd(int fd)
{
    if (fd < 0 || fd >= CRT_NFD || !(crt_fds[fd].flags & CRT_FOPEN)) {
        crt_errno = CRT_EBADF;
        *__doserrno() = 0;
        return NULL;
    }
    return &crt_fds[fd];
}

CRTEXP int _close(int fd)
{
    crt_fd *f = open_fd(fd);
    if (f == NULL)
        return -1;
    int r = 0;
    if (!CloseHandle(f->handle)) {
        set_dos_error(GetLastError());
        r = -1;
    }
    f->flags = 0;
    f->handle = INVALID_HANDLE_VALUE;
    return r;
}

CRTEXP long long _lseeki64(int fd, long long offset, int origin)
{
    crt_fd *f = open_fd(fd);
    if (f == NULL)
        return -1;
    if (origin < 0 || origin > 2) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    LONGLONG pos;
    if (!SetFilePointerEx(f->handle, offset, &pos, (DWORD)origin)) {
        set_dos_error(GetLastError());
        return -1;
    }
    f->flags &= ~CRT_FEOFLAG;
    CRT_FD_PENDING(f) = -1;
    return pos;
}

CRTEXP long _lseek(int fd, long offset, int origin)
{
    crt_fd *f = open_fd(fd);
    if (f == NULL)
        return -1;
    long long cur = _lseeki64(fd, 0, 1);
    long long pos = _lseeki64(fd, offset, origin);
    if (pos > 0x7FFFFFFF) {
        _lseeki64(fd, cur, 0);
        crt_errno = CRT_EINVAL;
        return -1;
    }
    return (long)pos;
}

CRTEXP long long _telli64(int fd) { return _lseeki64(fd, 0, 1); }
CRTEXP long _tell(int fd) { return _lseek(fd, 0, 1); }

CRTEXP int _eof(int fd)
{
    long long here = _lseeki64(fd, 0, 1);
    if (here < 0)
        return -1;
    long long end = _lseeki64(fd, 0, 2);
    _lseeki64(fd, here, 0);
    return here == end;
}

CRTEXP int _commit(int fd)
{
    crt_fd *f = open_fd(fd);
    if (f == NULL)
        return -1;
    if (!FlushFileBuffers(f->handle)) {
        set_dos_error(GetLastError());
        return -1;
    }
    return 0;
}

CRTEXP int _chsize_s(int fd, long long size)
{
    crt_fd *f = open_fd(fd);
    if (f == NULL)
        return CRT_EBADF;
    if (size < 0) {
        crt_errno = CRT_EINVAL;
        return CRT_EINVAL;
    }
    long long here = _lseeki64(fd, 0, 1);
    if (_lseeki64(fd, size, 0) < 0 || !SetEndOfFile(f->handle)) {
        set_dos_error(GetLastError());
        return crt_errno;
    }
    _lseeki64(fd, here, 0);
    return 0;
}

CRTEXP int _chsize(int fd, long size) { return _chsize_s(fd, size) ? -1 : 0; }

CRTEXP int _dup(int fd)
{
    crt_fd *f = open_fd(fd);
    if (f == NULL)
        return -1;
    HANDLE h;
    if (!DuplicateHandle(GetCurrentProcess(), f->handle, GetCurrentProcess(), &h, 0, 1, 2)) {
        set_dos_error(GetLastError());
        return -1;
    }
    int nfd = crt_alloc_fd(h, (f->flags & CRT_FTEXT) ? O_TEXT : O_BINARY);
    if (nfd < 0)
        CloseHandle(h);
    return nfd;
}

CRTEXP int _dup2(int fd, int fd2)
{
    crt_fd *f = open_fd(fd);
    if (f == NULL)
        return -1;
    if (fd2 < 0 || fd2 >= CRT_NFD) {
        crt_errno = CRT_EBADF;
        return -1;
    }
    HANDLE h;
    if (!DuplicateHandle(GetCurrentProcess(), f->handle, GetCurrentProcess(), &h, 0, 1, 2)) {
        set_dos_error(GetLastError());
        return -1;
    }
    if (crt_fds[fd2].flags & CRT_FOPEN)
        _close(fd2);
    crt_fds[fd2] = *f;
    crt_fds[fd2].handle = h;
    crt_fd_pending[fd2] = -1;
    crt_fds[fd2].flags &= (unsigned char)~0x10;        /* a duplicate is inheritable */
    if (fd2 < 3)                /* a console program's 0, 1, 2 are its standard handles too */
        SetStdHandle(fd2 == 0 ? STD_INPUT_HANDLE : fd2 == 1 ? STD_OUTPUT_HANDLE : STD_ERROR_HANDLE, h);
    return 0;
}

CRTEXP int _wunlink(const WCHAR *path)
{
    if (!DeleteFileW(path)) {
        set_dos_error(GetLastError());
        return -1;
    }
    return 0;
}

CRTEXP int _unlink(const char *path)
{
    WCHAR w[1024];
    if (path == NULL || crt_widen_path(path, w, 1024)) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    return _wunlink(w);
}

CRTEXP int remove(const char *path) { return _unlink(path); }
CRTEXP int _wremove(const WCHAR *path) { return _wunlink(path); }

CRTEXP int _wrename(const WCHAR *from, const WCHAR *to)
{
    if (!MoveFileExW(from, to, 2)) {            /* MOVEFILE_COPY_ALLOWED: never replaces */
        set_dos_error(GetLastError());
        return -1;
    }
    return 0;
}

CRTEXP int rename(const char *from, const char *to)
{
    WCHAR a[900], b[900];                       /* the frame stays below a page: no stack probes here */
    if (from == NULL || to == NULL || crt_widen_path(from, a, 900) || crt_widen_path(to, b, 900)) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    return _wrename(a, b);
}
