/* Descriptor functions the runtime lacked: _filelength/_filelengthi64 (the end's offset, the
 * position kept), _creat/_wcreat (_sopen with create, truncate, read and write) and _locking
 * (LockFile/UnlockFile over nbytes from the current position: _LK_LOCK and _LK_RLCK retry ten
 * times a second apart, then EDEADLOCK; _LK_NBLCK and _LK_NBRLCK fail at once with EACCES). */
#include "lowio.h"
#include "files.h"
#include "secure.h"

typedef crt_wchar W;
WINBASEAPI BOOL WINAPI LockFile(HANDLE, DWORD, DWORD, DWORD, DWORD);
WINBASEAPI BOOL WINAPI UnlockFile(HANDLE, DWORD, DWORD, DWORD, DWORD);
WINBASEAPI void WINAPI Sleep(DWORD);
long long _lseeki64(int, long long, int);
int _sopen(const char *, int, int, ...);
int _wsopen(const W *, int, int, ...);

#define CRT_EDEADLOCK 36

static int bad_fd(int fd)
{
    return fd < 0 || fd >= CRT_NFD || !(crt_fds[fd].flags & CRT_FOPEN);
}

CRTEXP long long _filelengthi64(int fd)
{
    if (bad_fd(fd)) {
        crt_invalid_parameter(CRT_EBADF);
        return -1;
    }
    long long here = _lseeki64(fd, 0, 1);
    if (here < 0)
        return -1;
    long long end = _lseeki64(fd, 0, 2);
    _lseeki64(fd, here, 0);
    return end;
}

CRTEXP long _filelength(int fd)
{
    long long n = _filelengthi64(fd);
    if (n > 0x7FFFFFFF) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    return (long)n;
}

#define CREAT_FLAGS (0x0100 | 0x0200 | 0x0002)      /* _O_CREAT | _O_TRUNC | _O_RDWR */
CRTEXP int _creat(const char *path, int pmode) { return _sopen(path, CREAT_FLAGS, 0x40, pmode); }
CRTEXP int _wcreat(const W *path, int pmode) { return _wsopen(path, CREAT_FLAGS, 0x40, pmode); }

CRTEXP int _locking(int fd, int mode, long nbytes)
{
    if (bad_fd(fd)) {
        crt_invalid_parameter(CRT_EBADF);
        return -1;
    }
    if (nbytes < 0 || mode < 0 || mode > 4) {
        crt_invalid_parameter(CRT_EINVAL);
        return -1;
    }
    long long pos = _lseeki64(fd, 0, 1);
    if (pos < 0)
        return -1;
    HANDLE h = crt_fds[fd].handle;
    DWORD lo = (DWORD)pos, hi = (DWORD)(pos >> 32);
    if (mode == 0) {                                        /* _LK_UNLCK */
        if (UnlockFile(h, lo, hi, (DWORD)nbytes, 0))
            return 0;
        *__doserrno() = GetLastError();
        crt_errno = CRT_EACCES;
        return -1;
    }
    int tries = mode == 1 || mode == 3 ? 10 : 1;            /* _LK_LOCK, _LK_RLCK retry */
    for (int i = 0; i < tries; i++) {
        if (LockFile(h, lo, hi, (DWORD)nbytes, 0))
            return 0;
        if (i + 1 < tries)
            Sleep(1000);
    }
    *__doserrno() = GetLastError();
    crt_errno = tries > 1 ? CRT_EDEADLOCK : CRT_EACCES;
    return -1;
}
