/* File status and times: _stat64/_wstat64 (from GetFileAttributesExW), _fstat64 (from the
 * handle), _utime64/_futime64 (SetFileTime), _access; st_mode as the runtime builds it (read
 * always, write unless read-only, execute for .exe .com .bat .cmd and folders, copied to group
 * and other), st_dev and st_rdev the drive number, times in seconds since 1970. */
#include "lowio.h"
#include "files.h"
#include "errno.h"

typedef struct { DWORD dwFileAttributes; FILETIME ftCreationTime, ftLastAccessTime, ftLastWriteTime;
                 DWORD dwVolumeSerialNumber, nFileSizeHigh, nFileSizeLow, nNumberOfLinks, nFileIndexHigh,
                 nFileIndexLow; } BY_HANDLE_FILE_INFORMATION;
WINBASEAPI BOOL WINAPI GetFileInformationByHandle(HANDLE, BY_HANDLE_FILE_INFORMATION *);

struct crt_stat64 {
    unsigned int st_dev;
    unsigned short st_ino, st_mode;
    short st_nlink, st_uid, st_gid;
    unsigned int st_rdev;
    long long st_size, st_atime, st_mtime, st_ctime;
};

static long long unix_time(const FILETIME *ft)
{
    long long v = ((long long)ft->dwHighDateTime << 32) | ft->dwLowDateTime;
    return v ? (v - 116444736000000000ll) / 10000000 : 0;
}

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static unsigned short mode_of(DWORD attrs, const WCHAR *path)
{
    unsigned short m = (attrs & 0x10) ? 0x4000 | 0x40 : 0x8000;        /* _S_IFDIR + exec, _S_IFREG */
    m |= 0x100;                                                         /* _S_IREAD */
    if (!(attrs & 1))
        m |= 0x80;                                                      /* _S_IWRITE */
    if (path) {
        const WCHAR *dot = NULL;
        for (const WCHAR *p = path; *p; p++)
            if (*p == '.') dot = p;
        if (dot && dot[1] && dot[2] && dot[3] && !dot[4]) {
            char e[4] = { (char)lower(dot[1]), (char)lower(dot[2]), (char)lower(dot[3]), 0 };
            if ((e[0] == 'e' && e[1] == 'x' && e[2] == 'e') || (e[0] == 'c' && e[1] == 'o' && e[2] == 'm')
                || (e[0] == 'b' && e[1] == 'a' && e[2] == 't') || (e[0] == 'c' && e[1] == 'm' && e[2] == 'd'))
                m |= 0x40;                                              /* _S_IEXEC */
        }
    }
    return (unsigned short)(m | ((m & 0x1C0) >> 3) | ((m & 0x1C0) >> 6));
}

static int drive_of(const WCHAR *path)
{
    if (path[0] && path[1] == ':')
        return lower(path[0]) - 'a';
    return 2;                                   /* the current drive, C: */
}

CRTEXP int _wstat64(const WCHAR *path, struct crt_stat64 *st)
{
    if (path == NULL || st == NULL) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    WIN32_FILE_ATTRIBUTE_DATA a;
    if (!GetFileAttributesExW(path, 0, &a)) {
        *__doserrno() = GetLastError();
        crt_errno = CRT_ENOENT;
        return -1;
    }
    for (size_t i = 0; i < sizeof *st; i++)
        ((char *)st)[i] = 0;
    st->st_mode = mode_of(a.dwFileAttributes, path);
    st->st_nlink = 1;
    st->st_dev = st->st_rdev = (unsigned)drive_of(path);
    st->st_size = ((long long)a.nFileSizeHigh << 32) | a.nFileSizeLow;
    st->st_mtime = unix_time(&a.ftLastWriteTime);
    st->st_atime = a.ftLastAccessTime.dwLowDateTime || a.ftLastAccessTime.dwHighDateTime
                   ? unix_time(&a.ftLastAccessTime) : st->st_mtime;
    st->st_ctime = a.ftCreationTime.dwLowDateTime || a.ftCreationTime.dwHighDateTime
                   ? unix_time(&a.ftCreationTime) : st->st_mtime;
    return 0;
}

