/* Stream buffering as the Microsoft runtime decides it: stdout and stderr on a character device
 * are written out at the end of each call (printf, fputs, fwrite ...), stderr likewise when it is
 * redirected, everything else gets a 4096-byte buffer on first use (_IOLBF is full buffering on
 * Windows) and is flushed when full, by fflush and at exit. */
#include "stdio.h"
#include "lowio.h"
#include "errno.h"
#include "streams.h"

CRTEXP FILE _iob[CRT_NIOB];
static CRITICAL_SECTION stream_locks[CRT_NIOB];

void crt_init_stdio(void)
{
    crt_init_lowio();
    for (int i = 0; i < CRT_NIOB; i++) {
        InitializeCriticalSection(&stream_locks[i]);
        _iob[i]._file = -1;
    }
    for (int i = 0; i < 3; i++) {
        _iob[i]._file = i;
        _iob[i]._flag = i == 0 ? CRT_IOREAD : CRT_IOWRT;
    }
}

void crt_lock_stream(FILE *f)
{
    CRITICAL_SECTION *more = crt_more_stream_lock(f);
    if (f >= _iob && f < _iob + CRT_NIOB)
        EnterCriticalSection(&stream_locks[f - _iob]);
    else if (more)
        EnterCriticalSection(more);
}

void crt_unlock_stream(FILE *f)
{
    CRITICAL_SECTION *more = crt_more_stream_lock(f);
    if (f >= _iob && f < _iob + CRT_NIOB)
        LeaveCriticalSection(&stream_locks[f - _iob]);
    else if (more)
        LeaveCriticalSection(more);
}

CRTEXP FILE *__iob_func(void)
{
    return _iob;
}

/* The buffer a stream gets on its first read or write. */
static void get_buffer(FILE *f)
{
    if (f->_flag & (CRT_IOMYBUF | CRT_IOYOURBUF | CRT_IONBF | CRT_IOPERCALL))
        return;
    int console = f->_file >= 0 && f->_file < CRT_NFD && (crt_fds[f->_file].flags & CRT_FDEV);
    if ((f == &_iob[1] && console) || f == &_iob[2])
        f->_flag |= CRT_IOPERCALL;
    char *buf = HeapAlloc(GetProcessHeap(), 0, CRT_BUFSIZ);
    if (buf == NULL) {
        f->_flag |= CRT_IONBF;
        f->_base = (char *)&f->_charbuf;
        f->_bufsiz = 1;
    } else {
        f->_flag |= CRT_IOMYBUF;
        f->_base = buf;
        f->_bufsiz = CRT_BUFSIZ;
    }
    f->_ptr = f->_base;
    f->_cnt = 0;
}

/* Write out what a writing stream holds. */
int crt_stream_flush(FILE *f)
{
    if ((f->_flag & (CRT_IOWRT | CRT_IORW)) == 0 || f->_base == NULL)
        return 0;
    int r = 0;
    if ((f->_flag & CRT_IOWRT) && f->_ptr > f->_base) {
        int n = (int)(f->_ptr - f->_base);
        if (_write(f->_file, f->_base, n) != n) {
            f->_flag |= CRT_IOERR;
            r = CRT_EOF;
        }
    }
    f->_ptr = f->_base;
    f->_cnt = 0;
    if (f->_flag & CRT_IORW)
        f->_flag &= ~CRT_IOWRT;
    return r;
}

int crt_stream_write(FILE *f, const char *s, size_t n)
{
    if (f->_flag & CRT_IOSTRG)
        return -1;
    if (!(f->_flag & (CRT_IOWRT | CRT_IORW)) || (f->_flag & CRT_IOREAD && !(f->_flag & CRT_IORW))) {
        f->_flag |= CRT_IOERR;
        crt_errno = CRT_EBADF;
        return -1;
    }
    if (f->_flag & CRT_IORW) {
        f->_flag |= CRT_IOWRT;
        f->_flag &= ~(CRT_IOREAD | CRT_IOEOF);
    }
    get_buffer(f);
    if (f->_flag & CRT_IONBF) {
        if (n && _write(f->_file, s, (unsigned)n) != (int)n) {
            f->_flag |= CRT_IOERR;
            return -1;
        }
        return 0;
    }
    while (n) {
        size_t room = f->_bufsiz - (f->_ptr - f->_base);
        if (room == 0) {
            if (crt_stream_flush(f))
                return -1;
            continue;
        }
        size_t k = n < room ? n : room;
        for (size_t i = 0; i < k; i++)
            f->_ptr[i] = s[i];
        f->_ptr += k;
        f->_cnt = (int)(f->_bufsiz - (f->_ptr - f->_base));
        s += k;
        n -= k;
    }
    return 0;
}

void crt_stream_end_call(FILE *f)
{
    if (f->_flag & CRT_IOPERCALL)
        crt_stream_flush(f);
}

