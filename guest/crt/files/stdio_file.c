/* Streams on files: fopen/_wfopen/fopen_s/_fsopen/freopen/_fdopen with every mode letter
 * (r w a, +, b t, c n, S R T D), fclose/_fcloseall, and positioning: fseek/ftell (text mode
 * counts each buffered LF as the CR LF it stands for), _fseeki64/_ftelli64, fgetpos/fsetpos, rewind. */
#include "stdio.h"
#include "lowio.h"
#include "files.h"
#include "errno.h"
#include "streams.h"

int _wsopen_s(int *pfd, const WCHAR *path, int oflag, int shflag, int pmode);
int _close(int fd);
long long _lseeki64(int fd, long long offset, int origin);

/* The open flags and stream flags a mode string stands for; -1 if it is not a mode. */
static int parse_mode(const crt_wchar *mode, int *oflag, int *sflag)
{
    switch (*mode++) {
    case 'r': *oflag = 0; *sflag = CRT_IOREAD; break;
    case 'w': *oflag = 0x1 | 0x100 | 0x200; *sflag = CRT_IOWRT; break;
    case 'a': *oflag = 0x1 | 0x100 | 0x8; *sflag = CRT_IOWRT; break;
    default: return -1;
    }
    int plus = 0, tb = 0;
    for (; *mode && *mode != ','; mode++) {
        switch (*mode) {
        case '+':
            if (plus) return -1;
            plus = 1;
            *oflag = (*oflag & ~0x3) | 0x2;
            *sflag = CRT_IORW;
            break;
        case 'b': if (tb) return -1; tb = 1; *oflag |= 0x8000; break;
        case 't': if (tb) return -1; tb = 1; *oflag |= 0x4000; break;
        case 'c': case 'n': break;                  /* commit on flush, or not */
        case 'S': *oflag |= 0x20; break;            /* _O_SEQUENTIAL */
        case 'R': *oflag |= 0x10; break;            /* _O_RANDOM */
        case 'T': *oflag |= 0x1000; break;          /* _O_SHORT_LIVED */
        case 'D': *oflag |= 0x40; break;            /* _O_TEMPORARY */
        case 'N': *oflag |= 0x80; break;            /* _O_NOINHERIT */
        case ' ': break;
        default: return -1;
        }
    }
    return 0;
}

static FILE *free_stream(void) { return crt_stream_new(); }

static FILE *open_stream(FILE *f, const crt_wchar *path, const crt_wchar *mode, int shflag)
{
    int oflag, sflag, fd;
    if (path == NULL || mode == NULL || parse_mode(mode, &oflag, &sflag)) {
        crt_errno = CRT_EINVAL;
        return NULL;
    }
    if (f == NULL && (f = free_stream()) == NULL)
        return NULL;
    if (_wsopen_s(&fd, path, oflag, shflag, 0x180))
        return NULL;
    f->_file = fd;
    f->_flag = sflag;
    return f;
}

static int widen(const char *s, crt_wchar *w, int cap)
{
    return s && MultiByteToWideChar(0, 0, s, -1, w, cap) ? 0 : -1;
}

CRTEXP FILE *_wfsopen(const crt_wchar *path, const crt_wchar *mode, int shflag)
{
    return open_stream(NULL, path, mode, shflag);
}

CRTEXP FILE *_fsopen(const char *path, const char *mode, int shflag)
{
    crt_wchar wp[1024], wm[64];
    if (widen(path, wp, 1024) || widen(mode, wm, 64)) {
        crt_errno = CRT_EINVAL;
        return NULL;
    }
    return _wfsopen(wp, wm, shflag);
}

CRTEXP FILE *fopen(const char *path, const char *mode) { return _fsopen(path, mode, 0x40); }
CRTEXP FILE *_wfopen(const crt_wchar *path, const crt_wchar *mode) { return _wfsopen(path, mode, 0x40); }

/* The _s forms open without sharing for writers (_SH_SECURE: read sharing only when reading). */
CRTEXP int fopen_s(FILE **pf, const char *path, const char *mode)
{
    if (pf == NULL)
        return crt_errno = CRT_EINVAL;
    *pf = _fsopen(path, mode, mode && mode[0] == 'r' && mode[1] != '+' ? 0x20 : 0x10);
    return *pf ? 0 : crt_errno;
}

CRTEXP int _wfopen_s(FILE **pf, const crt_wchar *path, const crt_wchar *mode)
{
    if (pf == NULL)
        return crt_errno = CRT_EINVAL;
    *pf = _wfsopen(path, mode, mode && mode[0] == 'r' && mode[1] != '+' ? 0x20 : 0x10);
    return *pf ? 0 : crt_errno;
}