CRTEXP int _stat64(const char *path, struct crt_stat64 *st)
{
    WCHAR w[1024];
    if (path == NULL || crt_widen_path(path, w, 1024)) {
        crt_errno = CRT_ENOENT;
        return -1;
    }
    return _wstat64(w, st);
}

CRTEXP int _fstat64(int fd, struct crt_stat64 *st)
{
    if (fd < 0 || fd >= CRT_NFD || !(crt_fds[fd].flags & CRT_FOPEN) || st == NULL) {
        crt_errno = CRT_EBADF;
        return -1;
    }
    for (size_t i = 0; i < sizeof *st; i++)
        ((char *)st)[i] = 0;
    crt_fd *f = &crt_fds[fd];
    st->st_nlink = 1;
    if (f->flags & (CRT_FDEV | CRT_FPIPE)) {
        st->st_mode = (f->flags & CRT_FDEV) ? 0x2000 : 0x1000;          /* _S_IFCHR, _S_IFIFO */
        st->st_mode |= 0x1B6;                                           /* read and write for all */
        st->st_dev = st->st_rdev = (unsigned)fd;
        return 0;
    }
    BY_HANDLE_FILE_INFORMATION info;
    if (!GetFileInformationByHandle(f->handle, &info)) {
        *__doserrno() = GetLastError();
        crt_errno = CRT_EBADF;
        return -1;
    }
    st->st_mode = mode_of(info.dwFileAttributes, NULL);
    st->st_nlink = (short)info.nNumberOfLinks;
    st->st_size = ((long long)info.nFileSizeHigh << 32) | info.nFileSizeLow;
    st->st_mtime = unix_time(&info.ftLastWriteTime);
    st->st_atime = unix_time(&info.ftLastAccessTime);
    st->st_ctime = unix_time(&info.ftCreationTime);
    return 0;
}

struct crt_utimbuf64 { long long actime, modtime; };
long long _time64(long long *);

static FILETIME filetime_of(long long t)
{
    long long v = t * 10000000 + 116444736000000000ll;
    FILETIME ft = { (DWORD)v, (DWORD)(v >> 32) };
    return ft;
}

CRTEXP int _futime64(int fd, struct crt_utimbuf64 *times)
{
    if (fd < 0 || fd >= CRT_NFD || !(crt_fds[fd].flags & CRT_FOPEN)) {
        crt_errno = CRT_EBADF;
        return -1;
    }
    long long now = _time64(NULL);
    FILETIME a = filetime_of(times ? times->actime : now), m = filetime_of(times ? times->modtime : now);
    if (!SetFileTime(crt_fds[fd].handle, NULL, &a, &m)) {
        *__doserrno() = GetLastError();
        crt_errno = CRT_EINVAL;
        return -1;
    }
    return 0;
}

int _wsopen_s(int *pfd, const WCHAR *path, int oflag, int shflag, int pmode);
int _close(int fd);

CRTEXP int _wutime64(const WCHAR *path, struct crt_utimbuf64 *times)
{
    int fd;
    if (_wsopen_s(&fd, path, 0x8002, 0x40, 0))                        /* _O_RDWR | _O_BINARY */
        return -1;
    int r = _futime64(fd, times);
    _close(fd);
    return r;
}

CRTEXP int _utime64(const char *path, struct crt_utimbuf64 *times)
{
    WCHAR w[1024];
    if (path == NULL || crt_widen_path(path, w, 1024)) {
        crt_errno = CRT_ENOENT;
        return -1;
    }
    return _wutime64(w, times);
}

/* _access: mode 0 exists, 2 writable, 4 readable, 6 both; a read-only file is not writable. */
CRTEXP int _waccess(const WCHAR *path, int mode)
{
    WIN32_FILE_ATTRIBUTE_DATA a;
    if (path == NULL || (mode & ~6)) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    if (!GetFileAttributesExW(path, 0, &a)) {
        *__doserrno() = GetLastError();
        crt_errno = CRT_ENOENT;
        return -1;
    }
    if ((mode & 2) && (a.dwFileAttributes & 1) && !(a.dwFileAttributes & 0x10)) {
        crt_errno = CRT_EACCES;
        return -1;
    }
    return 0;
}

CRTEXP int _access(const char *path, int mode)
{
    WCHAR w[1024];
    if (path == NULL || crt_widen_path(path, w, 1024)) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    return _waccess(w, mode);
}