CRTEXP int fflush(FILE *f)
{
    if (f == NULL) {
        crt_flush_all();
        return 0;
    }
    crt_lock_stream(f);
    int r = crt_stream_flush(f);
    crt_unlock_stream(f);
    return r;
}

CRTEXP int _flushall(void)
{
    int n = 0;
    for (int i = 0; i < crt_stream_count(); i++)
        if (crt_stream_at(i) && (crt_stream_at(i)->_flag & (CRT_IOREAD | CRT_IOWRT | CRT_IORW))) {
            crt_stream_flush(crt_stream_at(i));
            n++;
        }
    return n;
}

void crt_flush_all(void)
{
    _flushall();
}

CRTEXP int fputc(int c, FILE *f)
{
    char ch = (char)c;
    crt_lock_stream(f);
    int r = crt_stream_write(f, &ch, 1);
    crt_stream_end_call(f);
    crt_unlock_stream(f);
    return r ? CRT_EOF : (unsigned char)ch;
}

CRTEXP int putc(int c, FILE *f)
{
    return fputc(c, f);
}

CRTEXP int _fputc_nolock(int c, FILE *f)
{
    char ch = (char)c;
    int r = crt_stream_write(f, &ch, 1);
    crt_stream_end_call(f);
    return r ? CRT_EOF : (unsigned char)ch;
}

CRTEXP int putchar(int c)
{
    return fputc(c, &_iob[1]);
}

CRTEXP int _flsbuf(int c, FILE *f)
{
    return fputc(c, f);
}

static size_t length(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

CRTEXP int fputs(const char *s, FILE *f)
{
    crt_lock_stream(f);
    int r = crt_stream_write(f, s, length(s));
    crt_stream_end_call(f);
    crt_unlock_stream(f);
    return r ? CRT_EOF : 0;
}

int crt_fputs_stderr(const char *s)
{
    return fputs(s, &_iob[2]);
}

CRTEXP int puts(const char *s)
{
    FILE *f = &_iob[1];
    crt_lock_stream(f);
    int r = crt_stream_write(f, s, length(s));
    if (!r)
        r = crt_stream_write(f, "\n", 1);
    crt_stream_end_call(f);
    crt_unlock_stream(f);
    return r ? CRT_EOF : 0;
}

CRTEXP size_t fwrite(const void *p, size_t size, size_t count, FILE *f)
{
    if (size == 0 || count == 0)
        return 0;
    crt_lock_stream(f);
    int r = crt_stream_write(f, p, size * count);
    crt_stream_end_call(f);
    crt_unlock_stream(f);
    return r ? 0 : count;
}

CRTEXP int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
    if (f == NULL || (mode != 0 && mode != 0x40 && mode != 4) || (mode != 4 && (size < 2 || size > 0x7FFFFFFF))) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    crt_lock_stream(f);
    crt_stream_flush(f);
    if (f->_flag & CRT_IOMYBUF)
        HeapFree(GetProcessHeap(), 0, f->_base);
    f->_flag &= ~(CRT_IOMYBUF | CRT_IOYOURBUF | CRT_IONBF | CRT_IOPERCALL);
    if (mode == 4) {                     /* _IONBF */
        f->_flag |= CRT_IONBF;
        f->_base = (char *)&f->_charbuf;
        f->_bufsiz = 1;
    } else {
        size &= ~(size_t)1;
        if (buf == NULL) {
            buf = HeapAlloc(GetProcessHeap(), 0, size);
            if (buf == NULL) {
                crt_unlock_stream(f);
                return -1;
            }
            f->_flag |= CRT_IOMYBUF;
        } else
            f->_flag |= CRT_IOYOURBUF;
        f->_base = buf;
        f->_bufsiz = (int)size;
    }
    f->_ptr = f->_base;
    f->_cnt = 0;
    crt_unlock_stream(f);
    return 0;
}

CRTEXP void setbuf(FILE *f, char *buf)
{
    if (buf)
        setvbuf(f, buf, 0, CRT_BUFSIZ);
    else
        setvbuf(f, NULL, 4, 0);
}

CRTEXP int _fileno(FILE *f)
{
    return f->_file;
}

CRTEXP int feof(FILE *f)
{
    return f->_flag & CRT_IOEOF;
}

CRTEXP int ferror(FILE *f)
{
    return f->_flag & CRT_IOERR;
}

CRTEXP void clearerr(FILE *f)
{
    f->_flag &= ~(CRT_IOERR | CRT_IOEOF);
}

/* ---- input ---- */

