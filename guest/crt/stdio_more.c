/* Stream functions the runtime lacked: _getw/_putw (an int's four bytes as they are in memory),
 * _fgetchar/_fputchar and _fgetwchar/_fputwchar (stdin's and stdout's fgetc/fputc and wide ones),
 * and the _nolock forms, for callers that hold the stream's lock themselves (_lock_file): the
 * stream lock is recursive, so each is its locked form. */
#include "stdio.h"
#include "secure.h"

typedef crt_wchar W;
int fgetc(FILE *);
int fputc(int, FILE *);
int ungetc(int, FILE *);
unsigned short fgetwc(FILE *);
unsigned short fputwc(unsigned short, FILE *);
unsigned short ungetwc(unsigned short, FILE *);
size_t fread(void *, size_t, size_t, FILE *);
size_t fread_s(void *, size_t, size_t, size_t, FILE *);
size_t fwrite(const void *, size_t, size_t, FILE *);
int fclose(FILE *);
int fseek(FILE *, long, int);
int _fseeki64(FILE *, long long, int);
long ftell(FILE *);
long long _ftelli64(FILE *);

/* _getw: the next four bytes as an int; EOF when fewer are left (test feof/ferror to tell an int
 * of value -1 from the end). */
CRTEXP int _getw(FILE *f)
{
    if (f == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return CRT_EOF;
    }
    int v;
    return fread(&v, sizeof v, 1, f) == 1 ? v : CRT_EOF;
}

CRTEXP int _putw(int v, FILE *f)
{
    if (f == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return CRT_EOF;
    }
    return fwrite(&v, sizeof v, 1, f) == 1 ? v : CRT_EOF;
}

CRTEXP int _fgetchar(void) { return fgetc(&_iob[0]); }
CRTEXP int _fputchar(int c) { return fputc(c, &_iob[1]); }
CRTEXP unsigned short _fgetwchar(void) { return fgetwc(&_iob[0]); }
CRTEXP unsigned short _fputwchar(unsigned short c) { return fputwc(c, &_iob[1]); }

CRTEXP int _fclose_nolock(FILE *f) { return fclose(f); }
CRTEXP int _fflush_nolock(FILE *f) { return fflush(f); }
CRTEXP int _fgetc_nolock(FILE *f) { return fgetc(f); }
CRTEXP int _getc_nolock(FILE *f) { return fgetc(f); }
CRTEXP int _putc_nolock(int c, FILE *f) { return fputc(c, f); }
CRTEXP int _ungetc_nolock(int c, FILE *f) { return ungetc(c, f); }
CRTEXP unsigned short _fgetwc_nolock(FILE *f) { return fgetwc(f); }
CRTEXP unsigned short _getwc_nolock(FILE *f) { return fgetwc(f); }
CRTEXP unsigned short _fputwc_nolock(unsigned short c, FILE *f) { return fputwc(c, f); }
CRTEXP unsigned short _putwc_nolock(unsigned short c, FILE *f) { return fputwc(c, f); }
CRTEXP unsigned short _ungetwc_nolock(unsigned short c, FILE *f) { return ungetwc(c, f); }
CRTEXP size_t _fread_nolock(void *p, size_t size, size_t n, FILE *f) { return fread(p, size, n, f); }
CRTEXP size_t _fread_nolock_s(void *p, size_t cap, size_t size, size_t n, FILE *f) { return fread_s(p, cap, size, n, f); }
CRTEXP size_t _fwrite_nolock(const void *p, size_t size, size_t n, FILE *f) { return fwrite(p, size, n, f); }
CRTEXP int _fseek_nolock(FILE *f, long off, int origin) { return fseek(f, off, origin); }
CRTEXP int _fseeki64_nolock(FILE *f, long long off, int origin) { return _fseeki64(f, off, origin); }
CRTEXP long _ftell_nolock(FILE *f) { return ftell(f); }
CRTEXP long long _ftelli64_nolock(FILE *f) { return _ftelli64(f); }