static void release(FILE *f)
{
    if (f->_flag & CRT_IOMYBUF)
        HeapFree(GetProcessHeap(), 0, f->_base);
    f->_ptr = f->_base = NULL;
    f->_cnt = f->_bufsiz = 0;
    f->_flag = 0;
}

CRTEXP int fclose(FILE *f)
{
    if (f == NULL) {
        crt_errno = CRT_EINVAL;
        return CRT_EOF;
    }
    if (!(f->_flag & (CRT_IOREAD | CRT_IOWRT | CRT_IORW)))
        return CRT_EOF;
    crt_lock_stream(f);
    int r = crt_stream_flush(f);
    release(f);
    if (_close(f->_file))
        r = CRT_EOF;
    f->_file = -1;
    crt_unlock_stream(f);
    return r;
}

CRTEXP int _fcloseall(void)
{
    int n = 0;
    for (int i = 3; i < crt_stream_count(); i++)
        if (crt_stream_at(i) && (crt_stream_at(i)->_flag & (CRT_IOREAD | CRT_IOWRT | CRT_IORW))) {
            fclose(crt_stream_at(i));
            n++;
        }
    return n;
}

CRTEXP FILE *_wfreopen(const crt_wchar *path, const crt_wchar *mode, FILE *f)
{
    if (f == NULL) {
        crt_errno = CRT_EINVAL;
        return NULL;
    }
    if (f->_flag & (CRT_IOREAD | CRT_IOWRT | CRT_IORW))
        fclose(f);
    return open_stream(f, path, mode, 0x40);
}

CRTEXP FILE *freopen(const char *path, const char *mode, FILE *f)
{
    crt_wchar wp[1024], wm[64];
    if (widen(path, wp, 1024) || widen(mode, wm, 64)) {
        crt_errno = CRT_EINVAL;
        return NULL;
    }
    return _wfreopen(wp, wm, f);
}

CRTEXP FILE *_fdopen(int fd, const char *mode)
{
    crt_wchar wm[64];
    int oflag, sflag;
    if (widen(mode, wm, 64) || parse_mode(wm, &oflag, &sflag) || fd < 0 || fd >= CRT_NFD
        || !(crt_fds[fd].flags & CRT_FOPEN)) {
        crt_errno = CRT_EINVAL;
        return NULL;
    }
    FILE *f = free_stream();
    if (f == NULL)
        return NULL;
    f->_file = fd;
    f->_flag = sflag;
    return f;
}

/* ---- positioning ---- */

static long long buffered_bytes(FILE *f, const char *from, int n)
{
    long long bytes = n;
    if (f->_file >= 0 && f->_file < CRT_NFD && (crt_fds[f->_file].flags & CRT_FTEXT))
        for (int i = 0; i < n; i++)
            if (from[i] == '\n')
                bytes++;                        /* it was, or will be, CR LF in the file */
    return bytes;
}

CRTEXP long long _ftelli64(FILE *f)
{
    if (f == NULL) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    crt_lock_stream(f);
    long long pos = _lseeki64(f->_file, 0, 1);
    if (pos >= 0 && f->_base) {
        if ((f->_flag & CRT_IOREAD) && f->_cnt > 0)
            pos -= buffered_bytes(f, f->_ptr, f->_cnt);
        else if (f->_flag & CRT_IOWRT)
            pos += buffered_bytes(f, f->_base, (int)(f->_ptr - f->_base));
    }
    crt_unlock_stream(f);
    return pos;
}

CRTEXP long ftell(FILE *f)
{
    long long pos = _ftelli64(f);
    if (pos > 0x7FFFFFFF) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    return (long)pos;
}

CRTEXP int _fseeki64(FILE *f, long long offset, int origin)
{
    if (f == NULL || origin < 0 || origin > 2) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    crt_lock_stream(f);
    if (origin == 1) {
        offset += _ftelli64(f);
        origin = 0;
    }
    crt_stream_flush(f);
    f->_flag &= ~CRT_IOEOF;
    if (f->_flag & CRT_IORW)
        f->_flag &= ~(CRT_IOREAD | CRT_IOWRT);
    f->_cnt = 0;
    f->_ptr = f->_base;
    long long r = _lseeki64(f->_file, offset, origin);
    crt_unlock_stream(f);
    return r < 0 ? -1 : 0;
}

CRTEXP int fseek(FILE *f, long offset, int origin) { return _fseeki64(f, offset, origin); }
CRTEXP void rewind(FILE *f)
{
    if (f) {
        _fseeki64(f, 0, 0);
        f->_flag &= ~CRT_IOERR;
    }
}
CRTEXP int fgetpos(FILE *f, long long *pos)
{
    if (pos == NULL) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    *pos = _ftelli64(f);
    return *pos < 0 ? -1 : 0;
}
CRTEXP int fsetpos(FILE *f, const long long *pos)
{
    if (pos == NULL) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    return _fseeki64(f, *pos, 0);
}