int crt_stream_getc(FILE *f)
{
    if (f->_flag & CRT_IOSTRG) {
        if (f->_cnt <= 0) {
            f->_flag |= CRT_IOEOF;
            return CRT_EOF;
        }
        f->_cnt--;
        return (unsigned char)*f->_ptr++;
    }
    if (f->_cnt > 0 && (f->_flag & CRT_IOREAD)) {
        f->_cnt--;
        return (unsigned char)*f->_ptr++;
    }
    if (!(f->_flag & (CRT_IOREAD | CRT_IORW)) || (f->_flag & CRT_IOEOF)) {
        if (!(f->_flag & (CRT_IOREAD | CRT_IORW)))
            f->_flag |= CRT_IOERR;
        return CRT_EOF;
    }
    if (f->_flag & CRT_IOWRT) {
        if (!(f->_flag & CRT_IORW))
            return CRT_EOF;
        crt_stream_flush(f);
        f->_flag &= ~CRT_IOWRT;
    }
    f->_flag |= CRT_IOREAD;
    if (!(f->_flag & (CRT_IOMYBUF | CRT_IOYOURBUF | CRT_IONBF))) {
        char *buf = HeapAlloc(GetProcessHeap(), 0, CRT_BUFSIZ);
        if (buf) {
            f->_flag |= CRT_IOMYBUF;
            f->_base = buf;
            f->_bufsiz = CRT_BUFSIZ;
        } else {
            f->_flag |= CRT_IONBF;
            f->_base = (char *)&f->_charbuf;
            f->_bufsiz = 1;
        }
    }
    int n = _read(f->_file, f->_base, (unsigned)f->_bufsiz);
    if (n <= 0) {
        f->_flag |= n == 0 ? CRT_IOEOF : CRT_IOERR;
        f->_cnt = 0;
        return CRT_EOF;
    }
    f->_ptr = f->_base + 1;
    f->_cnt = n - 1;
    return (unsigned char)f->_base[0];
}

CRTEXP int fgetc(FILE *f)
{
    crt_lock_stream(f);
    int c = crt_stream_getc(f);
    crt_unlock_stream(f);
    return c;
}

CRTEXP int getc(FILE *f)
{
    return fgetc(f);
}

CRTEXP int getchar(void)
{
    return fgetc(&_iob[0]);
}

CRTEXP int _filbuf(FILE *f)
{
    return crt_stream_getc(f);
}

CRTEXP int ungetc(int c, FILE *f)
{
    if (c == CRT_EOF || f == NULL)
        return CRT_EOF;
    crt_lock_stream(f);
    if (f->_base == NULL || (!(f->_flag & CRT_IOREAD) && !(f->_flag & CRT_IORW))) {
        crt_unlock_stream(f);
        return CRT_EOF;
    }
    if (f->_ptr == f->_base) {
        if (f->_cnt) {
            crt_unlock_stream(f);
            return CRT_EOF;
        }
        f->_ptr++;
    }
    *--f->_ptr = (char)c;
    f->_cnt++;
    f->_flag &= ~CRT_IOEOF;
    f->_flag |= CRT_IOREAD;
    crt_unlock_stream(f);
    return (unsigned char)c;
}

CRTEXP char *fgets(char *s, int n, FILE *f)
{
    if (s == NULL || n <= 0 || f == NULL) {
        crt_errno = CRT_EINVAL;
        return NULL;
    }
    crt_lock_stream(f);
    int i = 0;
    while (i < n - 1) {
        int c = crt_stream_getc(f);
        if (c == CRT_EOF) {
            if (i == 0) {
                crt_unlock_stream(f);
                return NULL;
            }
            break;
        }
        s[i++] = (char)c;
        if (c == '\n')
            break;
    }
    s[i] = 0;
    crt_unlock_stream(f);
    return s;
}

CRTEXP size_t fread(void *p, size_t size, size_t count, FILE *f)
{
    if (size == 0 || count == 0)
        return 0;
    crt_lock_stream(f);
    char *out = p;
    size_t total = size * count, got = 0;
    while (got < total) {
        int c = crt_stream_getc(f);
        if (c == CRT_EOF)
            break;
        out[got++] = (char)c;
        size_t k = (size_t)f->_cnt < total - got ? (size_t)f->_cnt : total - got;
        for (size_t i = 0; i < k; i++)
            out[got++] = f->_ptr[i];
        f->_ptr += k;
        f->_cnt -= (int)k;
    }
    crt_unlock_stream(f);
    return got / size;
}

#ifdef CRT_UCRT
/* _get_stream_buffer_pointers: where a stream keeps its buffer's start, its next byte and its
 * count, for basic_filebuf<char>, which points its get and put areas at them and moves the next
 * pointer and the count itself; every stream function reads the buffer state from these three
 * fields again on each call, so what the caller did through them holds. */
CRTEXP int _get_stream_buffer_pointers(FILE *f, char ***base, char ***ptr, int **count)
{
    if (f == NULL) {
        crt_errno = CRT_EINVAL;
        return CRT_EINVAL;
    }
    if (base)
        *base = &f->_base;
    if (ptr)
        *ptr = &f->_ptr;
    if (count)
        *count = &f->_cnt;
    return 0;
}
#endif
